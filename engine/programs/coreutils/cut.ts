import { defineProgram, errText } from './common.ts';

type Range = [number, number];

/** `1,3-5,7-` as 1-based inclusive ranges (Infinity for an open end). */
function parseList(s: string): Range[] | string {
  const out: Range[] = [];
  for (const part of s.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || part === '' || part === '-') return `invalid field value ‘${part}’`;
    const a = m[1] === '' ? 1 : Number(m[1]);
    const b = m[2] === '' ? a : m[3] === '' ? Infinity : Number(m[3]);
    if (a === 0 || b === 0) return 'fields are numbered from 1';
    if (b < a) return 'invalid decreasing range';
    out.push([a, b]);
  }
  return out;
}

const inList = (ranges: Range[], n: number) => ranges.some(([a, b]) => n >= a && n <= b);

export const cut = defineProgram('cut', async (ctx) => {
  const o = await ctx.parse({
    short: 'b:c:d:f:sn',
    long: { bytes: { key: 'b', arg: 'required' }, characters: { key: 'c', arg: 'required' }, delimiter: { key: 'd', arg: 'required' }, fields: { key: 'f', arg: 'required' }, 'only-delimited': { key: 's' }, 'output-delimiter': { key: 'od', arg: 'required' } },
  });
  if (typeof o === 'number') return o;
  const mode = o.lastOf('b', 'c', 'f');
  if (mode === undefined) return ctx.usage('you must specify a list of bytes, characters, or fields');
  const ranges = parseList(o.value(mode)!);
  if (typeof ranges === 'string') return ctx.usage(ranges);
  const delim = o.value('d') ?? '\t';
  if ([...delim].length !== 1) return ctx.usage('the delimiter must be a single character');
  const outDelim = o.value('od') ?? (mode === 'f' ? delim : '');
  let status = 0;
  for (const f of o.operands.length > 0 ? o.operands : ['-']) {
    let lines: AsyncIterable<string> | Iterable<string>;
    try {
      lines = await ctx.lines(f);
    } catch (e) {
      await ctx.error(`${f}: ${errText(e)}`);
      status = 1;
      continue;
    }
    for await (const line of lines) {
      if (mode !== 'f') {
        await ctx.out([...line].filter((_, i) => inList(ranges, i + 1)).join('') + '\n');
      } else if (!line.includes(delim)) {
        if (!o.has('s')) await ctx.out(line + '\n');
      } else await ctx.out(line.split(delim).filter((_, i) => inList(ranges, i + 1)).join(outDelim) + '\n');
    }
  }
  return status;
});
