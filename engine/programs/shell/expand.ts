import type { Fs } from '../../fs/types.ts';
import type { ParamPart, Script, Word, WordPart } from './ast.ts';
import { ArithError, evaluate } from './arith.ts';
import { expandBraces } from './brace.ts';
import { ExpansionError } from './errors.ts';
import { glob } from './glob.ts';
import { escapePattern, hasGlob, patternToRegExp as patternRe } from './pattern.ts';
import type { ShellState } from './state.ts';

/**
 * Word expansion in POSIX order (after bash's brace expansion): tilde, parameters, command substitution and arithmetic, then field splitting of
 * unquoted expansion results, pathname expansion, quote removal. Expansion keeps, for every piece of text, whether
 * it was quoted and whether it came from an expansion, because splitting and globbing depend on both.
 */

export interface Expander {
  readonly state: ShellState;
  readonly fs: Fs;
  /** Runs `$(...)` in a subshell and returns its output (trailing newlines are removed here). */
  substitute(script: Script): Promise<string>;
}

interface Chunk {
  readonly text: string;
  readonly quoted: boolean;
  /** From an unquoted expansion: subject to field splitting. */
  readonly split: boolean;
  /** A field boundary that no text crosses (between the words of "$@"). */
  readonly brk?: boolean;
}

const BREAK: Chunk = { text: '', quoted: true, split: false, brk: true };

/** Expands command words and `for` lists: may give zero, one or many fields. */
export async function expandWords(x: Expander, words: readonly Word[]): Promise<string[]> {
  const out: string[] = [];
  const braced = x.state.origin.dialect === 'bash' ? words.flatMap(expandBraces) : words;
  for (const w of braced) {
    for (const f of splitFields(await expandWord(x, w), x.state.get('IFS'))) {
      if (!x.state.options.noglob && hasGlob(f.pattern)) {
        const matches = glob(x.fs, x.state.cwd, f.pattern);
        if (matches.length > 0) {
          out.push(...matches);
          continue;
        }
      }
      out.push(f.text);
    }
  }
  return out;
}

/** Expands without splitting or globbing: assignments, redirection targets, `case` subjects, here-documents. */
export async function expandString(x: Expander, word: Word): Promise<string> {
  return (await expandWord(x, word)).map((c) => (c.brk ? ' ' : c.text)).join('');
}

/** Expands a pattern (`case`, `${x#pat}`): quoted characters come back escaped so they match literally. */
export async function expandPattern(x: Expander, word: Word): Promise<string> {
  return (await expandWord(x, word)).map((c) => (c.brk ? ' ' : c.quoted ? escapePattern(c.text) : c.text)).join('');
}

/** Expands the regex of `[[ x =~ re ]]`: quoted characters come back escaped so they match literally. */
export async function expandRegex(x: Expander, word: Word): Promise<string> {
  return (await expandWord(x, word)).map((c) => (c.quoted ? c.text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&') : c.text)).join('');
}

async function expandWord(x: Expander, word: Word): Promise<Chunk[]> {
  const parts = [...word.parts];
  const chunks: Chunk[] = [];
  const first = parts[0];
  if (first?.kind === 'lit' && !first.quoted && first.text.startsWith('~')) {
    const slash = first.text.indexOf('/');
    const user = first.text.slice(1, slash < 0 ? undefined : slash);
    const home = homeOf(x, user);
    if (home !== undefined && (slash >= 0 || parts.length === 1 || parts[1]?.kind === 'lit')) {
      chunks.push({ text: home, quoted: true, split: false });
      const rest = slash < 0 ? '' : first.text.slice(slash);
      parts.shift();
      if (rest) parts.unshift({ kind: 'lit', text: rest, quoted: false });
    }
  }
  chunks.push(...(await expandParts(x, parts, false)));
  return chunks;
}

function homeOf(x: Expander, user: string): string | undefined {
  if (user === '') return x.state.home ?? '/';
  try {
    const passwd = new TextDecoder().decode(x.fs.readFile('/etc/passwd'));
    for (const line of passwd.split('\n')) {
      const f = line.split(':');
      if (f[0] === user && f[5] !== undefined) return f[5];
    }
  } catch {
    // No passwd file: the tilde stays as written, as for an unknown user.
  }
  return user === 'root' ? '/root' : undefined;
}

async function expandParts(x: Expander, parts: readonly WordPart[], inDq: boolean): Promise<Chunk[]> {
  const out: Chunk[] = [];
  for (const p of parts) {
    switch (p.kind) {
      case 'lit':
        out.push({ text: p.text, quoted: p.quoted || inDq, split: false });
        break;
      case 'dq': {
        // "" makes an (empty) field, but "$@" with no parameters makes none.
        const onlyAt = p.parts.length === 1 && p.parts[0]!.kind === 'param' && p.parts[0]!.name === '@' && !p.parts[0]!.op && !p.parts[0]!.length;
        if (!onlyAt) out.push({ text: '', quoted: true, split: false });
        out.push(...(await expandParts(x, p.parts, true)));
        break;
      }
      case 'param':
        out.push(...(await expandParam(x, p, inDq)));
        break;
      case 'cmdsub': {
        const text = (await x.substitute(p.body)).replace(/\n+$/, '');
        out.push({ text, quoted: inDq, split: !inDq });
        break;
      }
      case 'arith': {
        const expr = await expandString(x, p.expr);
        out.push({ text: String(arithmetic(x, expr)), quoted: inDq, split: !inDq });
        break;
      }
    }
  }
  return out;
}

export function arithmetic(x: Expander, expr: string): number {
  try {
    return evaluate(expr, { get: (n) => x.state.get(n), set: (n, v) => x.state.set(n, v) });
  } catch (e) {
    if (!(e instanceof ArithError)) throw e;
    const dialect = x.state.origin.dialect;
    if (e.kind === 'division') {
      throw new ExpansionError(dialect === 'bash' ? `${expr.trim()}: division by 0 (error token is "${e.token}")` : `arithmetic expression: division by zero: "${expr}"`);
    }
    throw new ExpansionError(dialect === 'bash' ? `${expr.trim()}: syntax error: operand expected (error token is "${e.token}")` : `arithmetic expression: expecting primary: "${expr}"`);
  }
}

function special(x: Expander, name: string): string | undefined {
  const s = x.state;
  switch (name) {
    case '?': return String(s.status);
    case '$': return String(s.pid);
    case '!': return s.lastBackground === undefined ? '' : String(s.lastBackground);
    case '#': return String(s.positional.length);
    case '-': return s.flags();
    case '0': return s.origin.name;
    case '@':
    case '*': return s.positional.join(ifsJoiner(s.get('IFS')));
  }
  if (/^[0-9]+$/.test(name)) return s.positional[Number(name) - 1];
  // An array's name alone means its first element.
  return s.get(name) ?? s.arrays.get(name)?.[0];
}

/** A bash array by name; a plain variable reads as an array of one. */
function arrayOf(x: Expander, name: string): readonly string[] {
  const v = x.state.get(name);
  return x.state.arrays.get(name) ?? (v === undefined ? [] : [v]);
}

/** `${a[i]}`: the subscript is arithmetic; negative counts from the end. */
function element(x: Expander, items: readonly string[], index: string): string | undefined {
  const i = arithmetic(x, index);
  return items[i < 0 ? items.length + i : i];
}

function ifsJoiner(ifs: string | undefined): string {
  return ifs === undefined ? ' ' : ifs.slice(0, 1);
}

async function expandParam(x: Expander, p: ParamPart, inDq: boolean): Promise<Chunk[]> {
  const s = x.state;
  const value = (text: string): Chunk[] => [{ text, quoted: inDq, split: !inDq }];
  // `$@`/`$*` and bash's `${a[@]}`/`${a[*]}` stand for every item of a list.
  const sub = p.index ?? p.name;
  const whole = sub === '@' || sub === '*';
  const items = p.index === undefined ? s.positional : arrayOf(x, p.name);
  if (whole && !p.op && !p.length) {
    if (sub === '*' && inDq) return value(items.join(ifsJoiner(s.get('IFS'))));
    return items.flatMap((a, i) => [...(i > 0 ? [BREAK] : []), { text: a, quoted: inDq, split: !inDq }]);
  }
  const v = whole ? items.join(' ') : p.index === undefined ? special(x, p.name) : element(x, items, p.index);
  if (p.length) {
    if (v === undefined) unbound(x, p.name);
    return value(String(whole ? items.length : [...(v ?? '')].length));
  }
  const op = p.op;
  if (!op) {
    if (v === undefined) unbound(x, p.name);
    return value(v ?? '');
  }
  const colon = op.startsWith(':');
  const missing = v === undefined || (colon && v === '');
  const arg = p.arg ?? { parts: [], raw: '' };
  switch (op) {
    case ':-':
    case '-':
      return missing ? expandParts(x, arg.parts, inDq) : value(v ?? '');
    case ':=':
    case '=': {
      if (!missing) return value(v ?? '');
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name)) throw new ExpansionError(`$${p.name}: cannot assign in this way`);
      const text = await expandString(x, arg);
      s.set(p.name, text);
      return value(text);
    }
    case ':+':
    case '+':
      return missing ? [] : expandParts(x, arg.parts, inDq);
    case ':?':
    case '?': {
      if (!missing) return value(v ?? '');
      const msg = arg.parts.length > 0 ? await expandString(x, arg) : s.origin.dialect === 'bash' && colon ? 'parameter null or not set' : 'parameter not set';
      throw new ExpansionError(`${p.name}: ${msg}`, s.origin.dialect === 'bash' && !s.origin.interactive ? 127 : 2);
    }
    default: {
      if (v === undefined) unbound(x, p.name);
      const pattern = await expandPattern(x, arg);
      return value(trim(v ?? '', pattern, op));
    }
  }
}

function unbound(x: Expander, name: string): void {
  if (!x.state.options.nounset || name === '@' || name === '*') return;
  throw new ExpansionError(x.state.origin.dialect === 'bash' ? `${name}: unbound variable` : `${name}: parameter not set`, x.state.origin.dialect === 'bash' ? 127 : 2);
}

/** `${v#p}` shortest prefix, `##` longest prefix, `%` shortest suffix, `%%` longest suffix. */
function trim(v: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  const re = patternRe(pattern);
  const n = v.length;
  if (op === '#') for (let i = 0; i <= n; i++) { if (re.test(v.slice(0, i))) return v.slice(i); }
  if (op === '##') for (let i = n; i >= 0; i--) { if (re.test(v.slice(0, i))) return v.slice(i); }
  if (op === '%') for (let i = n; i >= 0; i--) { if (re.test(v.slice(i))) return v.slice(0, i); }
  if (op === '%%') for (let i = 0; i <= n; i++) { if (re.test(v.slice(i))) return v.slice(0, i); }
  return v;
}

interface Field {
  text: string;
  pattern: string;
}

/** Field splitting: only chunks from unquoted expansions split; IFS whitespace runs collapse, other IFS characters each end a field. */
function splitFields(chunks: readonly Chunk[], ifs: string | undefined): Field[] {
  const sep = ifs ?? ' \t\n';
  const fields: Field[] = [];
  let cur: Field | undefined;
  const field = () => (cur ??= { text: '', pattern: '' });
  const end = () => {
    if (cur) fields.push(cur);
    cur = undefined;
  };
  for (const c of chunks) {
    if (c.brk) {
      end();
      continue;
    }
    if (!c.split || sep === '') {
      const f = field();
      f.text += c.text;
      f.pattern += c.quoted ? escapePattern(c.text) : c.text;
      continue;
    }
    let pendingNonWs = false;
    for (const ch of c.text) {
      if (!sep.includes(ch)) {
        const f = field();
        f.text += ch;
        f.pattern += ch;
        pendingNonWs = false;
        continue;
      }
      if (/\s/.test(ch)) {
        end();
        continue;
      }
      // A non-whitespace separator ends the current field even if it is empty (`a::b` gives an empty middle field).
      if (!cur && pendingNonWs) fields.push({ text: '', pattern: '' });
      end();
      pendingNonWs = true;
    }
  }
  end();
  return fields;
}
