import { resolvePath } from '../../fs/path.ts';
import { FsError, type Fs } from '../../fs/types.ts';
import { BytesReader, EMPTY_READER, NULL_WRITER, type Readable, type Writable } from '../streams.ts';
import type { Redirect } from './ast.ts';

/** An open file descriptor: what it reads from, what it writes to. */
export interface Fd {
  readonly r?: Readable;
  readonly w?: Writable;
}

/** The descriptor table of a command. Copied, never changed in place, so a redirection only affects its command. */
export type Fds = ReadonlyMap<number, Fd>;

export function stdio(fds: Fds): { stdin: Readable; stdout: Writable; stderr: Writable } {
  return { stdin: fds.get(0)?.r ?? EMPTY_READER, stdout: fds.get(1)?.w ?? NULL_WRITER, stderr: fds.get(2)?.w ?? NULL_WRITER };
}

export function makeFds(stdin: Readable, stdout: Writable, stderr: Writable): Fds {
  return new Map<number, Fd>([[0, { r: stdin }], [1, { w: stdout }], [2, { w: stderr }]]);
}

/** Writes through the Fs as they happen, so `tail -f`-style readers and a later `cat` see output while it streams. */
class FileWriter implements Writable {
  constructor(
    private readonly fs: Fs,
    private readonly path: string,
    append: boolean,
  ) {
    if (!append) fs.writeFile(path, '');
    else if (!fs.exists(path)) fs.writeFile(path, '');
    else if (fs.stat(path).type === 'dir') throw new FsError('EISDIR', path, 'open');
  }
  async write(data: string | Uint8Array): Promise<void> {
    this.fs.writeFile(this.path, data, { append: true });
  }
}

export class RedirectError extends Error {
  override readonly name = 'RedirectError';
  constructor(
    readonly path: string,
    readonly code: string,
    readonly output: boolean,
  ) {
    super(`${path}: ${code}`);
  }
}

export class BadFdError extends Error {
  override readonly name = 'BadFdError';
  constructor(readonly fd: string) {
    super(`${fd}: Bad file descriptor`);
  }
}

/**
 * Applies redirections left to right (`>out 2>&1` sends both to the file, `2>&1 >out` only stdout).
 * `target` is the already expanded target text for each redirection.
 */
export function applyRedirect(fs: Fs, cwd: string, fds: Map<number, Fd>, r: Redirect, target: string): void {
  const output = r.op === '>' || r.op === '>>' || r.op === '>|';
  if (r.op === '<<' || r.op === '<<-') {
    fds.set(r.fd, { r: new BytesReader(target) });
    return;
  }
  if (r.op === '<<<') {
    fds.set(r.fd, { r: new BytesReader(target + '\n') });
    return;
  }
  if (r.op === '>&' || r.op === '<&') {
    if (target === '-') {
      fds.delete(r.fd);
      return;
    }
    if (/^[0-9]+$/.test(target)) {
      const src = fds.get(Number(target));
      if (!src) throw new BadFdError(target);
      fds.set(r.fd, src);
      return;
    }
    if (r.op === '>&') {
      // `>& file`: both stdout and stderr to the file (csh style, accepted by bash).
      const w = openWrite(fs, cwd, fds, target, false);
      fds.set(1, { w });
      fds.set(2, { w });
      return;
    }
    throw new BadFdError(target);
  }
  if (output) {
    fds.set(r.fd, { w: openWrite(fs, cwd, fds, target, r.op === '>>') });
    return;
  }
  fds.set(r.fd, { r: openRead(fs, cwd, fds, target) });
}

function openWrite(fs: Fs, cwd: string, fds: Map<number, Fd>, target: string, append: boolean): Writable {
  switch (target) {
    case '/dev/null':
      return NULL_WRITER;
    case '/dev/stdout':
      return fds.get(1)?.w ?? NULL_WRITER;
    case '/dev/stderr':
      return fds.get(2)?.w ?? NULL_WRITER;
  }
  const path = resolvePath(cwd, target);
  try {
    return new FileWriter(fs, path, append);
  } catch (e) {
    if (e instanceof FsError) throw new RedirectError(target, e.code, true);
    throw e;
  }
}

function openRead(fs: Fs, cwd: string, fds: Map<number, Fd>, target: string): Readable {
  switch (target) {
    case '/dev/null':
      return EMPTY_READER;
    case '/dev/stdin':
      return fds.get(0)?.r ?? EMPTY_READER;
  }
  try {
    return new BytesReader(fs.readFile(resolvePath(cwd, target)));
  } catch (e) {
    if (e instanceof FsError) throw new RedirectError(target, e.code, false);
    throw e;
  }
}

/**
 * `exec >file` with no command: redirections that outlive their command and change the shell's own descriptors.
 * Descriptor tables are passed down by value, so the shell keeps these changes here and lays them over the table
 * each pipeline receives. A compound command or function call that redirects fd N holds its own N for its
 * duration: an `exec N>` inside it is undone when it ends, as bash and dash restore saved descriptors.
 */
export class FdOverlay {
  /** `undefined` marks a descriptor closed with `exec N>&-`. */
  #changes = new Map<number, Fd | undefined>();

  apply(fds: Fds): Fds {
    if (this.#changes.size === 0) return fds;
    const out = new Map(fds);
    for (const [fd, v] of this.#changes) {
      if (v) out.set(fd, v);
      else out.delete(fd);
    }
    return out;
  }

  /** Makes the descriptors `redirects` set in `opened` permanent. */
  keep(redirects: readonly Redirect[], opened: Fds): void {
    for (const r of redirects) {
      for (const fd of r.op === '>&' && !/^[0-9-]+$/.test(r.target.raw) ? [1, 2] : [r.fd]) this.#changes.set(fd, opened.get(fd));
    }
  }

  /** Runs `body` with the overlay lifted for the descriptors `redirects` name, then puts those entries back. */
  async shadow<T>(redirects: readonly Redirect[], body: () => Promise<T>): Promise<T> {
    if (redirects.length === 0) return body();
    const fds = new Set(redirects.map((r) => r.fd));
    const saved = new Map([...this.#changes].filter(([fd]) => fds.has(fd)));
    for (const fd of fds) this.#changes.delete(fd);
    try {
      return await body();
    } finally {
      for (const fd of fds) {
        if (saved.has(fd)) this.#changes.set(fd, saved.get(fd));
        else this.#changes.delete(fd);
      }
    }
  }
}
