import { DockerError } from '../../core/errors.ts';
import { chainIds, digestBytes } from '../../fs/digest.ts';
import { compareNames } from '../../fs/path.ts';
import { readTar, tarToTree, TarError } from '../../fs/tar.ts';
import { field, firstJsonValue, jsonKind, jsonSyntaxError } from './gojson.ts';
import { DEFAULT_TMP_DIR } from './types.ts';
import type { Digest, LoadedArchive, LoadedImage, LoadedLayer, LoadOptions } from './types.ts';

/**
 * `docker load` of Docker Engine 28 (moby image/tarexport/load.go), minus the store: the archive is unpacked (here:
 * indexed in memory), manifest.json read, and for each image its config and layers checked in the order Docker
 * checks them, so the first problem found is the one Docker reports, in its words. Archives of older engines (v1.10
 * to 24: `<id>.json` configs and `<id>/layer.tar`, shared layers as symlinks) load through the same manifest.json path.
 */

const BLOCK = 512;
const decoder = new TextDecoder();
const MANIFEST = 'manifest.json';

const fail = (message: string): never => {
  throw new DockerError(message, 1, 'ELOAD');
};

/**
 * Go's archive/tar reading `bytes` to the end, as chrootarchive.Untar does before anything else: a header that fails
 * its checksum is `invalid tar header`, a short header or body `unexpected EOF`. Returns where the archive ends.
 */
function checkTar(bytes: Uint8Array): number {
  let off = 0;
  let paxSize: number | undefined;
  for (;;) {
    if (off === bytes.length) return off;
    if (bytes.length - off < BLOCK) fail('unexpected EOF');
    const block = bytes.subarray(off, off + BLOCK);
    if (block.every((b) => b === 0)) {
      // One zero block then the end is fine; a zero block then anything but zeros is not a tar.
      const next = bytes.subarray(off + BLOCK, off + 2 * BLOCK);
      if (next.length === 0) return off + BLOCK;
      if (next.length < BLOCK) fail('unexpected EOF');
      if (!next.every((b) => b === 0)) fail('archive/tar: invalid tar header');
      return off + 2 * BLOCK;
    }
    if (!checksumOk(block)) fail('archive/tar: invalid tar header');
    const type = block[156]!;
    let size = octal(block.subarray(124, 136));
    if (paxSize !== undefined) size = paxSize;
    paxSize = undefined;
    if (type === 0x35 || type === 0x32 || type === 0x31) size = 0;
    const end = off + BLOCK + size;
    if (end > bytes.length) fail('unexpected EOF');
    if (type === 0x78) {
      const m = /(?:^|\n)\d+ size=(\d+)\n/.exec(decoder.decode(bytes.subarray(off + BLOCK, end)));
      if (m) paxSize = Number(m[1]);
    }
    off += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (off > bytes.length) fail('unexpected EOF');
  }
}

function checksumOk(block: Uint8Array): boolean {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const x = i >= 148 && i < 156 ? 0x20 : block[i]!;
    unsigned += x;
    signed += x >= 0x80 ? x - 0x100 : x;
  }
  const field = block.subarray(148, 156);
  const text = decoder.decode(field).replace(/[\0 ]+$/, '').replace(/^[\0 ]+/, '');
  if (!/^[0-7]+$/.test(text)) return false;
  const stored = parseInt(text, 8);
  return stored === unsigned || stored === signed;
}

function octal(f: Uint8Array): number {
  if (f[0]! & 0x80) {
    let n = f[0]! & 0x7f;
    for (let i = 1; i < f.length; i++) n = n * 256 + f[i]!;
    return n;
  }
  const s = decoder.decode(f).replace(/[\0 ]+$/, '').replace(/^[\0 ]+/, '');
  if (s !== '' && !/^[0-7]+$/.test(s)) fail('archive/tar: invalid tar header');
  return s === '' ? 0 : parseInt(s, 8);
}

type Node = { type: 'file'; data: Uint8Array } | { type: 'dir' } | { type: 'symlink'; target: string };

/** The unpacked archive: cleaned relative paths to what Untar would have left there (a later member wins). */
class Unpacked {
  readonly nodes = new Map<string, Node>();

  constructor(
    bytes: Uint8Array,
    readonly tmp: string,
  ) {
    const end = checkTar(bytes);
    let members;
    try {
      members = readTar(bytes.subarray(0, end));
    } catch (e) {
      if (e instanceof TarError) fail(/truncated/.test(e.message) ? 'unexpected EOF' : 'archive/tar: invalid tar header');
      throw e;
    }
    for (const m of members) {
      const path = clean(m.name);
      if (path === '' || path === '..' || path.startsWith('../')) continue;
      for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
        if (!this.nodes.has(path.slice(0, i))) this.nodes.set(path.slice(0, i), { type: 'dir' });
      }
      if (m.type === 'dir') this.nodes.set(path, { type: 'dir' });
      else if (m.type === 'symlink') this.nodes.set(path, { type: 'symlink', target: m.linkname });
      else if (m.type === 'file') this.nodes.set(path, { type: 'file', data: m.data });
      else if (m.type === 'hardlink') {
        const target = this.nodes.get(clean(m.linkname));
        if (target?.type === 'file') this.nodes.set(path, target);
      }
    }
  }

  /** symlink.FollowSymlinkInScope: links resolve inside the archive, `..` stops at its root. */
  resolve(rel: string): string {
    let parts = clean(rel).split('/').filter((p) => p !== '' && p !== '..');
    for (let hops = 0; hops < 255; hops++) {
      const at = parts.findIndex((_, i) => this.nodes.get(parts.slice(0, i + 1).join('/'))?.type === 'symlink');
      if (at < 0) return parts.join('/');
      const link = this.nodes.get(parts.slice(0, at + 1).join('/')) as { target: string };
      const base = link.target.startsWith('/') ? [] : parts.slice(0, at);
      parts = clean([...base, link.target, ...parts.slice(at + 1)].join('/'))
        .split('/')
        .filter((p) => p !== '' && p !== '..');
    }
    return fail(`FollowSymlinkInScope: too many links in ${this.tmp}/${clean(rel)}`);
  }

  /** os.ReadFile of `rel` under the temp dir, with Go's error text. */
  read(rel: string): Uint8Array {
    const path = this.resolve(rel);
    const full = path === '' ? this.tmp : `${this.tmp}/${path}`;
    const node = path === '' ? ({ type: 'dir' } as const) : this.nodes.get(path);
    if (node === undefined) {
      const parent = path.split('/').slice(0, -1);
      const blocker = parent.findIndex((_, i) => this.nodes.get(parent.slice(0, i + 1).join('/'))?.type === 'file');
      return fail(`open ${full}: ${blocker >= 0 ? 'not a directory' : 'no such file or directory'}`);
    }
    if (node.type === 'dir') return fail(`read ${full}: is a directory`);
    return (node as { data: Uint8Array }).data;
  }

  has(rel: string): boolean {
    return this.nodes.has(this.resolve(rel));
  }
}

/** filepath.Clean of a relative path, without a leading `./` or `/`. */
function clean(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else out.push('..');
    } else out.push(seg);
  }
  return out.join('/');
}

interface ManifestItem {
  config: string;
  repoTags: string[];
  layers: string[];
  parent: string;
}

/** json.Decoder into []manifestItem: syntax first, then the first value of the wrong type. */
function parseManifest(bytes: Uint8Array): ManifestItem[] | null {
  const text = decoder.decode(bytes);
  const syntax = jsonSyntaxError(text, 'decode');
  if (syntax !== undefined) fail(syntax);
  const value = firstJsonValue(text);
  if (value === null) return null;
  const typeError = (kind: string, where: string, type: string) => fail(`json: cannot unmarshal ${kind} into ${where} of type ${type}`);
  if (!Array.isArray(value)) return typeError(jsonKind(value), 'Go value', '[]tarexport.manifestItem');
  let firstError: (() => never) | undefined;
  const items = value.map((v: unknown): ManifestItem => {
    const item: ManifestItem = { config: '', repoTags: [], layers: [], parent: '' };
    if (v === null) return item;
    if (typeof v !== 'object' || Array.isArray(v)) {
      firstError ??= () => typeError(jsonKind(v), 'Go value', 'tarexport.manifestItem');
      return item;
    }
    const o = v as Record<string, unknown>;
    const str = (name: 'Config' | 'Parent', type: string): string => {
      const x = field(o, name);
      if (x === undefined || x === null) return '';
      if (typeof x === 'string') return x;
      firstError ??= () => typeError(jsonKind(x), `Go struct field manifestItem.${name}`, type);
      return '';
    };
    const list = (name: 'RepoTags' | 'Layers'): string[] => {
      const x = field(o, name);
      if (x === undefined || x === null) return [];
      if (!Array.isArray(x)) {
        firstError ??= () => typeError(jsonKind(x), `Go struct field manifestItem.${name}`, '[]string');
        return [];
      }
      return x.map((e) => {
        if (typeof e === 'string' || e === null) return e ?? '';
        firstError ??= () => typeError(jsonKind(e), `Go struct field manifestItem.${name}`, 'string');
        return '';
      });
    };
    item.config = str('Config', 'string');
    item.repoTags = list('RepoTags');
    item.layers = list('Layers');
    item.parent = str('Parent', 'image.ID');
    return item;
  });
  if (firstError) firstError();
  return items;
}

interface ConfigFacts {
  diffIds: Digest[];
  os: string;
}

/** image.NewFromJSON, and the OS check after it. */
function parseConfig(bytes: Uint8Array): ConfigFacts {
  const text = decoder.decode(bytes);
  const syntax = jsonSyntaxError(text, 'unmarshal');
  if (syntax !== undefined) fail(syntax);
  const v = JSON.parse(text) as unknown;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    if (v === null) fail('invalid image JSON, no RootFS key');
    fail(`json: cannot unmarshal ${jsonKind(v)} into Go value of type image.Image`);
  }
  const o = v as Record<string, unknown>;
  const rootfs = field(o, 'rootfs');
  if (rootfs === undefined || rootfs === null) fail('invalid image JSON, no RootFS key');
  if (typeof rootfs !== 'object' || Array.isArray(rootfs)) fail(`json: cannot unmarshal ${jsonKind(rootfs)} into Go struct field Image.rootfs of type image.RootFS`);
  const ids = field(rootfs as Record<string, unknown>, 'diff_ids');
  if (ids !== undefined && ids !== null && !Array.isArray(ids)) fail(`json: cannot unmarshal ${jsonKind(ids)} into Go struct field RootFS.rootfs.diff_ids of type []layer.DiffID`);
  const diffIds = ((ids as unknown[] | null | undefined) ?? []).map((d) => {
    if (typeof d !== 'string' && d !== null) fail(`json: cannot unmarshal ${jsonKind(d)} into Go struct field RootFS.rootfs.diff_ids of type layer.DiffID`);
    return (d as string | null) ?? '';
  });
  const os = field(o, 'os');
  if (os !== undefined && os !== null && typeof os !== 'string') fail(`json: cannot unmarshal ${jsonKind(os)} into Go struct field Image.os of type string`);
  return { diffIds, os: (os as string | undefined | null) ?? '' };
}

/** Docker 28 falls back to the pre-1.10 format when there is no manifest.json: every directory is an image. */
function legacyLoad(archive: Unpacked): LoadedArchive {
  const dirs = [...archive.nodes].filter(([p, n]) => n.type === 'dir' && !p.includes('/')).map(([p]) => p);
  dirs.sort(compareNames);
  if (dirs.length > 0) {
    archive.read(`${dirs[0]}/json`);
    fail('loading images saved by Docker before 1.10 (no manifest.json) is not supported here');
  }
  const repos = archive.read('repositories');
  const text = decoder.decode(repos);
  const syntax = jsonSyntaxError(text, 'decode');
  if (syntax !== undefined) fail(syntax);
  const value = firstJsonValue(text);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const tags of Object.values(value as Record<string, unknown>)) {
      if (tags !== null && typeof tags === 'object') {
        for (const id of Object.values(tags as Record<string, unknown>)) fail(`invalid target ID: ${String(id)}`);
      }
    }
  }
  return { images: [], layers: new Map() };
}

/**
 * The images of a `docker save` archive, checked as `docker load` checks them. Throws DockerError with Docker's
 * message for the first problem. Each layer's tar is verified against its diffID before its tree is built.
 */
export function loadArchive(bytes: Uint8Array, options: LoadOptions = {}): LoadedArchive {
  const tmp = options.tmpDir ?? DEFAULT_TMP_DIR;
  const archive = new Unpacked(bytes, tmp);
  if (!archive.has(MANIFEST)) return legacyLoad(archive);
  const manifest = parseManifest(archive.read(MANIFEST));
  if (manifest === null) return fail('invalid manifest, manifest cannot be null (but can be [])');

  const images: LoadedImage[] = [];
  const layers = new Map<Digest, LoadedLayer>();
  for (const m of manifest) {
    const configBytes = archive.read(m.config);
    const config = parseConfig(configBytes);
    if (config.os !== '' && config.os !== 'linux') fail(`cannot load ${config.os} image on linux`);
    if (m.layers.length !== config.diffIds.length) fail(`invalid manifest, layers length mismatch: expected ${m.layers.length}, got ${config.diffIds.length}`);
    const chains = chainIds(config.diffIds);
    config.diffIds.forEach((diffId, i) => {
      const layerPath = m.layers[i]!;
      archive.resolve(layerPath);
      if (layers.has(diffId) || options.hasLayer?.(chains[i]!)) return;
      const tar = archive.read(layerPath);
      if (tar.length >= 2 && tar[0] === 0x1f && tar[1] === 0x8b) fail(`layer ${i} of this archive is gzip-compressed, which this simulator cannot unpack`);
      const end = checkTar(tar);
      const actual = digestBytes(tar);
      if (actual !== diffId) fail(`invalid diffID for layer ${i}: expected ${JSON.stringify(diffId)}, got ${JSON.stringify(actual)}`);
      let tree;
      try {
        tree = tarToTree(tar.subarray(0, end));
      } catch (e) {
        if (e instanceof TarError) fail(/unsafe path/.test(e.message) ? e.message : 'archive/tar: invalid tar header');
        throw e;
      }
      layers.set(diffId, { diffId, size: tar.length, tree });
    });
    const configJson = decoder.decode(configBytes);
    images.push({
      id: digestBytes(configBytes),
      configJson,
      repoTags: m.repoTags,
      diffIds: config.diffIds,
      ...(m.parent !== '' ? { parent: m.parent } : {}),
    });
  }
  // validatedParentLinks: a parent counts only when it is another image of this archive.
  const ids = new Set(images.map((i) => i.id));
  return {
    images: images.map((img) => (img.parent !== undefined && (img.parent === img.id || !ids.has(img.parent)) ? (({ parent: _p, ...rest }) => rest)(img) : img)),
    layers,
  };
}
