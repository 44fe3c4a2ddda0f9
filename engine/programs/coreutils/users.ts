/** User and group names from the process's own /etc/passwd and /etc/group (a container has its own). */
import type { Fs } from '../../fs/types.ts';

export interface PasswdEntry {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly home: string;
  readonly shell: string;
}

export interface GroupEntry {
  readonly name: string;
  readonly gid: number;
  readonly members: readonly string[];
}

function readLines(fs: Fs, path: string): string[][] {
  try {
    return fs
      .readText(path)
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.split(':'));
  } catch {
    return [];
  }
}

export function passwd(fs: Fs): PasswdEntry[] {
  return readLines(fs, '/etc/passwd')
    .filter((f) => f.length >= 4 && /^\d+$/.test(f[2]!) && /^\d+$/.test(f[3]!))
    .map((f) => ({ name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), home: f[5] ?? '/', shell: f[6] ?? '' }));
}

export function groups(fs: Fs): GroupEntry[] {
  return readLines(fs, '/etc/group')
    .filter((f) => f.length >= 3 && /^\d+$/.test(f[2]!))
    .map((f) => ({ name: f[0]!, gid: Number(f[2]), members: (f[3] ?? '').split(',').filter(Boolean) }));
}

/** A caching lookup for commands that name many files (ls -l, find). */
export class Names {
  #users: Map<number, string> | undefined;
  #groups: Map<number, string> | undefined;
  constructor(private readonly fs: Fs) {}
  user(uid: number): string {
    this.#users ??= new Map(passwd(this.fs).reverse().map((u) => [u.uid, u.name]));
    return this.#users.get(uid) ?? String(uid);
  }
  group(gid: number): string {
    this.#groups ??= new Map(groups(this.fs).reverse().map((g) => [g.gid, g.name]));
    return this.#groups.get(gid) ?? String(gid);
  }
}
