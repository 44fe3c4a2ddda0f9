/**
 * What every coreutils program shares: GNU-style option parsing, error wording, path resolution and buffered output.
 * Kept in one place so that `cat: x: No such file or directory` and `Try 'cat --help'` are spelled once.
 */
import { WorkSlicer } from '../../core/slicer.ts';
import { resolvePath } from '../../fs/path.ts';
import { FsError } from '../../fs/types.ts';
import { exitStatusForSignal, type Process, type Program } from '../process.ts';
import { BrokenPipeError, type Readable, readAll, readLines, toBytes } from '../streams.ts';

export interface LongOpt {
  /** The key the option is reported under (usually its short letter, so `-n` and `--lines` read the same). */
  readonly key: string;
  readonly arg?: 'required' | 'optional';
}

export interface OptSpec {
  /** Short letters; a letter followed by ':' takes an argument (getopt syntax). */
  readonly short?: string;
  readonly long?: Readonly<Record<string, LongOpt>>;
  /** Options end at the first operand (env, xargs, sudo-style commands: what follows is another command line). */
  readonly stopAtOperand?: boolean;
}

export interface Opt {
  readonly key: string;
  readonly value?: string;
}

/** Parsed command line: options in the order given (later ones override earlier, as in GNU tools), then operands. */
export class Parsed {
  constructor(
    readonly opts: readonly Opt[],
    readonly operands: string[],
  ) {}
  has(key: string): boolean {
    return this.opts.some((o) => o.key === key);
  }
  /** The value of the last occurrence. */
  value(key: string): string | undefined {
    for (let i = this.opts.length - 1; i >= 0; i--) if (this.opts[i]!.key === key) return this.opts[i]!.value;
    return undefined;
  }
  values(key: string): string[] {
    return this.opts.filter((o) => o.key === key).map((o) => o.value ?? '');
  }
  /** Which of `keys` came last (`ls -t -S` sorts by size). */
  lastOf(...keys: string[]): string | undefined {
    for (let i = this.opts.length - 1; i >= 0; i--) if (keys.includes(this.opts[i]!.key)) return this.opts[i]!.key;
    return undefined;
  }
}

/**
 * getopt_long as GNU programs use it: bundled short options (`-la`), attached or separate arguments (`-n5`, `-n 5`),
 * `--long`, `--long=value`, unambiguous prefixes of long names, `--` ends options, and options may follow operands.
 * Returns the error text getopt would print after `prog: `.
 */
export function parseOptions(args: readonly string[], spec: OptSpec): Parsed | { error: string } {
  // Per letter: takes no argument, a required one (`n:`), or an optional one that must be attached (`i::`).
  const shortArg = new Map<string, false | 'required' | 'optional'>();
  const s = spec.short ?? '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === ':') continue;
    shortArg.set(c, s[i + 1] !== ':' ? false : s[i + 2] === ':' ? 'optional' : 'required');
  }
  const opts: Opt[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq >= 0 ? eq : undefined);
      const found = findLong(spec.long ?? {}, name);
      if (typeof found === 'string') return { error: found.replace('%s', a.slice(0, eq >= 0 ? eq : undefined)) };
      const [full, lo] = found;
      if (eq >= 0) {
        if (!lo.arg) return { error: `option '--${full}' doesn't allow an argument` };
        opts.push({ key: lo.key, value: a.slice(eq + 1) });
      } else if (lo.arg === 'required') {
        if (i + 1 >= args.length) return { error: `option '--${full}' requires an argument` };
        opts.push({ key: lo.key, value: args[++i]! });
      } else {
        opts.push({ key: lo.key });
      }
      continue;
    }
    if (a.length > 1 && a.startsWith('-')) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const takesArg = shortArg.get(c);
        if (takesArg === undefined) return { error: `invalid option -- '${c}'` };
        if (!takesArg) {
          opts.push({ key: c });
          continue;
        }
        if (j + 1 < a.length) opts.push({ key: c, value: a.slice(j + 1) });
        else if (takesArg === 'optional') opts.push({ key: c });
        else if (i + 1 < args.length) opts.push({ key: c, value: args[++i]! });
        else return { error: `option requires an argument -- '${c}'` };
        break;
      }
      continue;
    }
    operands.push(a);
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return new Parsed(opts, operands);
}

function findLong(long: Readonly<Record<string, LongOpt>>, name: string): [string, LongOpt] | string {
  const exact = long[name];
  if (exact) return [name, exact];
  const matches = Object.keys(long).filter((k) => k.startsWith(name));
  const distinct = new Set(matches.map((k) => long[k]!.key));
  if (matches.length === 0 || name === '') return `unrecognized option '%s'`;
  if (distinct.size > 1) {
    return `option '%s' is ambiguous; possibilities:` + matches.map((m) => ` '--${m}'`).join('');
  }
  return [matches[0]!, long[matches[0]!]!];
}

const OUT_FLUSH_AT = 16 * 1024;

/** Paths a walk (find, grep -r, chmod -R) visits between two yields: a few milliseconds. */
const WALK_SLICE = 500;

/** A running coreutils program: its process plus helpers for output and error wording. */
export class Ctx {
  #out = '';
  #walk: WorkSlicer | undefined;
  constructor(
    readonly p: Process,
    /** The name errors are reported under (GNU uses the name it was invoked by). */
    readonly prog: string,
    /** The arguments after the program name (after any rewriting such as `head -5` → `head -n 5`). */
    readonly args: readonly string[] = p.argv.slice(1),
  ) {}

  get fs() {
    return this.p.fs;
  }

  /** Run as a BusyBox applet (Alpine, the busybox image): some messages are worded as BusyBox words them. */
  get busybox(): boolean {
    return this.p.dialect === 'busybox';
  }

  /** Resolves a user-given path against the working directory. */
  path(p: string): string {
    const abs = resolvePath(this.p.cwd, p);
    // A trailing slash means "must be a directory" to the kernel (`cat file/` fails with ENOTDIR): keep it.
    return p.endsWith('/') && abs !== '/' ? abs + '/' : abs;
  }

  /**
   * One path of a walk over a tree: every few hundred a whole task goes to others (Ctrl-C, the page), which
   * awaiting output alone does not give. `find /` over 100,000 files was one long task.
   */
  async visited(): Promise<void> {
    await (this.#walk ??= new WorkSlicer(this.p.clock, WALK_SLICE)).spend(1);
  }

  /** Buffered write to stdout; large outputs go out in chunks so a pipe reader sees progress. */
  async out(s: string): Promise<void> {
    this.#out += s;
    if (this.#out.length >= OUT_FLUSH_AT) await this.flush();
  }

  async outBytes(b: Uint8Array): Promise<void> {
    await this.flush();
    await this.p.stdout.write(b);
  }

  async flush(): Promise<void> {
    if (this.#out === '') return;
    const s = this.#out;
    this.#out = '';
    await this.p.stdout.write(s);
  }

  /** `prog: message` on stderr. Stdout is flushed first so a terminal shows both in the order they happened. */
  async error(message: string): Promise<void> {
    await this.flush();
    await this.p.stderr.write(`${this.prog}: ${message}\n`);
  }

  /** A usage error: the message, then GNU's pointer to --help. Returns `status` for `return ctx.usage(...)`. */
  async usage(message: string, status = 1): Promise<number> {
    await this.error(message);
    await this.p.stderr.write(`Try '${this.prog} --help' for more information.\n`);
    return status;
  }

  /** Parses options; on a bad option prints the getopt error and returns the usage status instead. */
  async parse(spec: OptSpec, status = 1): Promise<Parsed | number> {
    const r = parseOptions(this.args, spec);
    if (r instanceof Parsed) return r;
    return this.usage(r.error, status);
  }

  /**
   * Standard input, flushing our buffered output before each read: whatever a filter has produced is visible
   * downstream before it waits for more (`docker logs -f | grep x` shows lines as they come).
   */
  get stdin(): Readable {
    return {
      read: async () => {
        await this.flush();
        return this.p.stdin.read();
      },
    };
  }

  /** A file operand's bytes (`-` is stdin). */
  async readInput(name: string): Promise<Uint8Array> {
    if (name === '-') return readAll(this.stdin);
    return this.fs.readFile(this.path(name));
  }

  /** A file operand's lines without newlines, streamed for stdin; throws FsError for a bad file before yielding. */
  async lines(name: string): Promise<AsyncIterable<string> | Iterable<string>> {
    if (name === '-') return readLines(this.stdin);
    return splitLines(decoder.decode(this.fs.readFile(this.path(name))));
  }

  #pending = '';
  #eof = false;

  /** One line of stdin (without its newline) for prompts such as `rm -i`; null at end of input. */
  async readLine(): Promise<string | null> {
    while (!this.#pending.includes('\n') && !this.#eof) {
      const chunk = await this.stdin.read();
      if (chunk === null) this.#eof = true;
      else this.#pending += decoder.decode(chunk);
    }
    if (this.#pending === '' && this.#eof) return null;
    const nl = this.#pending.indexOf('\n');
    const line = nl >= 0 ? this.#pending.slice(0, nl) : this.#pending;
    this.#pending = nl >= 0 ? this.#pending.slice(nl + 1) : '';
    return line;
  }

  /** Asks on stderr as GNU tools do (`rm: remove regular file 'x'? `); yes is an answer starting with y or Y. */
  async confirm(question: string): Promise<boolean> {
    await this.flush();
    await this.p.stderr.write(`${this.prog}: ${question}? `);
    const answer = await this.readLine();
    return answer !== null && /^\s*[yY]/.test(answer);
  }

  async readText(name: string): Promise<string> {
    return new TextDecoder().decode(await this.readInput(name));
  }
}

/** strerror text for a failure from the filesystem; other errors keep their message. */
export function errText(e: unknown): string {
  if (e instanceof FsError) return e.text;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Is it a filesystem failure (which programs report and carry on), rather than a bug or a signal? */
export function isFsError(e: unknown): e is FsError {
  return e instanceof FsError;
}

/** GNU's quoting of a file name in messages such as `cannot access 'x'`: shell-style single quotes when needed. */
export function quote(name: string): string {
  return `'${name.replace(/'/g, `'\\''`)}'`;
}

/** Wraps a program body: flushes output, and turns a broken pipe or an interrupt into the status Linux would give. */
export function defineProgram(
  name: string,
  body: (ctx: Ctx) => Promise<number>,
  /** Rewrites the arguments first: obsolete forms (`head -5`), or presets (`egrep` is `grep -E`). */
  rewrite?: (args: readonly string[]) => readonly string[],
): Program {
  return async (p) => {
    const args = p.argv.slice(1);
    // GNU reports errors under the name it was invoked by (`/bin/ls: cannot access ...`).
    const ctx = new Ctx(p, p.argv[0] || name, rewrite ? rewrite(args) : args);
    try {
      const status = await body(ctx);
      await ctx.flush();
      return status;
    } catch (e) {
      if (e instanceof BrokenPipeError) return 141;
      if (p.signal.aborted) return exitStatusForSignal(p.signal.reason);
      throw e;
    }
  };
}

export const decoder = new TextDecoder();
export { toBytes };

/** Splits text into lines without their newlines; a final newline does not make an empty last line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Parses a decimal count as GNU does for -n: digits only (with an optional leading '+'). */
export function parseCount(s: string): number | undefined {
  return /^\+?\d+$/.test(s) ? Number(s) : undefined;
}
