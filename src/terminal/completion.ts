/**
 * Tab completion for the host shell, until the engine offers its own: command names in command position, file
 * paths elsewhere (read through the engine's filesystem API). Pure: the filesystem and the command list are passed in.
 */
import type { Completer, Completion } from './line-editor.ts';

/** The part of the engine's `Fs` that completion reads. */
export interface CompletionFs {
  readdir(path: string): string[];
  stat(path: string): { readonly type: 'file' | 'dir' | 'symlink'; readonly mode: number };
}

export interface CompletionSource {
  /** The shell's working directory now. */
  cwd(): string;
  home: string;
  fs?: CompletionFs;
  /** Command names: builtins and programs on PATH. */
  commands(): readonly string[];
}

/** Shell builtins a student may type (bash's common ones). */
export const SHELL_BUILTINS: readonly string[] = [
  'alias', 'bg', 'break', 'builtin', 'cd', 'command', 'continue', 'declare', 'dirs', 'echo', 'eval', 'exec', 'exit',
  'export', 'false', 'fg', 'for', 'function', 'hash', 'help', 'history', 'if', 'jobs', 'kill', 'let', 'local',
  'popd', 'printf', 'pushd', 'pwd', 'read', 'readonly', 'return', 'set', 'shift', 'source', 'test', 'times', 'trap',
  'true', 'type', 'ulimit', 'umask', 'unalias', 'unset', 'until', 'wait', 'while',
];

/** Characters that end a word for completion (shell metacharacters and blanks). */
const BREAKS = new Set([' ', '\t', '\n', ';', '|', '&', '(', ')', '<', '>']);
/** Characters a completed file name must escape. */
const SPECIAL = /[\s'"\\$`!&|;<>()*?[\]{}#~]/g;

export function createCompleter(source: CompletionSource): Completer {
  return (line, cursor) => complete(source, line, cursor);
}

export function complete(source: CompletionSource, line: string, cursor: number): Completion | undefined {
  const from = wordStart(line, cursor);
  const word = line.slice(from, cursor);
  if (word.startsWith('$')) return undefined;
  const inCommandPosition = isCommandPosition(line.slice(0, from));
  if (inCommandPosition && !word.includes('/')) {
    const names = [...new Set([...SHELL_BUILTINS, ...source.commands()])].filter((n) => n.startsWith(word)).sort();
    return { from, candidates: names };
  }
  return { from, candidates: completePath(source, word, inCommandPosition) };
}

/** Start of the word that ends at `cursor`: after the last unescaped, unquoted break. */
function wordStart(line: string, cursor: number): number {
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < cursor; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === '\\') i++;
    else if (ch === '"' || ch === "'") quote = ch;
    else if (BREAKS.has(ch)) start = i + 1;
  }
  return Math.min(start, cursor);
}

function isCommandPosition(before: string): boolean {
  const t = before.trimEnd();
  if (t === '') return true;
  if (/(^|[;|&(])\s*$/.test(t)) return true;
  // `sudo`, `time`, `exec` and friends take a command next.
  return /(^|[;|&(]\s*)(sudo|time|exec|command|nohup|xargs)$/.test(t);
}

function completePath(source: CompletionSource, word: string, executablesOnly: boolean): string[] {
  const fs = source.fs;
  if (!fs) return [];
  const raw = unescape(word);
  const slash = raw.lastIndexOf('/');
  const dirPart = slash >= 0 ? raw.slice(0, slash + 1) : '';
  const base = slash >= 0 ? raw.slice(slash + 1) : raw;
  const typedDir = slash >= 0 ? word.slice(0, lastUnescapedSlash(word) + 1) : '';
  const dir = resolve(source.cwd(), source.home, dirPart || '.');
  let names: string[];
  try {
    names = fs.readdir(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    if (!name.startsWith(base)) continue;
    if (name.startsWith('.') && !base.startsWith('.')) continue;
    let isDir = false;
    let executable = true;
    try {
      const st = fs.stat(joinPath(dir, name));
      isDir = st.type === 'dir';
      executable = (st.mode & 0o111) !== 0;
    } catch {
      // A dangling symlink: complete it as a file.
    }
    if (executablesOnly && !isDir && !executable) continue;
    out.push(typedDir + name.replace(SPECIAL, (c) => '\\' + c) + (isDir ? '/' : ''));
  }
  return out.sort();
}

function lastUnescapedSlash(word: string): number {
  let last = -1;
  for (let i = 0; i < word.length; i++) {
    if (word[i] === '\\') i++;
    else if (word[i] === '/') last = i;
  }
  return last;
}

function unescape(word: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else out += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '\\') {
      out += word[++i] ?? '';
    } else {
      out += ch;
    }
  }
  return out;
}

/** Resolves a typed directory against the working directory (`~` is the home directory). */
export function resolve(cwd: string, home: string, path: string): string {
  let p = path;
  if (p === '~' || p.startsWith('~/')) p = home + p.slice(1);
  const parts = (p.startsWith('/') ? p : `${cwd}/${p}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** Program names found in the directories of PATH. */
export function commandsOnPath(fs: CompletionFs, path: string): string[] {
  const names = new Set<string>();
  for (const dir of path.split(':')) {
    if (!dir) continue;
    let entries: string[];
    try {
      entries = fs.readdir(dir);
    } catch {
      continue;
    }
    for (const name of entries) names.add(name);
  }
  return [...names];
}
