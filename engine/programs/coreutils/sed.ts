import { defineProgram, errText } from './common.ts';
import { compile, RegexError } from './regex.ts';

type Addr = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp | null } | { kind: 'step'; first: number; step: number } | { kind: 'plus'; n: number };

interface Cmd {
  a1?: Addr;
  a2?: Addr;
  negate: boolean;
  name: string;
  /** Range state: inside, and for numeric/+N ends the line where it stops. */
  active?: boolean;
  endLine?: number;
  re?: RegExp | null;
  replacement?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  text?: string;
  label?: string;
  /** `{` jumps past its block when it does not match; `b`/`t` jump to their label. */
  jump?: number;
  from?: string;
  to?: string;
  exitCode?: number;
}

class ScriptError extends Error {}

function parseScript(script: string, extended: boolean): Cmd[] {
  const cmds: Cmd[] = [];
  const blocks: number[] = [];
  let i = 0;
  const fail = (msg: string, at = i): never => {
    throw new ScriptError(`-e expression #1, char ${at}: ${msg}`);
  };
  const skipSpace = () => {
    while (i < script.length && /[ \t]/.test(script[i]!)) i++;
  };
  const regexUntil = (delim: string): string => {
    let out = '';
    for (; i < script.length; i++) {
      const c = script[i]!;
      if (c === '\\' && i + 1 < script.length) {
        const n = script[++i]!;
        out += n === delim ? (delim === '/' || !'.*[]^$+?(){}|'.includes(n) ? n : '\\' + n) : n === 'n' ? '\\n' : '\\' + n;
        continue;
      }
      if (c === delim) {
        i++;
        return out;
      }
      if (c === '\n') break;
      out += c;
    }
    return fail(`unterminated address regex`);
  };
  const compileRe = (src: string, flags: string): RegExp | null => {
    if (src === '') return null;
    try {
      return compile(src, { extended, sed: true, ignoreCase: flags.includes('I'), global: true, dotAll: true });
    } catch (e) {
      if (e instanceof RegexError) fail(e.message);
      throw e;
    }
    return null;
  };
  const address = (): Addr | undefined => {
    const c = script[i];
    if (c === undefined) return undefined;
    if (/\d/.test(c)) {
      const m = /^(\d+)(?:~(\d+))?/.exec(script.slice(i))!;
      i += m[0].length;
      return m[2] !== undefined ? { kind: 'step', first: Number(m[1]), step: Number(m[2]) } : { kind: 'line', n: Number(m[1]) };
    }
    if (c === '$') {
      i++;
      return { kind: 'last' };
    }
    if (c === '/' || c === '\\') {
      const delim = c === '/' ? '/' : script[++i]!;
      i++;
      const src = regexUntil(delim);
      let flags = '';
      while (script[i] === 'I' || script[i] === 'M') flags += script[i++];
      return { kind: 're', re: compileRe(src, flags) };
    }
    return undefined;
  };
  /** Text for a/i/c: `a text`, `a\` newline text (GNU one-liner and POSIX forms). */
  const textArg = (): string => {
    skipSpace();
    if (script[i] === '\\') {
      i++;
      if (script[i] === '\n') i++;
    }
    let out = '';
    for (; i < script.length && script[i] !== '\n'; i++) {
      if (script[i] === '\\' && i + 1 < script.length) out += script[++i] === 'n' ? '\n' : script[i];
      else out += script[i];
    }
    return out;
  };
  const endCommand = () => {
    skipSpace();
    const c = script[i];
    if (c === undefined || c === '\n' || c === ';') {
      i++;
      return;
    }
    if (c === '}' || c === '#') return;
    fail('extra characters after command', i + 1);
  };

  while (i < script.length) {
    skipSpace();
    const c0 = script[i];
    if (c0 === undefined) break;
    if (c0 === '\n' || c0 === ';') {
      i++;
      continue;
    }
    if (c0 === '#') {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    const cmd: Cmd = { negate: false, name: '' };
    cmd.a1 = address();
    if (cmd.a1 && script[i] === ',') {
      i++;
      if (script[i] === '+') {
        i++;
        const m = /^\d+/.exec(script.slice(i));
        if (!m) fail('unexpected `,\'');
        i += m![0].length;
        cmd.a2 = { kind: 'plus', n: Number(m![0]) };
      } else {
        cmd.a2 = address();
        if (!cmd.a2) fail("unexpected `,'");
      }
    }
    skipSpace();
    while (script[i] === '!') {
      cmd.negate = true;
      i++;
      skipSpace();
    }
    const name = script[i++];
    if (name === undefined) fail('missing command');
    cmd.name = name!;
    switch (name) {
      case '{':
        blocks.push(cmds.length);
        cmds.push(cmd);
        continue;
      case '}': {
        const open = blocks.pop();
        if (open === undefined) fail("unexpected `}'");
        cmds[open!]!.jump = cmds.length;
        endCommand();
        continue;
      }
      case 'p': case 'P': case 'd': case 'D': case 'n': case 'N': case '=': case 'h': case 'H': case 'g': case 'G': case 'x': case 'l': case 'z':
        endCommand();
        break;
      case 'q': case 'Q': {
        skipSpace();
        const m = /^\d+/.exec(script.slice(i));
        if (m) {
          cmd.exitCode = Number(m[0]);
          i += m[0].length;
        }
        endCommand();
        break;
      }
      case 'a': case 'i': case 'c':
        cmd.text = textArg();
        break;
      case ':': {
        skipSpace();
        const m = /^[^;\n]*/.exec(script.slice(i))!;
        if (m[0].trim() === '') fail('":" lacks a label');
        cmd.label = m[0].trim();
        i += m[0].length;
        break;
      }
      case 'b': case 't': case 'T': {
        skipSpace();
        const m = /^[^;\n}]*/.exec(script.slice(i))!;
        cmd.label = m[0].trim();
        i += m[0].length;
        endCommand();
        break;
      }
      case 's': {
        const delim = script[i++];
        if (delim === undefined || delim === '\n' || delim === '\\') fail("unterminated `s' command");
        let src: string;
        try {
          src = regexUntil(delim!);
        } catch {
          fail("unterminated `s' command", script.length);
        }
        let rep = '';
        let closed = false;
        for (; i < script.length; i++) {
          const c = script[i]!;
          if (c === '\\' && i + 1 < script.length) {
            rep += script[i + 1] === delim ? delim : '\\' + script[i + 1];
            i++;
          } else if (c === delim) {
            closed = true;
            i++;
            break;
          } else rep += c;
        }
        if (!closed) fail("unterminated `s' command", script.length);
        let flags = '';
        while (i < script.length && /[gpiImMe0-9]/.test(script[i]!)) flags += script[i++];
        cmd.re = compileRe(src!, /[iI]/.test(flags) ? 'I' : '');
        cmd.replacement = rep;
        cmd.global = flags.includes('g');
        cmd.print = flags.includes('p');
        const nth = /\d+/.exec(flags);
        cmd.nth = nth ? Number(nth[0]) : 1;
        if (cmd.nth === 0) fail("number option to `s' command may not be zero");
        endCommand();
        break;
      }
      case 'y': {
        const delim = script[i++]!;
        const from = script.indexOf(delim, i);
        const to = from < 0 ? -1 : script.indexOf(delim, from + 1);
        if (from < 0 || to < 0) fail("unterminated `y' command", script.length);
        cmd.from = script.slice(i, from).replace(/\\n/g, '\n');
        cmd.to = script.slice(from + 1, to).replace(/\\n/g, '\n');
        i = to + 1;
        if ([...cmd.from].length !== [...cmd.to].length) fail("strings for `y' command are different lengths");
        endCommand();
        break;
      }
      default:
        fail(`unknown command: \`${name}'`);
    }
    cmds.push(cmd);
  }
  if (blocks.length > 0) fail("unmatched `{'", 0);
  for (const c of cmds) {
    if ((c.name === 'b' || c.name === 't' || c.name === 'T') && c.label) {
      const at = cmds.findIndex((x) => x.name === ':' && x.label === c.label);
      if (at < 0) throw new ScriptError(`-e expression #1, char 0: can't find label for jump to \`${c.label}'`);
      c.jump = at;
    } else if (c.name === 'b' || c.name === 't' || c.name === 'T') c.jump = cmds.length;
  }
  return cmds;
}

/** Expands `&`, `\1`..`\9`, `\n`, `\t` and the GNU case escapes `\U \L \u \l \E` in a replacement. */
function substitute(rep: string, m: RegExpExecArray): string {
  let out = '';
  let mode: 'U' | 'L' | '' = '';
  let once: 'u' | 'l' | '' = '';
  const add = (s: string) => {
    for (const ch of s) {
      let c = mode === 'U' ? ch.toUpperCase() : mode === 'L' ? ch.toLowerCase() : ch;
      if (once) {
        c = once === 'u' ? c.toUpperCase() : c.toLowerCase();
        once = '';
      }
      out += c;
    }
  };
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    if (c === '&') add(m[0]);
    else if (c === '\\' && i + 1 < rep.length) {
      const n = rep[++i]!;
      if (/\d/.test(n)) add(m[Number(n)] ?? '');
      else if (n === 'n') add('\n');
      else if (n === 't') add('\t');
      else if (n === 'U' || n === 'L') mode = n;
      else if (n === 'E') mode = '';
      else if (n === 'u' || n === 'l') once = n;
      else add(n);
    } else add(c);
  }
  return out;
}

interface Line {
  readonly text: string;
  /** Only the last line of the input can lack its newline, and sed keeps it missing. */
  readonly nl: boolean;
}

/** Lines from a sequence of byte streams, read as needed: sed runs in pipelines that may not end. */
class LineSource {
  #pending: Line[] = [];
  #iter: AsyncIterator<Line>;
  #done = false;
  constructor(chunks: AsyncIterable<Uint8Array>) {
    this.#iter = splitChunks(chunks)[Symbol.asyncIterator]();
  }
  async next(): Promise<Line | undefined> {
    if (this.#pending.length > 0) return this.#pending.shift();
    if (this.#done) return undefined;
    const r = await this.#iter.next();
    if (r.done) {
      this.#done = true;
      return undefined;
    }
    return r.value;
  }
  /** Looks one line ahead (only when the script asks about `$`). */
  async atEnd(): Promise<boolean> {
    const l = await this.next();
    if (l === undefined) return true;
    this.#pending.unshift(l);
    return false;
  }
  pushBack(l: Line): void {
    this.#pending.unshift(l);
  }
}

async function* splitChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Line> {
  const dec = new TextDecoder();
  let rest = '';
  for await (const c of chunks) {
    rest += dec.decode(c, { stream: true });
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      yield { text: rest.slice(0, nl), nl: true };
      rest = rest.slice(nl + 1);
    }
  }
  rest += dec.decode();
  if (rest !== '') yield { text: rest, nl: false };
}

export const sed = defineProgram('sed', async (ctx) => {
  const o = await ctx.parse({
    short: 'ne:f:i::Ersu',
    long: { quiet: { key: 'n' }, silent: { key: 'n' }, expression: { key: 'e', arg: 'required' }, file: { key: 'f', arg: 'required' }, 'in-place': { key: 'i', arg: 'optional' }, 'regexp-extended': { key: 'E' }, separate: { key: 's' }, debug: { key: 'debug' } },
  });
  if (typeof o === 'number') return o;
  const operands = [...o.operands];
  const parts: string[] = [];
  for (const opt of o.opts) {
    if (opt.key === 'e') parts.push(opt.value ?? '');
    if (opt.key === 'f') {
      try {
        parts.push((await ctx.readText(opt.value ?? '-')).replace(/\n$/, ''));
      } catch (e) {
        await ctx.error(`couldn't open file ${opt.value}: ${errText(e)}`);
        return 1;
      }
    }
  }
  if (parts.length === 0) {
    const s = operands.shift();
    if (s === undefined) {
      await ctx.p.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n');
      return 1;
    }
    parts.push(s);
  }
  let cmds: Cmd[];
  try {
    cmds = parseScript(parts.join('\n'), o.has('E') || o.has('r'));
  } catch (e) {
    if (e instanceof ScriptError) {
      await ctx.error(e.message);
      return 1;
    }
    throw e;
  }
  const inPlace = o.has('i');
  if (inPlace && operands.length === 0) {
    await ctx.error('no input files');
    return 1;
  }
  const files = operands.length > 0 ? operands : ['-'];
  let status = 0;
  /** The bytes of each file in turn; an unreadable one is reported where it comes and skipped (exit 2). */
  async function* bytesOf(names: string[]): AsyncGenerator<Uint8Array> {
    for (const f of names) {
      if (f === '-') {
        for (let c = await ctx.stdin.read(); c; c = await ctx.stdin.read()) yield c;
        continue;
      }
      let data: Uint8Array;
      try {
        data = ctx.fs.readFile(ctx.path(f));
      } catch (e) {
        await ctx.error(errText(e) === 'Is a directory' ? `couldn't edit ${f}: not a regular file` : `can't read ${f}: ${errText(e)}`);
        status = 2;
        continue;
      }
      yield data;
    }
  }
  const runner = new Runner(cmds, o.has('n'));
  const runAll = async (): Promise<void> => {
    if (inPlace || o.has('s')) {
      for (const f of files) {
        let out = '';
        await runner.run(new LineSource(bytesOf([f])), async (s) => {
          if (inPlace) out += s;
          else await ctx.out(s);
        });
        if (inPlace && ctx.fs.exists(ctx.path(f))) {
          const suffix = o.value('i');
          const path = ctx.path(f);
          if (suffix) ctx.fs.writeFile(ctx.path(suffix.includes('*') ? suffix.replace('*', f) : f + suffix), ctx.fs.readFile(path));
          ctx.fs.writeFile(path, out);
        }
        if (runner.quit !== undefined) break;
      }
    } else {
      await runner.run(new LineSource(bytesOf(files)), (s) => ctx.out(s));
    }
  };
  try {
    await runAll();
  } catch (e) {
    if (!(e instanceof ScriptError)) throw e;
    await ctx.error(e.message);
    return 4;
  }
  return runner.quit ?? status;
});

class Runner {
  hold = '';
  lastRe: RegExp | null = null;
  quit: number | undefined;
  constructor(
    readonly cmds: Cmd[],
    readonly quiet: boolean,
  ) {}

  #re(re: RegExp | null | undefined): RegExp {
    const r = re ?? this.lastRe;
    if (!r) throw new ScriptError('no previous regular expression');
    this.lastRe = r;
    return r;
  }

  async #matchAddr(a: Addr, line: number, last: () => Promise<boolean>, ps: string): Promise<boolean> {
    switch (a.kind) {
      case 'line':
        return line === a.n;
      case 'last':
        return last();
      case 'step':
        return a.step <= 0 ? line === a.first : line >= a.first && (line - a.first) % a.step === 0;
      case 're': {
        const r = this.#re(a.re);
        r.lastIndex = 0;
        return r.test(ps);
      }
      case 'plus':
        return false;
    }
  }

  async #selected(c: Cmd, line: number, last: () => Promise<boolean>, ps: string): Promise<boolean> {
    let hit: boolean;
    if (!c.a1) hit = true;
    else if (!c.a2) hit = await this.#matchAddr(c.a1, line, last, ps);
    else if (c.active) {
      const a2 = c.a2;
      if (a2.kind === 'line' || a2.kind === 'plus') {
        hit = line <= c.endLine!;
        if (line >= c.endLine!) c.active = false;
        if (!hit) c.active = false;
      } else {
        hit = true;
        if (await this.#matchAddr(a2, line, last, ps)) c.active = false;
      }
    } else if (await this.#matchAddr(c.a1, line, last, ps)) {
      hit = true;
      const a2 = c.a2;
      if (a2.kind === 'line') {
        c.endLine = a2.n;
        c.active = a2.n > line;
      } else if (a2.kind === 'plus') {
        c.endLine = line + a2.n;
        c.active = a2.n > 0;
      } else c.active = !(a2.kind === 'last' && (await last()));
    } else hit = false;
    return hit !== c.negate;
  }

  /** Runs the script over every line of `src`, handing each cycle's output to `emit`. */
  async run(src: LineSource, emit: (s: string) => Promise<void>): Promise<void> {
    let lineNo = 0;
    for (const c of this.cmds) c.active = false;
    const isLast = () => src.atEnd();
    while (this.quit === undefined) {
      const first = await src.next();
      if (first === undefined) break;
      let ps = first.text;
      let hadNewline = first.nl;
      lineNo++;
      let out = '';
      let append = '';
      let substituted = false;
      let autoprint = !this.quiet;
      let pc = 0;
      let restartWithout = false;
      const readNext = async (): Promise<string | undefined> => {
        const l = await src.next();
        if (l === undefined) return undefined;
        lineNo++;
        hadNewline = l.nl;
        return l.text;
      };
      while (pc < this.cmds.length) {
        const c = this.cmds[pc]!;
        pc++;
        if (c.name === ':' || c.name === '}') continue;
        if (!(await this.#selected(c, lineNo, isLast, ps))) {
          if (c.name === '{') pc = c.jump!;
          continue;
        }
        switch (c.name) {
          case '{':
            break;
          case 'p':
            out += ps + '\n';
            break;
          case 'P':
            out += ps.split('\n')[0] + '\n';
            break;
          case 'd':
            autoprint = false;
            pc = this.cmds.length;
            break;
          case 'D':
            if (!ps.includes('\n')) {
              autoprint = false;
              pc = this.cmds.length;
            } else {
              ps = ps.slice(ps.indexOf('\n') + 1);
              restartWithout = true;
              autoprint = false;
              pc = this.cmds.length;
            }
            break;
          case 'n': {
            // GNU: at the end of input, n quits after the automatic print (N likewise prints what it has).
            if (await isLast()) {
              pc = this.cmds.length;
              break;
            }
            if (!this.quiet) out += ps + '\n';
            ps = (await readNext())!;
            break;
          }
          case 'N':
            if (await isLast()) pc = this.cmds.length;
            else ps += '\n' + (await readNext())!;
            break;
          case '=':
            out += `${lineNo}\n`;
            break;
          case 'a':
            append += c.text + '\n';
            break;
          case 'i':
            out += c.text + '\n';
            break;
          case 'c':
            if (!c.a2 || !c.active) out += c.text + '\n';
            autoprint = false;
            pc = this.cmds.length;
            break;
          case 'q':
            this.quit = c.exitCode ?? 0;
            pc = this.cmds.length;
            break;
          case 'Q':
            this.quit = c.exitCode ?? 0;
            autoprint = false;
            pc = this.cmds.length;
            break;
          case 'h':
            this.hold = ps;
            break;
          case 'H':
            this.hold += '\n' + ps;
            break;
          case 'g':
            ps = this.hold;
            break;
          case 'G':
            ps += '\n' + this.hold;
            break;
          case 'x':
            [ps, this.hold] = [this.hold, ps];
            break;
          case 'z':
            ps = '';
            break;
          case 'l':
            out += ps.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n') + '$\n';
            break;
          case 'y': {
            const from = [...c.from!];
            const to = [...c.to!];
            ps = [...ps].map((ch) => (from.includes(ch) ? to[from.indexOf(ch)]! : ch)).join('');
            break;
          }
          case 'b':
            pc = c.jump!;
            break;
          case 't':
            if (substituted) {
              substituted = false;
              pc = c.jump!;
            }
            break;
          case 'T':
            if (!substituted) pc = c.jump!;
            else substituted = false;
            break;
          case 's': {
            const r = this.#re(c.re);
            r.lastIndex = 0;
            let result = '';
            let last = 0;
            let count = 0;
            let did = false;
            let prevEnd = -1;
            for (let m = r.exec(ps); m; m = r.exec(ps)) {
              // An empty match right where the previous match ended does not count (s/b*/X/g on abc is XaXcX).
              if (m[0] === '' && m.index === prevEnd) {
                r.lastIndex++;
                continue;
              }
              prevEnd = m.index + m[0].length;
              count++;
              if (count >= c.nth!) {
                result += ps.slice(last, m.index) + substitute(c.replacement!, m);
                last = m.index + m[0].length;
                did = true;
                if (!c.global) break;
              }
              if (m[0] === '') r.lastIndex++;
            }
            if (did) {
              ps = result + ps.slice(last);
              substituted = true;
              if (c.print) out += ps + '\n';
            }
            break;
          }
        }
      }
      const nl = hadNewline || append !== '' ? '\n' : '';
      if (autoprint) out += ps + nl;
      out += append;
      await emit(out);
      // D: the next cycle starts with what is left, without reading a new line.
      if (restartWithout) {
        src.pushBack({ text: ps, nl: hadNewline });
        lineNo--;
      }
    }
  }
}
