import { contentChunks, contentSize, EMPTY_CONTENT } from './content.ts';
import { segments } from './path.ts';
import { buildTree, getEntry, makeDir, makeFile, makeSymlink, setEntry, sortedNames } from './tree.ts';
import type { BuildItem } from './tree.ts';
import { OPAQUE_MARKER } from './union.ts';
import type { DirEntry, Entry, FileEntry } from './types.ts';

/**
 * Layer tars as Docker writes them (moby pkg/archive on top of Go's archive/tar), byte for byte, because a layer's
 * diffID is the SHA-256 of exactly these bytes. What Go does and we copy:
 * - entries depth-first, each directory's children in byte order (filepath.Walk); the layer root is not written;
 *   directory names end in `/`; no `./` prefix;
 * - USTAR headers (magic `ustar\0`, version `00`), numeric fields zero-padded octal ending in NUL, checksum as six
 *   octal digits, NUL, space; uname/gname empty, devmajor/devminor `0000000`;
 * - a name over 100 bytes goes into the USTAR prefix field when it can be split at a slash (Go prefers USTAR);
 *   otherwise (too long, non-ASCII, a long link target, a size or id too big for octal) a PAX `x` header comes first,
 *   named `<dir>/PaxHeaders.0/<file>`, records sorted by key;
 * - an opaque directory is followed by a `.wh..wh..opq` regular file with the directory's permissions and owner and
 *   mtime 0 (moby's overlay whiteout converter); `.wh.` whiteout files are written as the files they are;
 * - the end is two zero blocks, with no padding to a 10 KiB record.
 */

const BLOCK = 512;
const FLUSH_AT = 64 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const TYPE_FILE = 0x30; // '0'
const TYPE_SYMLINK = 0x32; // '2'
const TYPE_DIR = 0x35; // '5'
const TYPE_PAX = 0x78; // 'x'

interface Header {
  name: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  typeflag: number;
  linkname: string;
}

/** The tar of a layer tree, as chunks (fresh arrays the consumer may keep). */
export function* tarChunks(layer: DirEntry): Generator<Uint8Array, void, undefined> {
  const out = new ChunkBuffer();
  if (layer.opaque) yield* out.write(opaqueHeader(layer, ''));
  yield* writeDir(layer, '', out);
  yield* out.write(new Uint8Array(2 * BLOCK));
  yield* out.flush();
}

/**
 * The tar's length without producing it: headers are built (they are small), file contents only counted, so a
 * gigabyte layer is measured in microseconds. `docker save` needs each length before the bytes.
 */
export function tarLength(layer: DirEntry): number {
  let n = 2 * BLOCK + (layer.opaque ? opaqueHeader(layer, '').length : 0);
  const visit = (dir: DirEntry, prefix: string) => {
    for (const name of sortedNames(dir)) {
      const e = dir.children.get(name)!;
      const path = prefix + name;
      if (e.type === 'dir') {
        n += headerBlocks({ ...common(e), name: path + '/', size: 0, typeflag: TYPE_DIR, linkname: '' }).length;
        if (e.opaque) n += opaqueHeader(e, path + '/').length;
        visit(e, path + '/');
      } else if (e.type === 'symlink') {
        n += headerBlocks({ ...common(e), name: path, size: 0, typeflag: TYPE_SYMLINK, linkname: e.target }).length;
      } else {
        const size = contentSize(e.content);
        n += headerBlocks({ ...common(e), name: path, size, typeflag: TYPE_FILE, linkname: '' }).length + size + ((BLOCK - (size % BLOCK)) % BLOCK);
      }
    }
  };
  visit(layer, '');
  return n;
}

/** The whole tar in one array (tests, `docker save`). */
export function tarBytes(layer: DirEntry): Uint8Array {
  return concat([...tarChunks(layer)]);
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

function* writeDir(dir: DirEntry, prefix: string, out: ChunkBuffer): Generator<Uint8Array, void, undefined> {
  for (const name of sortedNames(dir)) {
    const e = dir.children.get(name)!;
    const path = prefix + name;
    if (e.type === 'dir') {
      yield* out.write(headerBlocks({ ...common(e), name: path + '/', size: 0, typeflag: TYPE_DIR, linkname: '' }));
      if (e.opaque) yield* out.write(opaqueHeader(e, path + '/'));
      yield* writeDir(e, path + '/', out);
    } else if (e.type === 'symlink') {
      yield* out.write(headerBlocks({ ...common(e), name: path, size: 0, typeflag: TYPE_SYMLINK, linkname: e.target }));
    } else {
      const size = contentSize(e.content);
      yield* out.write(headerBlocks({ ...common(e), name: path, size, typeflag: TYPE_FILE, linkname: '' }));
      for (const chunk of contentChunks(e.content)) yield* out.write(chunk);
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad > 0) yield* out.write(new Uint8Array(pad));
    }
  }
}

/**
 * One member's header block(s), as Go's archive/tar writes them for moby's pkg/archive: `docker save` wraps its
 * blobs and JSON files in an outer tar with the same header rules as layer tars.
 */
export function tarHeader(h: { name: string; mode: number; uid?: number; gid?: number; size: number; mtime: number; type: 'file' | 'dir' }): Uint8Array {
  return headerBlocks({
    name: h.name,
    mode: h.mode & 0o7777,
    uid: h.uid ?? 0,
    gid: h.gid ?? 0,
    size: h.type === 'dir' ? 0 : h.size,
    mtime: h.mtime,
    typeflag: h.type === 'dir' ? TYPE_DIR : TYPE_FILE,
    linkname: '',
  });
}

function common(e: Entry): Pick<Header, 'mode' | 'uid' | 'gid' | 'mtime'> {
  return { mode: e.mode & 0o7777, uid: e.uid, gid: e.gid, mtime: e.mtime };
}

function opaqueHeader(dir: DirEntry, dirName: string): Uint8Array {
  return headerBlocks({ name: dirName + OPAQUE_MARKER, mode: dir.mode & 0o777, uid: dir.uid, gid: dir.gid, mtime: 0, size: 0, typeflag: TYPE_FILE, linkname: '' });
}

const NONE: readonly Uint8Array[] = [];

/**
 * Batches small writes (headers, small files) so consumers such as a hasher see few, large chunks. It hands back
 * the chunks ready to go out (usually none) instead of being a generator itself: a nested generator per header
 * was most of the cost of tarring a layer of many small files.
 */
class ChunkBuffer {
  #buf = new Uint8Array(FLUSH_AT);
  #pos = 0;

  write(bytes: Uint8Array): readonly Uint8Array[] {
    if (bytes.length >= FLUSH_AT) {
      const pending = this.#take();
      return pending ? [pending, bytes] : [bytes];
    }
    let ready = NONE;
    if (this.#pos + bytes.length > FLUSH_AT) ready = [this.#take()!];
    this.#buf.set(bytes, this.#pos);
    this.#pos += bytes.length;
    return ready;
  }

  flush(): readonly Uint8Array[] {
    const pending = this.#take();
    return pending ? [pending] : NONE;
  }

  #take(): Uint8Array | undefined {
    if (this.#pos === 0) return undefined;
    const chunk = this.#buf.subarray(0, this.#pos);
    this.#buf = new Uint8Array(FLUSH_AT);
    this.#pos = 0;
    return chunk;
  }
}

// Field offsets and lengths of a USTAR header block.
const F = {
  name: [0, 100],
  mode: [100, 8],
  uid: [108, 8],
  gid: [116, 8],
  size: [124, 12],
  mtime: [136, 12],
  chksum: [148, 8],
  typeflag: [156, 1],
  linkname: [157, 100],
  magic: [257, 6],
  version: [263, 2],
  uname: [265, 32],
  gname: [297, 32],
  devmajor: [329, 8],
  devminor: [337, 8],
  prefix: [345, 155],
} as const;

function fitsOctal(len: number, n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0 && n < 8 ** (len - 1);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Go's toASCII: best effort for header fields whose real value is in a PAX record. */
function toAscii(s: string): string {
  let out = '';
  for (const ch of s) if (ch.charCodeAt(0) < 0x80 && ch !== '\u0000') out += ch;
  return out;
}

/** Go's splitUSTARPath: a name over 100 bytes split at a slash into prefix (≤155) and name (≤100). */
function splitUstar(name: string): [string, string] | undefined {
  let length = name.length;
  if (length <= 100 || !isAscii(name)) return undefined;
  if (length > 156) length = 156;
  else if (name[length - 1] === '/') length--;
  const i = name.lastIndexOf('/', length - 1);
  const nlen = name.length - i - 1;
  if (i <= 0 || nlen > 100 || nlen === 0 || i > 155) return undefined;
  return [name.slice(0, i), name.slice(i + 1)];
}

/** The header block(s) for one entry: a PAX header and its records first when USTAR cannot say it all. */
function headerBlocks(h: Header): Uint8Array {
  // Go's Header.allowedFormats: every value USTAR cannot hold gets a PAX record; USTAR is still chosen when the
  // only problem is a long name that splits into prefix + name.
  const pax: Record<string, string> = {};
  let ustar = true;
  if (h.name.length > 100 || !isAscii(h.name)) {
    pax.path = h.name;
    if (splitUstar(h.name) === undefined) ustar = false;
  }
  if (h.linkname.length > 100 || !isAscii(h.linkname)) {
    pax.linkpath = h.linkname;
    ustar = false;
  }
  for (const [key, value, len] of [
    ['size', h.size, 12],
    ['uid', h.uid, 8],
    ['gid', h.gid, 8],
    ['mtime', h.mtime, 12],
  ] as const) {
    if (!fitsOctal(len, value)) {
      pax[key] = String(Math.floor(value));
      ustar = false;
    }
  }
  if (ustar) {
    const [prefix, name] = splitUstar(h.name) ?? ['', h.name];
    return ustarBlock(h, name, prefix, true);
  }
  const records = encoder.encode(
    Object.keys(pax)
      .sort()
      .map((k) => paxRecord(k, pax[k]!))
      .join(''),
  );
  // path.Join(path.Split(name) with "PaxHeaders.0" between), then Go's raw-file name rules.
  const slash = h.name.lastIndexOf('/');
  const paxName = normalizeJoin(h.name.slice(0, slash + 1), 'PaxHeaders.0', h.name.slice(slash + 1));
  const paxHead = ustarBlock(
    { name: '', mode: 0, uid: 0, gid: 0, size: records.length, mtime: 0, typeflag: TYPE_PAX, linkname: '' },
    toAscii(paxName).slice(0, 100).replace(/\/+$/, ''),
    '',
    false,
  );
  const padded = new Uint8Array(Math.ceil(records.length / BLOCK) * BLOCK);
  padded.set(records);
  return concat([paxHead, padded, ustarBlock(h, toAscii(h.name), '', true)]);
}

function normalizeJoin(...parts: string[]): string {
  return parts
    .join('/')
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

/** `<len> <key>=<value>\n` where len counts the whole record, its own digits included. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyLen = encoder.encode(body).length;
  let len = bodyLen + String(bodyLen).length;
  if (String(len).length + bodyLen !== len) len = bodyLen + String(len).length;
  return `${len}${body}`;
}

function ustarBlock(h: Header, name: string, prefix: string, full: boolean): Uint8Array {
  const b = new Uint8Array(BLOCK);
  putString(b, F.name, name);
  putOctal(b, F.mode, h.mode);
  putOctal(b, F.uid, h.uid);
  putOctal(b, F.gid, h.gid);
  putOctal(b, F.size, h.size);
  putOctal(b, F.mtime, h.mtime);
  b[F.typeflag[0]] = h.typeflag;
  putString(b, F.linkname, toAscii(h.linkname));
  putString(b, F.magic, 'ustar\u0000');
  putString(b, F.version, '00');
  // Go fills these only for real entries; its raw PAX header leaves them as NULs.
  if (full) {
    putOctal(b, F.devmajor, 0);
    putOctal(b, F.devminor, 0);
  }
  putString(b, F.prefix, prefix);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= F.chksum[0] && i < F.chksum[0] + F.chksum[1] ? 0x20 : b[i]!;
  putOctal(b, [F.chksum[0], 7], sum);
  b[F.chksum[0] + 7] = 0x20;
  return b;
}

function putString(b: Uint8Array, [off, len]: readonly [number, number], s: string): void {
  if (s.length <= len && isAscii(s)) {
    // The common case, without a TextEncoder round trip per field.
    for (let i = 0; i < s.length; i++) b[off + i] = s.charCodeAt(i);
    return;
  }
  const bytes = encoder.encode(s);
  b.set(bytes.subarray(0, len), off);
  // Go's formatString: a value cut off right after a slash must not look like a directory to old readers.
  if (bytes.length > len && b[off + len - 1] === 0x2f) {
    let n = len - 1;
    while (n > 0 && b[off + n - 1] === 0x2f) n--;
    b.fill(0, off + n, off + len);
  }
}

/** Zero-padded octal then NUL; a value that does not fit is written as 0 (its PAX record carries it). */
function putOctal(b: Uint8Array, [off, len]: readonly [number, number], n: number): void {
  const v = fitsOctal(len, n) ? n : 0;
  putString(b, [off, len], v.toString(8).padStart(len - 1, '0') + '\u0000');
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

export class TarError extends Error {
  override readonly name = 'TarError';
}

/** One member of a tar, after PAX and GNU long-name records are applied. */
export interface TarMember {
  readonly name: string;
  readonly type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtime: number;
  readonly linkname: string;
  readonly data: Uint8Array;
}

/** Members in archive order. Throws TarError on a damaged archive (bad checksum, truncated data). */
export function readTar(tar: Uint8Array): TarMember[] {
  const members: TarMember[] = [];
  let off = 0;
  let pax: Record<string, string> = {};
  let global: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  while (off + BLOCK <= tar.length) {
    const block = tar.subarray(off, off + BLOCK);
    if (block.every((x) => x === 0)) break;
    verifyChecksum(block, off);
    const typeflag = block[F.typeflag[0]]!;
    let size = readNumber(block, F.size);
    if (pax.size !== undefined) size = Number(pax.size);
    const dataStart = off + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > tar.length) throw new TarError(`truncated tar: member at ${off} needs ${size} bytes`);
    const data = tar.subarray(dataStart, dataEnd);
    off = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (typeflag === TYPE_PAX || typeflag === 0x67 /* g */) {
      const records = parsePax(data);
      if (typeflag === TYPE_PAX) pax = records;
      else global = { ...global, ...records };
      continue;
    }
    if (typeflag === 0x4c /* L */ || typeflag === 0x4b /* K */) {
      const s = cString(data);
      if (typeflag === 0x4c) longName = s;
      else longLink = s;
      continue;
    }
    const attrs = { ...global, ...pax };
    let name = cString(block.subarray(F.name[0], F.name[0] + F.name[1]));
    const magic = cString(block.subarray(F.magic[0], F.magic[0] + 5));
    const prefix = magic === 'ustar' ? cString(block.subarray(F.prefix[0], F.prefix[0] + F.prefix[1])) : '';
    if (prefix !== '') name = `${prefix}/${name}`;
    name = attrs.path ?? longName ?? name;
    const linkname = attrs.linkpath ?? longLink ?? cString(block.subarray(F.linkname[0], F.linkname[0] + F.linkname[1]));
    const type =
      typeflag === TYPE_FILE || typeflag === 0 || typeflag === 0x37 /* 7: contiguous */
        ? name.endsWith('/')
          ? 'dir'
          : 'file'
        : typeflag === TYPE_DIR
          ? 'dir'
          : typeflag === TYPE_SYMLINK
            ? 'symlink'
            : typeflag === 0x31 /* 1 */
              ? 'hardlink'
              : 'other';
    members.push({
      name,
      type,
      mode: readNumber(block, F.mode) & 0o7777,
      uid: attrs.uid !== undefined ? Number(attrs.uid) : readNumber(block, F.uid),
      gid: attrs.gid !== undefined ? Number(attrs.gid) : readNumber(block, F.gid),
      mtime: attrs.mtime !== undefined ? Math.floor(Number(attrs.mtime)) : readNumber(block, F.mtime),
      linkname,
      data,
    });
    pax = {};
    longName = longLink = undefined;
  }
  return members;
}

/**
 * A layer tree from a layer tar: whiteout files stay as they are, `.wh..wh..opq` marks its directory opaque,
 * hard links become copies of their target, devices and FIFOs are skipped. File bytes are copied out of `tar`;
 * content comes back as plain bytes (a tar cannot say a file was synthetic or which simulated program it is).
 */
export function tarToTree(tar: Uint8Array): DirEntry {
  const items: BuildItem[] = [];
  const opaque: string[] = [];
  const byPath = new Map<string, Entry>();
  for (const m of readTar(tar)) {
    const segs = segments(m.name);
    if (segs.includes('..')) throw new TarError(`unsafe path in tar: ${m.name}`);
    const path = '/' + segs.join('/');
    const meta = { mode: m.mode, uid: m.uid, gid: m.gid, mtime: m.mtime };
    let entry: Entry;
    if (segs[segs.length - 1] === OPAQUE_MARKER) {
      opaque.push('/' + segs.slice(0, -1).join('/'));
      continue;
    }
    if (m.type === 'dir') entry = makeDir([], meta);
    else if (m.type === 'symlink') entry = makeSymlink(m.linkname, meta);
    else if (m.type === 'file') entry = makeFile(m.data.length === 0 ? EMPTY_CONTENT : m.data.slice(), meta);
    else if (m.type === 'hardlink') {
      const target = byPath.get('/' + segments(m.linkname).join('/'));
      if (target?.type !== 'file') continue;
      entry = makeFile((target as FileEntry).content, meta);
    } else continue;
    if (segs.length === 0 && entry.type !== 'dir') continue;
    byPath.set(path, entry);
    items.push({ path, entry });
  }
  let root = buildTree(items);
  for (const p of opaque) {
    const d = getEntry(root, p);
    if (d === undefined) root = setEntry(root, p, makeDir([], {}), {});
    const dir = getEntry(root, p);
    if (dir?.type === 'dir') root = setEntry(root, p, { ...dir, opaque: true });
  }
  return root;
}

function verifyChecksum(block: Uint8Array, off: number): void {
  const stored = readNumber(block, F.chksum);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const x = i >= F.chksum[0] && i < F.chksum[0] + F.chksum[1] ? 0x20 : block[i]!;
    unsigned += x;
    signed += x >= 0x80 ? x - 0x100 : x;
  }
  if (stored !== unsigned && stored !== signed) throw new TarError(`bad tar header checksum at offset ${off}`);
}

function cString(b: Uint8Array): string {
  const nul = b.indexOf(0);
  return decoder.decode(nul < 0 ? b : b.subarray(0, nul));
}

/** Octal (space/NUL terminated) or GNU base-256 (high bit set). */
function readNumber(block: Uint8Array, [off, len]: readonly [number, number]): number {
  const f = block.subarray(off, off + len);
  if (f[0]! & 0x80) {
    let n = f[0]! & 0x7f;
    for (let i = 1; i < len; i++) n = n * 256 + f[i]!;
    return n;
  }
  const s = decoder.decode(f).replace(/[\0 ]+$/, '').replace(/^[\0 ]+/, '');
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarError(`bad number in tar header: ${JSON.stringify(s)}`);
  return parseInt(s, 8);
}

function parsePax(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let off = 0;
  while (off < data.length) {
    const space = data.indexOf(0x20, off);
    if (space < 0) break;
    const len = parseInt(decoder.decode(data.subarray(off, space)), 10);
    if (!(len > 0) || off + len > data.length) throw new TarError('bad PAX record');
    const rec = decoder.decode(data.subarray(space + 1, off + len - 1));
    const eq = rec.indexOf('=');
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    off += len;
  }
  return out;
}
