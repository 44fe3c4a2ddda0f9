import { type Ctx, defineProgram, errText, type Parsed } from './common.ts';
import { escapeLiteral, RegexError, translate } from './regex.ts';

const LONG = {
  'extended-regexp': { key: 'E' },
  'fixed-strings': { key: 'F' },
  'basic-regexp': { key: 'G' },
  regexp: { key: 'e', arg: 'required' },
  file: { key: 'f', arg: 'required' },
  'ignore-case': { key: 'i' },
  'no-ignore-case': { key: 'no-i' },
  'word-regexp': { key: 'w' },
  'line-regexp': { key: 'x' },
  count: { key: 'c' },
  'files-with-matches': { key: 'l' },
  'files-without-match': { key: 'L' },
  'invert-match': { key: 'v' },
  'line-number': { key: 'n' },
  'only-matching': { key: 'o' },
  quiet: { key: 'q' },
  silent: { key: 'q' },
  'no-messages': { key: 's' },
  recursive: { key: 'r' },
  'dereference-recursive': { key: 'R' },
  'with-filename': { key: 'H' },
  'no-filename': { key: 'h' },
  'max-count': { key: 'm', arg: 'required' },
  'after-context': { key: 'A', arg: 'required' },
  'before-context': { key: 'B', arg: 'required' },
  context: { key: 'C', arg: 'required' },
  color: { key: 'color', arg: 'optional' },
  colour: { key: 'color', arg: 'optional' },
} as const;

interface Matcher {
  test(line: string): boolean;
  /** Non-empty matches, left to right, not overlapping. */
  all(line: string): string[];
}

function matcher(o: Parsed, patterns: string[]): Matcher {
  const mode = o.lastOf('E', 'F', 'G') ?? 'G';
  const ignoreCase = o.lastOf('i', 'y', 'no-i') === 'i' || o.lastOf('i', 'y', 'no-i') === 'y';
  const regexes = patterns.map((p) => {
    let src = mode === 'F' ? escapeLiteral(p) : translate(p, { extended: mode === 'E' });
    if (o.has('x')) src = `^(?:${src})$`;
    else if (o.has('w')) src = `(?<![\\w])(?:${src})(?![\\w])`;
    try {
      return new RegExp(src, ignoreCase ? 'gi' : 'g');
    } catch {
      throw new RegexError('Invalid regular expression');
    }
  });
  return {
    test: (line) =>
      regexes.some((r) => {
        r.lastIndex = 0;
        return r.test(line);
      }),
    all: (line) => {
      const found: [number, string][] = [];
      for (const r of regexes) {
        // matchAll starts from lastIndex, which test() moved.
        r.lastIndex = 0;
        for (const hit of line.matchAll(r)) if (hit[0] !== '') found.push([hit.index, hit[0]]);
      }
      found.sort((a, b) => a[0] - b[0] || b[1].length - a[1].length);
      const out: string[] = [];
      let end = 0;
      for (const [at, text] of found) {
        if (at < end) continue;
        out.push(text);
        end = at + text.length;
      }
      return out;
    },
  };
}

const SYNTHETIC_LIMIT = 1 << 20;

interface State {
  matched: boolean;
  error: boolean;
}

/** grep, or egrep/fgrep (grep with -E/-F put first). */
export const grepProgram = (name: string, preset: readonly string[] = []) =>
  defineProgram(name, async (ctx) => {
    const o = await ctx.parse({ short: 'EFGe:f:iywxclLvnoqsrRHhm:A:B:C:z', long: LONG }, 2);
    if (typeof o === 'number') return o;
    const operands = [...o.operands];
    const patterns: string[] = [];
    for (const e of o.values('e')) patterns.push(...e.split('\n'));
    for (const f of o.values('f')) {
      try {
        patterns.push(...(await ctx.readText(f)).replace(/\n$/, '').split('\n'));
      } catch (e) {
        await ctx.error(`${f}: ${errText(e)}`);
        return 2;
      }
    }
    if (!o.has('e') && !o.has('f')) {
      const p = operands.shift();
      if (p === undefined) {
        await ctx.p.stderr.write(`Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`);
        return 2;
      }
      patterns.push(...p.split('\n'));
    }
    let m: Matcher;
    try {
      m = matcher(o, patterns);
    } catch (e) {
      if (e instanceof RegexError) {
        await ctx.error(e.message);
        return 2;
      }
      throw e;
    }
    const recursive = o.has('r') || o.has('R');
    const implicitDot = recursive && operands.length === 0;
    const files = operands.length > 0 ? operands : [recursive ? '.' : '-'];
    const showNames = o.lastOf('H', 'h') === 'H' || (o.lastOf('H', 'h') === undefined && (files.length > 1 || recursive));
    const state: State = { matched: false, error: false };
    const search = new Search(ctx, o, m, showNames, state);
    for (const f of files) {
      if (o.has('q') && state.matched) break;
      if (f === '-') {
        await search.file('-', '(standard input)');
        continue;
      }
      await walk(ctx, o, f, implicitDot ? '' : f, recursive, true, search, state);
    }
    if (state.error && !(o.has('q') && state.matched)) return 2;
    return state.matched ? 0 : 1;
  }, (args) => [...preset, ...args]);

export const grep = grepProgram('grep');

async function walk(ctx: Ctx, o: Parsed, operand: string, shown: string, recursive: boolean, top: boolean, search: Search, state: State): Promise<void> {
  await ctx.visited();
  const path = ctx.path(operand);
  let type: string;
  try {
    type = (top || o.has('R') ? ctx.fs.stat(path) : ctx.fs.lstat(path)).type;
  } catch (e) {
    if (!o.has('s')) await ctx.error(`${operand}: ${errText(e)}`);
    state.error = true;
    return;
  }
  if (type === 'symlink') return;
  if (type !== 'dir') return search.file(operand, shown || operand);
  if (!recursive) {
    if (!o.has('s')) await ctx.error(`${operand}: Is a directory`);
    state.error = true;
    return;
  }
  for (const name of ctx.fs.readdir(path)) {
    if (o.has('q') && state.matched) return;
    const child = operand.endsWith('/') ? operand + name : `${operand}/${name}`;
    await walk(ctx, o, child, shown === '' ? name : shown.endsWith('/') ? shown + name : `${shown}/${name}`, true, false, search, state);
  }
}

class Search {
  readonly #after: number;
  readonly #before: number;
  #printedSomething = false;

  constructor(
    readonly ctx: Ctx,
    readonly o: Parsed,
    readonly m: Matcher,
    readonly showNames: boolean,
    readonly state: State,
  ) {
    const num = (k: string) => Number(o.value(k) ?? o.value('C') ?? 0) || 0;
    this.#after = num('A');
    this.#before = num('B');
  }

  async file(operand: string, name: string): Promise<void> {
    const { ctx, o, m } = this;
    let source: AsyncIterable<string> | Iterable<string>;
    try {
      // Big base-image binaries are generated bytes: reading one would materialise megabytes to match nothing useful.
      if (operand !== '-') {
        const e = ctx.fs.entry(ctx.path(operand));
        if (e.type === 'file' && e.content.kind === 'synthetic' && e.content.size > SYNTHETIC_LIMIT) return;
      }
      source = await ctx.lines(operand);
    } catch (e) {
      if (!o.has('s')) await ctx.error(`${name}: ${errText(e)}`);
      this.state.error = true;
      return;
    }
    const invert = o.has('v');
    const max = o.value('m') === undefined ? Infinity : Number(o.value('m'));
    const quiet = o.has('q') || o.has('l') || o.has('L');
    const silent = quiet || o.has('c');
    const prefix = (n: number, sep: string) => (this.showNames ? name + sep : '') + (o.has('n') ? `${n}${sep}` : '');
    // GNU decides from the first buffer it reads; a whole file is one buffer here.
    let binary = Array.isArray(source) && source.some((l: string) => l.includes('\0'));
    let count = 0;
    let lineNo = 0;
    let lastPrinted = 0;
    let afterLeft = 0;
    // The last -B lines not yet printed, for context before the next match.
    const before: [number, string][] = [];
    for await (const line of source) {
      lineNo++;
      if (line.includes('\0')) binary = true;
      const selected = m.test(line) !== invert;
      if (!selected) {
        if (afterLeft > 0 && !silent && !binary) {
          await ctx.out(prefix(lineNo, '-') + line + '\n');
          lastPrinted = lineNo;
          afterLeft--;
        } else if (this.#before > 0) {
          before.push([lineNo, line]);
          if (before.length > this.#before) before.shift();
        }
        continue;
      }
      count++;
      this.state.matched = true;
      if (quiet) break;
      if (!silent && !binary) {
        const from = before[0]?.[0] ?? lineNo;
        if ((this.#before > 0 || this.#after > 0) && this.#printedSomething && (lastPrinted === 0 || from > lastPrinted + 1)) await ctx.out('--\n');
        for (const [n, l] of before) await ctx.out(prefix(n, '-') + l + '\n');
        if (o.has('o')) {
          if (!invert) for (const piece of m.all(line)) await ctx.out(prefix(lineNo, ':') + piece + '\n');
        } else await ctx.out(prefix(lineNo, ':') + line + '\n');
        this.#printedSomething = true;
        lastPrinted = lineNo;
        afterLeft = this.#after;
      }
      before.length = 0;
      if (count >= max) break;
    }
    let out = '';
    if (o.has('c')) out += (this.showNames ? name + ':' : '') + count + '\n';
    if (o.has('l') && count > 0 && !o.has('q')) out += name + '\n';
    if (o.has('L') && count === 0) out += name + '\n';
    await ctx.out(out);
    if (binary && count > 0 && !silent) await ctx.error(`${name}: binary file matches`);
  }
}
