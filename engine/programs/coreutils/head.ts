import { type Ctx, defineProgram, errText, type Parsed } from './common.ts';

/** `head -5` and `tail -5`/`tail +5`, the obsolete forms, mean `-n 5` / `-n +5`. */
export function obsoleteCount(args: readonly string[], plusToo: boolean): string[] {
  const a = args[0];
  if (a !== undefined && (/^-\d+$/.test(a) || (plusToo && /^\+\d+$/.test(a) && args.length <= 2))) {
    return ['-n', a.startsWith('+') ? a : a.slice(1), ...args.slice(1)];
  }
  return [...args];
}

export interface Count {
  /** Lines (-n) or bytes (-c). */
  readonly bytes: boolean;
  readonly n: number;
  /** head: `-n -N` (all but the last N); tail: `-n +N` (from the Nth on). */
  readonly sign: '' | '-' | '+';
}

const SUFFIX: Record<string, number> = { b: 512, k: 1024, K: 1024, kB: 1000, m: 1024 ** 2, M: 1024 ** 2, MB: 1e6, G: 1024 ** 3 };

/** Reads -n/-c as head and tail do; returns the error text for a bad number. */
export function parseCountOption(o: Parsed, defaultLines: number): Count | string {
  const key = o.lastOf('n', 'c');
  if (key === undefined) return { bytes: false, n: defaultLines, sign: '' };
  const raw = o.value(key)!;
  const m = /^([-+]?)(\d+)([a-zA-Z]*)$/.exec(raw.trim());
  const mult = m?.[3] ? SUFFIX[m[3]] : 1;
  if (!m || mult === undefined) return `invalid number of ${key === 'n' ? 'lines' : 'bytes'}: ‘${raw}’`;
  return { bytes: key === 'c', n: Number(m[2]) * mult, sign: m[1] as Count['sign'] };
}

/** Runs a head/tail-style body over each file, with `==> name <==` headers when there are several. */
export async function eachFile(
  ctx: Ctx,
  o: Parsed,
  body: (data: Uint8Array) => Uint8Array,
  /** Enough input has been read (head of a stream stops reading, so `yes | head -1` ends). */
  enough?: (data: Uint8Array) => boolean,
): Promise<number> {
  const files = o.operands.length > 0 ? o.operands : ['-'];
  const headers = o.has('v') || (files.length > 1 && !o.has('q'));
  let status = 0;
  let first = true;
  for (const f of files) {
    const shown = f === '-' ? 'standard input' : f;
    let data: Uint8Array;
    try {
      data = f === '-' && enough ? await readUntil(ctx, enough) : await ctx.readInput(f);
    } catch (e) {
      const text = errText(e);
      await ctx.error(text === 'Is a directory' ? `error reading '${shown}': ${text}` : `cannot open '${shown}' for reading: ${text}`);
      status = 1;
      continue;
    }
    if (headers) await ctx.out(`${first ? '' : '\n'}==> ${shown} <==\n`);
    first = false;
    await ctx.outBytes(body(data));
  }
  return status;
}

async function readUntil(ctx: Ctx, enough: (data: Uint8Array) => boolean): Promise<Uint8Array> {
  let data = new Uint8Array(0);
  while (!enough(data)) {
    const chunk = await ctx.stdin.read();
    if (!chunk) break;
    const next = new Uint8Array(data.length + chunk.length);
    next.set(data);
    next.set(chunk, data.length);
    data = next;
  }
  return data;
}

/** Index just after the `n`th newline (or the end). */
export function afterLines(data: Uint8Array, n: number): number {
  let i = 0;
  for (let seen = 0; seen < n && i < data.length; i++) if (data[i] === 10) seen++;
  return i;
}

function newlines(data: Uint8Array): number {
  let n = 0;
  for (const b of data) if (b === 10) n++;
  return n;
}

export function countLines(data: Uint8Array): number {
  let n = 0;
  for (const b of data) if (b === 10) n++;
  // A last line without a newline is still a line for head/tail.
  return data.length > 0 && data[data.length - 1] !== 10 ? n + 1 : n;
}

const LONG = { lines: { key: 'n', arg: 'required' }, bytes: { key: 'c', arg: 'required' }, quiet: { key: 'q' }, silent: { key: 'q' }, verbose: { key: 'v' } } as const;

export const head = defineProgram(
  'head',
  async (ctx) => {
    const o = await ctx.parse({ short: 'n:c:qv', long: LONG });
    if (typeof o === 'number') return o;
    const c = parseCountOption(o, 10);
    if (typeof c === 'string') {
      await ctx.error(c);
      return 1;
    }
    const enough = c.sign === '-' ? undefined : (d: Uint8Array) => (c.bytes ? d.length >= c.n : newlines(d) >= c.n);
    return eachFile(
      ctx,
      o,
      (data) => {
        if (c.bytes) return data.subarray(0, c.sign === '-' ? Math.max(0, data.length - c.n) : c.n);
        if (c.sign === '-') return data.subarray(0, afterLines(data, Math.max(0, countLines(data) - c.n)));
        return data.subarray(0, afterLines(data, c.n));
      },
      enough,
    );
  },
  (args) => obsoleteCount(args, false),
);
