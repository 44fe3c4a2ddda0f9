import { contentSize, EMPTY_CONTENT, readContent, readRange } from '../../fs/content.ts';
import { segments } from '../../fs/path.ts';
import { readTar, TarError, type TarMember } from '../../fs/tar.ts';
import { TreeFs } from '../../fs/tree-fs.ts';
import { makeFile, makeSymlink } from '../../fs/tree.ts';
import { FsError, type DirEntry, type Entry, type FileContent } from '../../fs/types.ts';
import { BuildContextError } from './errors.ts';

/**
 * ADD's auto-extraction of local archives (BuildKit's `isArchivePath` and moby's `Untar`): a file is an archive
 * when, once decompressed, it starts with a valid tar header; anything else is copied as a plain file. Plain and
 * gzip tars are extracted here (gzip through fflate, loaded only when one turns up); bzip2, xz and zstd archives,
 * which Docker also extracts, are refused with a message saying the simulator cannot, rather than copied whole.
 */

const BLOCK = 512;

/** The tar's members when `content` is an archive ADD would extract, undefined when it is a plain file. */
export async function readArchive(content: FileContent, name: string): Promise<TarMember[] | undefined> {
  const head = readRange(content, 0, BLOCK);
  let tar: Uint8Array;
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const { gunzipSync } = await import('fflate');
    try {
      tar = gunzipSync(readContent(content));
    } catch {
      return undefined;
    }
  } else if (isCompressedOtherwise(head)) {
    throw new BuildContextError(
      `ADD ${name}: extracting bzip2, xz or zstd archives is not simulated (Docker would extract it); use a plain or gzip tar`,
      'EUNSUPPORTED',
    );
  } else {
    if (!startsWithTarHeader(head) || contentSize(content) < BLOCK) return undefined;
    tar = readContent(content);
  }
  if (!startsWithTarHeader(tar.subarray(0, BLOCK))) return undefined;
  try {
    return readTar(tar);
  } catch (e) {
    // Go's tar reader stops the same way partway through a damaged archive.
    if (e instanceof TarError) throw new BuildContextError(`failed to copy files: ${e.message}`, 'ECOPY');
    throw e;
  }
}

function isCompressedOtherwise(h: Uint8Array): boolean {
  const bzip2 = h[0] === 0x42 && h[1] === 0x5a && h[2] === 0x68;
  const xz = h[0] === 0xfd && h[1] === 0x37 && h[2] === 0x7a && h[3] === 0x58 && h[4] === 0x5a && h[5] === 0x00;
  const zstd = h[0] === 0x28 && h[1] === 0xb5 && h[2] === 0x2f && h[3] === 0xfd;
  return bzip2 || xz || zstd;
}

/** Go's `tar.Reader.Next` succeeding on the first block: not all zeros, and its header checksum adds up. */
function startsWithTarHeader(block: Uint8Array): boolean {
  if (block.length < BLOCK || block.every((b) => b === 0)) return false;
  const field = block.subarray(148, 156);
  const text = new TextDecoder().decode(field).replace(/[\0 ]+$/, '').trim();
  if (!/^[0-7]+$/.test(text)) return false;
  const stored = parseInt(text, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const x = i >= 148 && i < 156 ? 0x20 : block[i]!;
    unsigned += x;
    signed += x >= 0x80 ? x - 0x100 : x;
  }
  return stored === unsigned || stored === signed;
}

/**
 * The archive's members written under `dest` (physical segments of an existing directory) as moby's Untar
 * writes them: what is in the way is replaced, except a directory meeting a directory; missing parents are made
 * 0755; owners, modes and mtimes come from the archive (directories' mtimes set last, as their contents change
 * them); hard links become copies of what they point to.
 */
export function extractArchive(root: DirEntry, dest: readonly string[], members: readonly TarMember[], now: number): DirEntry {
  const fs = new TreeFs(root, () => now);
  const base = '/' + dest.join('/');
  const at = (segs: readonly string[]) => (base === '/' ? '' : base) + '/' + segs.join('/');
  const dirTimes: [string, number][] = [];
  try {
    for (const m of members) {
      const segs = cleanMemberPath(m.name);
      if (segs.length === 0) continue;
      const path = at(segs);
      const parent = at(segs.slice(0, -1));
      if (!fs.exists(parent)) fs.mkdir(parent, { recursive: true, mode: 0o755 });
      const existing = lstatEntry(fs, path);
      if (existing !== undefined && !(existing.type === 'dir' && m.type === 'dir')) fs.rm(path, { recursive: true });
      const meta = { mode: m.mode, uid: m.uid, gid: m.gid, mtime: m.mtime };
      if (m.type === 'dir') {
        if (existing?.type !== 'dir') fs.mkdir(path, { mode: m.mode });
        fs.chown(path, m.uid, m.gid);
        fs.chmod(path, m.mode);
        dirTimes.push([path, m.mtime]);
      } else if (m.type === 'file') {
        fs.putEntry(path, makeFile(m.data.length === 0 ? EMPTY_CONTENT : m.data.slice(), meta));
      } else if (m.type === 'symlink') {
        fs.putEntry(path, makeSymlink(m.linkname, meta));
      } else if (m.type === 'hardlink') {
        const target = at(cleanMemberPath(m.linkname));
        fs.putEntry(path, fs.entry(target, false));
      }
    }
    for (const [path, mtime] of dirTimes) fs.utimes(path, mtime);
  } catch (e) {
    if (e instanceof FsError) throw new BuildContextError(`failed to copy files: ${e.message}`, 'ECOPY');
    throw e;
  }
  return fs.root;
}

function lstatEntry(fs: TreeFs, path: string): Entry | undefined {
  try {
    return fs.entry(path, false);
  } catch (e) {
    if (e instanceof FsError) return undefined;
    throw e;
  }
}

/** The member's path cleaned as Untar does; one that climbs out of the destination is refused. */
function cleanMemberPath(name: string): string[] {
  const out: string[] = [];
  for (const s of segments(name)) {
    if (s !== '..') out.push(s);
    else if (out.length > 0) out.pop();
    else throw new BuildContextError(`failed to copy files: invalid path in archive: ${name}`, 'ECOPY');
  }
  return out;
}
