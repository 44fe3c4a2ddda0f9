import { FsError } from '../../fs/types.ts';
import { dirname, resolvePath } from '../../fs/path.ts';
import type { Process } from '../process.ts';

/**
 * Where a server's log file really goes. The official images point their logs at the container's output with a
 * symlink (nginx: access.log -> /dev/stdout) or by naming a descriptor (httpd: CustomLog /proc/self/fd/1), which is
 * what makes `docker logs` show them; a plain path is a file in the container that grows with each line.
 */
export type LogWriter = (text: string) => Promise<void>;

const STDOUT = new Set(['/dev/stdout', '/proc/self/fd/1', '/dev/fd/1']);
const STDERR = new Set(['/dev/stderr', '/proc/self/fd/2', '/dev/fd/2']);

/** Opens `path` for appending, or throws the FsError the open would have failed with. */
export function openLog(p: Process, path: string): LogWriter {
  const target = followLinks(p, path);
  if (STDOUT.has(target)) return (text) => p.stdout.write(text);
  if (STDERR.has(target)) return (text) => p.stderr.write(text);
  if (!p.fs.exists(dirname(target))) throw new FsError('ENOENT', target, 'open');
  if (!p.fs.exists(target)) p.fs.writeFile(target, '', { mode: 0o644 });
  return async (text) => {
    try {
      p.fs.writeFile(target, text, { append: true });
    } catch {
      // A log file removed or made unwritable under a running server: its lines are lost, as with a deleted inode.
    }
  };
}

/** Symlinks followed by hand: /dev is not in an image's tree, so realpath would stop at the link. */
function followLinks(p: Process, path: string): string {
  let current = path;
  for (let i = 0; i < 16; i++) {
    if (STDOUT.has(current) || STDERR.has(current)) return current;
    let st;
    try {
      st = p.fs.lstat(current);
    } catch {
      return current;
    }
    if (st.type !== 'symlink') return current;
    current = resolvePath(dirname(current), p.fs.readlink(current));
  }
  return current;
}
