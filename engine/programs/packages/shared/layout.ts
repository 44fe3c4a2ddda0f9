import { bytesContent, syntheticContent } from '../../../fs/content.ts';
import type { FileContent, Fs } from '../../../fs/types.ts';
import { linkWithParents, writeWithParents } from './fs-helpers.ts';

/**
 * The files a package puts on disk. A package index records only a package's name, version, size and the programs
 * it ships, so its files are made up the same way every time: its programs as simulated-program executables (a
 * program Dockyard does not simulate yet still exists as a file, see registry.ts), small texts where tools read them,
 * and synthetic content for the rest, so that what a layer diff sees adds up to the package's installed size.
 */

export interface PackageFile {
  readonly path: string;
  /** Absent for a symlink. */
  readonly content?: FileContent;
  readonly target?: string;
  readonly mode?: number;
}

export interface LayoutSpec {
  /** Seeds synthetic content: the same package always gets the same bytes. */
  readonly seed: string;
  /** The whole package's installed size in bytes; the last data file takes what the others leave. */
  readonly installedBytes: number;
  /** Executables: absolute path and the program they are. */
  readonly programs: readonly { readonly path: string; readonly program: string }[];
  readonly links?: readonly { readonly path: string; readonly target: string }[];
  /** Files whose text matters (scripts, configuration, copyright). */
  readonly texts?: readonly { readonly path: string; readonly text: string; readonly mode?: number }[];
  /** Where the rest of the package's bytes go (a library, a data directory). */
  readonly data: readonly string[];
}

/** A real program file is rarely over a few MB; the rest of a big package is libraries and data. */
const MAX_PROGRAM_BYTES = 8 * 1024 * 1024;

export function packageFiles(spec: LayoutSpec): PackageFile[] {
  const files: PackageFile[] = [];
  const encoder = new TextEncoder();
  let left = spec.installedBytes;
  for (const t of spec.texts ?? []) {
    const content = bytesContent(t.text);
    left -= encoder.encode(t.text).length;
    files.push({ path: t.path, content, mode: t.mode ?? 0o644 });
  }
  const share = spec.programs.length === 0 ? 0 : Math.min(MAX_PROGRAM_BYTES, Math.floor((Math.max(left, 0) * (spec.data.length > 0 ? 0.6 : 1)) / spec.programs.length));
  for (const p of spec.programs) {
    const size = Math.max(share, 14_000);
    left -= size;
    files.push({ path: p.path, content: syntheticContent(`${spec.seed}:${p.path}`, size, p.program), mode: 0o755 });
  }
  spec.data.forEach((path, i) => {
    const size = i === spec.data.length - 1 ? Math.max(left, 0) : Math.floor(Math.max(left, 0) / (spec.data.length - i) / 2);
    left -= size;
    files.push({ path, content: syntheticContent(`${spec.seed}:${path}`, size), mode: 0o644 });
  });
  for (const l of spec.links ?? []) files.push({ path: l.path, target: l.target });
  return files;
}

/** Puts the files on disk; returns their paths in the order written (what dpkg's .list and apk's db record). */
export function writePackageFiles(fs: Fs, files: readonly PackageFile[]): string[] {
  for (const f of files) {
    if (f.target !== undefined) linkWithParents(fs, f.target, f.path);
    else writeWithParents(fs, f.path, f.content!, f.mode ?? 0o644);
  }
  return files.map((f) => f.path);
}
