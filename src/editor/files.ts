/**
 * The project folder as the file explorer and the editor see it: listing a directory, checking a new name, and
 * deciding whether a file can be opened as text. Pure: the host filesystem is passed in.
 */
import type { Fs } from '../../engine/fs/types.ts';
import { basename, compareNames, dirname } from '../../engine/fs/path.ts';

export const PROJECT_DIR = '/home/student/project';
export const DEFAULT_FILE = `${PROJECT_DIR}/Dockerfile`;

/** Bigger files are not opened: a student's source files are far smaller, and Monaco slows down on huge models. */
export const MAX_EDITOR_BYTES = 1024 * 1024;

export interface DirItem {
  readonly name: string;
  readonly path: string;
  readonly dir: boolean;
}

/** A directory's entries, folders first, each group in `ls` order; dotfiles included. */
export function listDir(fs: Fs, path: string): DirItem[] {
  const items = fs.readdir(path).map((name): DirItem => {
    const child = path === '/' ? `/${name}` : `${path}/${name}`;
    let dir = false;
    try {
      dir = fs.stat(child).type === 'dir';
    } catch {
      // A dangling symlink: listed as a file, which then reports why it cannot be opened.
    }
    return { name, path: child, dir };
  });
  return items.sort((a, b) => Number(b.dir) - Number(a.dir) || compareNames(a.name, b.name));
}

/** Why `name` cannot be created in `dir` (or `current` renamed to it); undefined when it can. */
export function nameProblem(fs: Fs, dir: string, name: string, current?: string): string | undefined {
  if (name.trim() === '') return 'A name is required.';
  if (name.includes('/')) return 'A name cannot contain “/”.';
  if (name === '.' || name === '..') return `“${name}” is not a usable name.`;
  if (name.includes('\0')) return 'A name cannot contain a NUL character.';
  if (new TextEncoder().encode(name).length > 255) return 'That name is too long (255 bytes at most).';
  if (current !== undefined && name === basename(current) && dirname(current) === dir) return undefined;
  if (fs.exists(`${dir}/${name}`) || isSymlink(fs, `${dir}/${name}`)) return `“${name}” already exists here.`;
  return undefined;
}

function isSymlink(fs: Fs, path: string): boolean {
  try {
    return fs.lstat(path).type === 'symlink';
  } catch {
    return false;
  }
}

export type Opened =
  | { readonly kind: 'text'; readonly text: string }
  /** Not there (yet): the editor offers to create it. */
  | { readonly kind: 'missing' }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** The file's text, or a sentence saying why the editor will not show it. */
export function openText(fs: Fs, path: string): Opened {
  let stat;
  try {
    stat = fs.stat(path);
  } catch {
    return { kind: 'missing' };
  }
  if (stat.type === 'dir') return { kind: 'unavailable', reason: `${basename(path)} is a folder.` };
  if (stat.size > MAX_EDITOR_BYTES) {
    return { kind: 'unavailable', reason: `${basename(path)} is too large to edit here (${formatSize(stat.size)}; the limit is ${formatSize(MAX_EDITOR_BYTES)}). Use the terminal: less, head, tail.` };
  }
  const bytes = fs.readFile(path);
  const text = decodeText(bytes);
  if (text === undefined) return { kind: 'unavailable', reason: `${basename(path)} is a binary file and cannot be edited as text.` };
  return { kind: 'text', text };
}

/** UTF-8 text, or undefined for bytes that are not (a NUL byte, or invalid UTF-8). */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The Monaco language id for a file name: Dockerfiles by name, a few others only because they cost nothing more. */
export function languageOf(path: string): string {
  const name = basename(path);
  const lower = name.toLowerCase();
  if (/^(dockerfile|containerfile)([.-].*)?$/.test(lower) || lower.endsWith('.dockerfile')) return 'dockerfile';
  const ext = lower.includes('.') ? lower.slice(lower.lastIndexOf('.') + 1) : '';
  return LANGUAGE_BY_EXTENSION[ext] ?? 'plaintext';
}

const LANGUAGE_BY_EXTENSION: Readonly<Record<string, string>> = {
  sh: 'shell',
  bash: 'shell',
  yml: 'yaml',
  yaml: 'yaml',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  py: 'python',
};

export interface TreeRow extends DirItem {
  /** 1 for the project folder's own entries. */
  readonly level: number;
  readonly expanded: boolean;
}

/**
 * The explorer's visible rows: the folder's entries, and those of each expanded folder beneath them. Collapsed
 * folders are never read, so a large node_modules costs nothing until it is opened.
 */
export function visibleRows(fs: Fs, root: string, expanded: ReadonlySet<string>, level = 1): TreeRow[] {
  let items: DirItem[];
  try {
    items = listDir(fs, root);
  } catch {
    // Removed or replaced by a file since it was expanded: nothing to show under it.
    return [];
  }
  return items.flatMap((item) => {
    const open = item.dir && expanded.has(item.path);
    const row: TreeRow = { ...item, level, expanded: open };
    return open ? [row, ...visibleRows(fs, item.path, expanded, level + 1)] : [row];
  });
}
