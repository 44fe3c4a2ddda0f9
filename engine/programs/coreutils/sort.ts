import { compareNames } from '../../fs/path.ts';
import { defineProgram, errText, splitLines } from './common.ts';

interface KeyOpts {
  numeric: boolean;
  reverse: boolean;
  fold: boolean;
  blanks: boolean;
}

interface Key extends KeyOpts {
  startField: number;
  startChar: number;
  /** 0: to the end of the line. */
  endField: number;
  endChar: number;
  /** The key named its own ordering options, so the global ones do not apply to it. */
  own: boolean;
}

function parseKey(spec: string): Key | string {
  const m = /^(\d+)(?:\.(\d+))?([bdfgnrhMV]*)(?:,(\d+)(?:\.(\d+))?([bdfgnrhMV]*))?$/.exec(spec);
  if (!m) return `invalid field specification ‘${spec}’`;
  const startField = Number(m[1]);
  if (startField === 0) return `field number is zero: invalid field specification ‘${spec}’`;
  const flags = (m[3] ?? '') + (m[6] ?? '');
  return {
    startField,
    startChar: Number(m[2] ?? 1),
    endField: Number(m[4] ?? 0),
    endChar: Number(m[5] ?? 0),
    numeric: /[ngh]/.test(flags),
    reverse: flags.includes('r'),
    fold: flags.includes('f'),
    blanks: flags.includes('b'),
    own: flags !== '',
  };
}

/** Start offsets of each field: with -t, after each separator; otherwise each field starts with its leading blanks. */
function fieldStarts(line: string, sep: string | undefined): number[] {
  const starts = [0];
  if (sep !== undefined) {
    for (let i = 0; i < line.length; i++) if (line[i] === sep) starts.push(i + 1);
    return starts;
  }
  for (let i = 1; i < line.length; i++) if (/[ \t]/.test(line[i]!) && !/[ \t]/.test(line[i - 1]!)) starts.push(i);
  return starts;
}

function extract(line: string, k: Key, sep: string | undefined): string {
  const starts = fieldStarts(line, sep);
  const fieldEnd = (f: number) => (f < starts.length ? (starts[f] ?? line.length) - (sep !== undefined ? 1 : 0) : line.length);
  if (k.startField > starts.length) return '';
  let from = starts[k.startField - 1]!;
  if (k.blanks) while (/[ \t]/.test(line[from] ?? '')) from++;
  from += k.startChar - 1;
  let to = line.length;
  if (k.endField > 0) {
    to = k.endChar > 0 && k.endField <= starts.length ? starts[k.endField - 1]! + k.endChar : fieldEnd(k.endField);
  }
  return from >= to ? '' : line.slice(from, to);
}

/** sort -n reads a leading number (blanks, sign, digits, decimal point); anything else sorts as zero. */
function numericValue(s: string): number {
  const m = /^\s*(-?\d*\.?\d*)/.exec(s);
  const v = Number(m?.[1] ?? '');
  return m && /\d/.test(m[1]!) && Number.isFinite(v) ? v : 0;
}

function compareWith(a: string, b: string, o: KeyOpts): number {
  let r: number;
  if (o.numeric) r = Math.sign(numericValue(a) - numericValue(b));
  else if (o.fold) r = compareNames(a.toUpperCase(), b.toUpperCase());
  else r = compareNames(a, b);
  return o.reverse ? -r : r;
}

export const sort = defineProgram('sort', async (ctx) => {
  const o = await ctx.parse({
    short: 'bfgnrusk:t:o:hV',
    long: {
      reverse: { key: 'r' },
      'numeric-sort': { key: 'n' },
      unique: { key: 'u' },
      key: { key: 'k', arg: 'required' },
      'field-separator': { key: 't', arg: 'required' },
      output: { key: 'o', arg: 'required' },
      'ignore-case': { key: 'f' },
      stable: { key: 's' },
    },
  }, 2);
  if (typeof o === 'number') return o;
  const global: KeyOpts = { numeric: o.has('n') || o.has('g') || o.has('h'), reverse: o.has('r'), fold: o.has('f'), blanks: o.has('b') };
  const keys: Key[] = [];
  for (const spec of o.values('k')) {
    const k = parseKey(spec);
    if (typeof k === 'string') return ctx.usage(k, 2);
    keys.push(k.own ? k : { ...k, ...global, own: false });
  }
  const sep = o.value('t');
  if (sep !== undefined && [...sep].length !== 1) {
    await ctx.error(sep === '' ? 'empty tab' : `multi-character tab ‘${sep}’`);
    return 2;
  }
  const lines: string[] = [];
  for (const f of o.operands.length > 0 ? o.operands : ['-']) {
    try {
      lines.push(...splitLines(await ctx.readText(f)));
    } catch (e) {
      await ctx.error(`cannot read: ${f}: ${errText(e)}`);
      return 2;
    }
  }
  const byKeys = (a: string, b: string): number => {
    if (keys.length === 0) return compareWith(a, b, global);
    for (const k of keys) {
      const r = compareWith(extract(a, k, sep), extract(b, k, sep), k);
      if (r !== 0) return r;
    }
    return 0;
  };
  const lastResort = !o.has('s') && !o.has('u');
  const sorted = [...lines].sort((a, b) => byKeys(a, b) || (lastResort ? (global.reverse ? -1 : 1) * compareNames(a, b) : 0));
  const out = o.has('u') ? sorted.filter((l, i) => i === 0 || byKeys(sorted[i - 1]!, l) !== 0) : sorted;
  const text = out.map((l) => l + '\n').join('');
  const dest = o.value('o');
  if (dest !== undefined) {
    try {
      ctx.fs.writeFile(ctx.path(dest), text);
    } catch (e) {
      await ctx.error(`open failed: ${dest}: ${errText(e)}`);
      return 2;
    }
    return 0;
  }
  await ctx.out(text);
  return 0;
});
