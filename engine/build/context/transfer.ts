import { contentSize } from '../../fs/content.ts';
import { sortedNames, walk } from '../../fs/tree.ts';
import { runSteps, type Steps } from '../../core/slicer.ts';
import type { DirEntry, Entry } from '../../fs/types.ts';

/**
 * What `transferring context: N` (and `transferring dockerfile: N`) counts: the daemon adds up the protobuf size of
 * every fsutil packet it receives (fsutil `receive.go`, `Packet.Size()`):
 * - one STAT packet per path sent, depth first in name order (path, Go file mode, uid/gid, size, mtime in
 *   nanoseconds, link target; zero fields take no bytes);
 * - for each regular file the daemon asks for, DATA packets of up to 32 KiB and an empty one that ends it; the
 *   daemon asks only for files its copy from the previous transfer lacks or whose stat differs;
 * - the FIN packet that closes the session (2 bytes: an empty directory or a missing Dockerfile shows `2B`).
 */

const CHUNK = 32 * 1024;
const FIN_PACKET = 2;

/** Go's os.FileMode bits fsutil puts in a stat. */
const GO_MODE_DIR = 2 ** 31;
const GO_MODE_SYMLINK = 2 ** 27;
const GO_MODE_SETUID = 2 ** 23;
const GO_MODE_SETGID = 2 ** 22;
const GO_MODE_STICKY = 2 ** 20;

export function goFileMode(e: Entry): number {
  let m = e.mode & 0o777;
  if (e.mode & 0o4000) m += GO_MODE_SETUID;
  if (e.mode & 0o2000) m += GO_MODE_SETGID;
  if (e.mode & 0o1000) m += GO_MODE_STICKY;
  if (e.type === 'dir') m += GO_MODE_DIR;
  if (e.type === 'symlink') m += GO_MODE_SYMLINK;
  return m;
}

/**
 * Bytes the daemon receives for `tree`; `previous` is its copy from the last transfer of the same source. Trees are
 * shared structurally, so a directory that is the very object the last transfer had sends only its stats, whose
 * size is remembered per directory: a rebuild costs what changed plus one lookup per unchanged directory.
 */
export function transferSize(tree: DirEntry, previous?: DirEntry): number {
  return runSteps(transferring(tree, previous));
}

/** transferSize as steps, one per path sent. */
export function* transferring(tree: DirEntry, previous?: DirEntry): Steps<number> {
  let id = 0;
  function* visit(dir: DirEntry, before: Entry | undefined, prefix: string): Steps<number> {
    let total = 0;
    for (const name of sortedNames(dir)) {
      yield;
      const e = dir.children.get(name)!;
      const was = before?.type === 'dir' ? before.children.get(name) : undefined;
      const path = prefix + name;
      total += statPacketSize(path, e);
      if (e.type === 'file' && needsData(e, was)) total += dataPacketsSize(id, contentSize(e.content));
      id++;
      if (e.type !== 'dir') continue;
      if (was === e) {
        const stats = subtreeStats(e, `${path}/`);
        total += stats.bytes;
        id += stats.count;
      } else total += yield* visit(e, was, `${path}/`);
    }
    return total;
  }
  return (yield* visit(tree, previous, '')) + FIN_PACKET;
}

const statsMemo = new WeakMap<DirEntry, Map<string, { bytes: number; count: number }>>();

/** The STAT packets of everything below `dir` (sent under `prefix`), and how many there are. */
function subtreeStats(dir: DirEntry, prefix: string): { bytes: number; count: number } {
  let byPrefix = statsMemo.get(dir);
  const known = byPrefix?.get(prefix);
  if (known) return known;
  let bytes = 0;
  let count = 0;
  for (const [path, e] of walk(dir)) {
    bytes += statPacketSize(prefix + path.slice(1), e);
    count++;
  }
  if (!byPrefix) statsMemo.set(dir, (byPrefix = new Map()));
  const result = { bytes, count };
  byPrefix.set(prefix, result);
  return result;
}

function statPacketSize(path: string, e: Entry): number {
  const pathBytes = utf8Length(path);
  let stat = 1 + varintSize(pathBytes) + pathBytes;
  stat += field(goFileMode(e)) + field(e.uid) + field(e.gid);
  const size = e.type === 'file' ? contentSize(e.content) : e.type === 'symlink' ? utf8Length(e.target) : 0;
  stat += field(size);
  stat += field(nanoseconds(e.mtime));
  if (e.type === 'symlink') {
    const n = utf8Length(e.target);
    if (n > 0) stat += 1 + varintSize(n) + n;
  }
  // Packet{type: STAT (0, omitted), stat: <message>}
  return 1 + varintSize(stat) + stat;
}

function dataPacketsSize(id: number, size: number): number {
  const header = 2 + field(id); // type DATA, then the file's id (0 is omitted)
  let total = header; // the empty packet that ends the file
  for (let left = size; left > 0; left -= CHUNK) {
    const n = Math.min(CHUNK, left);
    total += header + 1 + varintSize(n) + n;
  }
  return total;
}

/** fsutil's sameFile: the daemon keeps its copy when type, mode, owner, size, mtime and link target agree. */
function needsData(e: Entry, before: Entry | undefined): boolean {
  if (before === undefined || before.type !== e.type) return true;
  if (before === e) return false;
  return (
    before.mode !== e.mode ||
    before.uid !== e.uid ||
    before.gid !== e.gid ||
    before.mtime !== e.mtime ||
    (before.type === 'file' && e.type === 'file' && contentSize(before.content) !== contentSize(e.content))
  );
}

/** A proto3 scalar field: tag byte + varint, nothing when zero. */
function field(v: number): number {
  return v === 0 ? 0 : 1 + varintSize(v);
}

/**
 * Nanoseconds as a float: past 2^53 it is not exact, but only its varint length is wanted, which is off only if a
 * timestamp sits within a rounding error of a power of 128 (none does in this century).
 */
function nanoseconds(seconds: number): number {
  return seconds * 1e9;
}

/** Protobuf varint length; negative int64 values take 10 bytes. */
export function varintSize(v: number): number {
  if (v < 0) return 10;
  let n = 1;
  for (let x = v; x >= 128; x = Math.floor(x / 128)) n++;
  return n;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
