import { checkChmod } from '../../dockerfile/instructions/chmod.ts';
import { applyMode } from '../../programs/coreutils/mode.ts';
import { BuildContextError } from './errors.ts';

/**
 * `COPY --chmod` as a function of each copied entry's mode. An octal value replaces the permission bits of files
 * and directories alike (BuildKit applies it to both). A symbolic value (dockerfile 1.14+) is applied to each
 * entry's own mode; BuildKit parses it with no umask, so a clause without `u`/`g`/`o` means `a` (chmod(1) would
 * limit it by the umask).
 */
export type ModeChange = (mode: number, isDir: boolean) => number;

export function parseChmod(value: string): ModeChange {
  const error = checkChmod(value);
  if (error !== undefined) throw new BuildContextError(error, 'ECHMOD');
  if (/^[0-7]+$/.test(value)) {
    const bits = parseInt(value, 8) & 0o7777;
    return () => bits;
  }
  const spec = value
    .split(',')
    .map((clause) => (/^[-+=]/.test(clause) ? 'a' + clause : clause))
    .join(',');
  return (mode, isDir) => applyMode(spec, mode & 0o7777, isDir) ?? mode;
}
