import { BUILTINS } from '../../programs/shell/builtins/index.ts';
import type { PathFs } from './paths.ts';

/** bash's reserved words, which its command completion offers with the rest. */
const KEYWORDS = ['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'function', 'time'];

export interface CommandSources {
  readonly fs: PathFs;
  /** `$PATH` of the shell. */
  readonly path: string;
  readonly functions: Iterable<string>;
  readonly aliases: Iterable<string>;
}

/** What bash completes in command position: aliases, builtins, functions, reserved words, programs on PATH. */
export function commandNames(s: CommandSources, prefix: string): string[] {
  const names = new Set<string>();
  const add = (n: string) => {
    if (n.startsWith(prefix)) names.add(n);
  };
  for (const n of Object.keys(BUILTINS)) add(n);
  for (const n of KEYWORDS) add(n);
  for (const n of s.functions) add(n);
  for (const n of s.aliases) add(n);
  for (const dir of s.path.split(':')) {
    if (!dir) continue;
    let entries: string[];
    try {
      entries = s.fs.readdir(dir);
    } catch {
      continue;
    }
    for (const n of entries) {
      if (!n.startsWith(prefix) || names.has(n)) continue;
      try {
        const st = s.fs.stat(`${dir}/${n}`);
        if (st.type !== 'dir' && (st.mode & 0o111) !== 0) names.add(n);
      } catch {
        // A dangling link runs nothing.
      }
    }
  }
  return [...names].sort();
}
