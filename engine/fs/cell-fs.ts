import { TreeFs } from './tree-fs.ts';
import type { DirEntry, Entry, FileContent, Fs, Stat } from './types.ts';

/** Where a tree lives when it belongs to someone else's state (a volume's data in the volume store). */
export interface TreeCell {
  get(): DirEntry;
  set(root: DirEntry): void;
}

/**
 * An `Fs` over a tree kept elsewhere: every operation reads the current tree from the cell and puts a changed one
 * back, so whoever owns the cell (the volume store, which snapshots take) always holds the latest data, and every
 * container mounting the same volume sees the others' writes at once.
 */
export class CellFs implements Fs {
  readonly #cell: TreeCell;
  readonly #clock: () => number;

  constructor(cell: TreeCell, clock: () => number = () => 0) {
    this.#cell = cell;
    this.#clock = clock;
  }

  get root(): DirEntry {
    return this.#cell.get();
  }

  stat(path: string): Stat {
    return this.#run((fs) => fs.stat(path));
  }
  lstat(path: string): Stat {
    return this.#run((fs) => fs.lstat(path));
  }
  exists(path: string): boolean {
    return this.#run((fs) => fs.exists(path));
  }
  entry(path: string, follow?: boolean): Entry {
    return this.#run((fs) => fs.entry(path, follow));
  }
  readFile(path: string): Uint8Array {
    return this.#run((fs) => fs.readFile(path));
  }
  fileContent(path: string): FileContent {
    return this.#run((fs) => fs.fileContent(path));
  }
  readText(path: string): string {
    return this.#run((fs) => fs.readText(path));
  }
  writeFile(path: string, data: Uint8Array | string | FileContent, options?: { append?: boolean; mode?: number; uid?: number; gid?: number }): void {
    this.#run((fs) => fs.writeFile(path, data, options));
  }
  readdir(path: string): string[] {
    return this.#run((fs) => fs.readdir(path));
  }
  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): void {
    this.#run((fs) => fs.mkdir(path, options));
  }
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): void {
    this.#run((fs) => fs.rm(path, options));
  }
  rename(from: string, to: string): void {
    this.#run((fs) => fs.rename(from, to));
  }
  symlink(target: string, path: string): void {
    this.#run((fs) => fs.symlink(target, path));
  }
  readlink(path: string): string {
    return this.#run((fs) => fs.readlink(path));
  }
  realpath(path: string): string {
    return this.#run((fs) => fs.realpath(path));
  }
  chmod(path: string, mode: number): void {
    this.#run((fs) => fs.chmod(path, mode));
  }
  chown(path: string, uid: number, gid: number): void {
    this.#run((fs) => fs.chown(path, uid, gid));
  }
  utimes(path: string, mtime: number): void {
    this.#run((fs) => fs.utimes(path, mtime));
  }
  putEntry(path: string, entry: Entry): void {
    this.#run((fs) => fs.putEntry(path, entry));
  }

  #run<T>(op: (fs: TreeFs) => T): T {
    const before = this.#cell.get();
    const fs = new TreeFs(before, this.#clock);
    const result = op(fs);
    if (fs.root !== before) this.#cell.set(fs.root);
    return result;
  }
}
