/**
 * Keeps one editor buffer and one host file in step: the editor saves through it, and after each shell command it
 * says whether the file changed underneath (reload), changed while the buffer has unsaved edits (keep the buffer:
 * the student's typing wins and is saved next), or went away.
 */
import type { DirEntry, Fs } from '../../engine/fs/types.ts';
import { openText, type Opened } from './files.ts';

export type DiskChange =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'reload'; readonly text: string }
  | { readonly kind: 'kept' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unavailable'; readonly reason: string };

export class FileSync {
  readonly #fs: Fs;
  readonly path: string;
  /** The file's text as last read or written: the buffer is unsaved when it differs. */
  #disk: string | undefined;
  /** The filesystem's root when last looked at: an unchanged root (trees are immutable) means nothing changed. */
  #root: DirEntry | undefined;

  constructor(fs: Fs, path: string) {
    this.#fs = fs;
    this.path = path;
  }

  open(): Opened {
    const opened = openText(this.#fs, this.path);
    this.#disk = opened.kind === 'text' ? opened.text : undefined;
    this.#root = this.#fs.root;
    return opened;
  }

  isSaved(buffer: string): boolean {
    return buffer === this.#disk;
  }

  /** Writes the buffer if it differs from the file; an error message when the write fails. */
  save(buffer: string): string | undefined {
    if (this.#disk === undefined || buffer === this.#disk) return undefined;
    // Renamed or deleted meanwhile (from the explorer or the shell): writing would bring the old name back.
    if (!this.#fs.exists(this.path)) return undefined;
    try {
      this.#fs.writeFile(this.path, buffer);
    } catch (e) {
      return `Could not save ${this.path}: ${e instanceof Error ? e.message : String(e)}`;
    }
    this.#disk = buffer;
    this.#root = this.#fs.root;
    return undefined;
  }

  /** What happened to the file since it was last read or written, given the buffer now. */
  check(buffer: string): DiskChange {
    if (this.#fs.root === this.#root) return { kind: 'unchanged' };
    this.#root = this.#fs.root;
    const opened = openText(this.#fs, this.path);
    if (opened.kind !== 'text') return opened;
    if (opened.text === this.#disk) return { kind: 'unchanged' };
    if (buffer !== this.#disk && this.#disk !== undefined) return { kind: 'kept' };
    this.#disk = opened.text;
    return { kind: 'reload', text: opened.text };
  }
}
