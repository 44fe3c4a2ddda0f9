import { DockerError } from '../../core/errors.ts';
import { chainIds, digestBytes } from '../../fs/digest.ts';
import { compareNames } from '../../fs/path.ts';
import { readContent } from '../../fs/content.ts';
import { makeDir } from '../../fs/tree.ts';
import { readTar, tarBytes, tarChunks, tarToTree, TarError } from '../../fs/tar.ts';
import type { DirEntry, FileContent } from '../../fs/types.ts';
import { checkConfigFields } from './config-fields.ts';
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

/** Sequential reads over lazy content that can jump ahead without producing what it jumps over. */
class ChunkReader {
  #at = 0;
  #chunks: Iterator<Uint8Array> | undefined;
  #pending: Uint8Array = new Uint8Array(0);

  constructor(private readonly content: { readonly size: number; chunks(start?: number): Iterable<Uint8Array> }) {}

  /** The next `n` bytes (a copy), or undefined when the content ends first. */
  take(n: number): Uint8Array | undefined {
    if (this.#at + n > this.content.size) return undefined;
    const out = new Uint8Array(n);
    let got = 0;
    while (got < n) {
      if (this.#pending.length === 0) {
        this.#chunks ??= this.content.chunks(this.#at)[Symbol.iterator]();
        const next = this.#chunks.next();
        if (next.done) return undefined;
        this.#pending = next.value;
        continue;
      }
      const part = this.#pending.subarray(0, n - got);
      out.set(part, got);
      got += part.length;
      this.#pending = this.#pending.subarray(part.length);
    }
    this.#at += n;
    return out;
  }

  skip(n: number): void {
    if (n <= this.#pending.length) this.#pending = this.#pending.subarray(n);
    else {
      // Past what is in hand: start over from the new offset rather than produce the bytes in between.
      this.#pending = new Uint8Array(0);
      this.#chunks = undefined;
    }
    this.#at += n;
  }
}

/** A layer tar the archive's producer made from a tree it handed over (see FileContent `trees`). */
interface KnownTar {
  /** The digest the member is named after, which is the digest of its bytes. */
  readonly digest: Digest;
  readonly size: number;
  readonly tree: DirEntry;
}

type Node = { type: 'file'; data: Uint8Array; known?: undefined } | { type: 'file'; known: KnownTar } | { type: 'dir' } | { type: 'symlink'; target: string };

const TYPE_FILE = 0x30;
const TYPE_DIR = 0x35;
const BLOB_NAME = /^blobs\/sha256\/([0-9a-f]{64})$/;

/** The unpacked archive: cleaned relative paths to what Untar would have left there (a later member wins). */
class Unpacked {
  readonly nodes = new Map<string, Node>();

  constructor(readonly tmp: string) {}

  static ofBytes(bytes: Uint8Array, tmp: string): Unpacked {
    const archive = new Unpacked(tmp);
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
      if (m.type === 'dir') archive.put(path, { type: 'dir' });
      else if (m.type === 'symlink') archive.put(path, { type: 'symlink', target: m.linkname });
      else if (m.type === 'file') archive.put(path, { type: 'file', data: m.data });
      else if (m.type === 'hardlink') {
        const target = archive.nodes.get(clean(m.linkname));
        if (target?.type === 'file') archive.put(path, target);
      }
    }
    return archive;
  }

  /**
   * The archive of lazy content, read a chunk at a time: a member named after one of the content's trees is noted
   * and stepped over unread. Only the plain shape `docker save` writes is walked here (USTAR files and directories,
   * checksums right, two zero blocks at the end); anything else, or content without trees, comes back undefined and
   * is read as bytes, so its checks and errors stay those of any other archive.
   */
  static ofLazy(content: Extract<FileContent, { kind: 'lazy' }>, tmp: string): Unpacked | undefined {
    const trees = content.trees;
    if (trees === undefined || trees.size === 0) return undefined;
    try {
      return Unpacked.walk(content, trees, tmp);
    } catch (e) {
      // A field this walk cannot read is left to the full reader, which reports it in Docker's words.
      if (e instanceof DockerError) return undefined;
      throw e;
    }
  }

  private static walk(content: Extract<FileContent, { kind: 'lazy' }>, trees: ReadonlyMap<string, DirEntry>, tmp: string): Unpacked | undefined {
    const archive = new Unpacked(tmp);
    const reader = new ChunkReader(content);
    for (;;) {
      const header = reader.take(BLOCK);
      if (header === undefined) return undefined;
      if (header.every((b) => b === 0)) {
        const next = reader.take(BLOCK);
        return next !== undefined && next.every((b) => b === 0) ? archive : undefined;
      }
      if (!checksumOk(header) || decoder.decode(header.subarray(257, 263)) !== 'ustar\0' || header[345] !== 0) return undefined;
      const type = header[156];
      const size = octal(header.subarray(124, 136));
      const nul = header.indexOf(0);
      const path = clean(decoder.decode(header.subarray(0, nul < 0 || nul > 100 ? 100 : nul)));
      const padded = Math.ceil(size / BLOCK) * BLOCK;
      if (type === TYPE_DIR) {
        archive.put(path, { type: 'dir' });
        reader.skip(padded);
        continue;
      }
      if (type !== TYPE_FILE || path === '' || decoder.decode(header.subarray(0, 100)).replace(/\0+$/, '').endsWith('/')) return undefined;
      const hex = BLOB_NAME.exec(path)?.[1];
      const tree = hex === undefined ? undefined : trees.get(`sha256:${hex}`);
      if (tree !== undefined) {
        archive.put(path, { type: 'file', known: { digest: `sha256:${hex}`, size, tree } });
        reader.skip(padded);
        continue;
      }
      const data = reader.take(size);
      if (data === undefined) return undefined;
      archive.put(path, { type: 'file', data });
      reader.skip(padded - size);
    }
  }

  /** A member lands where Untar puts it: under its directories, never outside the temp dir. */
  private put(path: string, node: Node): void {
    if (path === '' || path === '..' || path.startsWith('../')) return;
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
      if (!this.nodes.has(path.slice(0, i))) this.nodes.set(path.slice(0, i), { type: 'dir' });
    }
    this.nodes.set(path, node);
  }

  /** The member at `rel` (after links), if any. */
  node(rel: string): Node | undefined {
    return this.nodes.get(this.resolve(rel));
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
    const file = node as Extract<Node, { type: 'file' }>;
    return file.known !== undefined ? tarBytes(file.known.tree) : file.data;
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
  checkConfigFields(o, fail);
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
export function loadArchive(source: Uint8Array | FileContent, options: LoadOptions = {}): LoadedArchive {
  const tmp = options.tmpDir ?? DEFAULT_TMP_DIR;
  const archive =
    source instanceof Uint8Array
      ? Unpacked.ofBytes(source, tmp)
      : ((source.kind === 'lazy' ? Unpacked.ofLazy(source, tmp) : undefined) ?? Unpacked.ofBytes(readContent(source), tmp));
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
      const known = archive.node(layerPath);
      if (known?.type === 'file' && known.known !== undefined) {
        layers.set(diffId, knownLayer(known.known, diffId, i));
        return;
      }
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

/**
 * A layer whose tar the archive's producer made from a tree it handed over: the checks the bytes would get, answered
 * from what is known of them (they are the tree's tar, named after its digest), and the tree itself.
 */
function knownLayer(known: KnownTar, diffId: Digest, i: number): LoadedLayer {
  const first = tarChunks(known.tree).next();
  const head = first.done ? new Uint8Array(0) : first.value;
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) fail(`layer ${i} of this archive is gzip-compressed, which this simulator cannot unpack`);
  if (known.digest !== diffId) fail(`invalid diffID for layer ${i}: expected ${JSON.stringify(diffId)}, got ${JSON.stringify(known.digest)}`);
  // A layer tar does not hold its root directory, so the root comes back as reading the tar would leave it.
  const { mode, uid, gid, mtime } = makeDir();
  return { diffId, size: known.size, tree: { ...known.tree, mode, uid, gid, mtime } };
}
