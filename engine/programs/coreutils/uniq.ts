import { defineProgram, errText, splitLines } from './common.ts';

export const uniq = defineProgram('uniq', async (ctx) => {
  const o = await ctx.parse({
    short: 'cdDuif:s:w:',
    long: {
      count: { key: 'c' },
      repeated: { key: 'd' },
      unique: { key: 'u' },
      'ignore-case': { key: 'i' },
      'skip-fields': { key: 'f', arg: 'required' },
      'skip-chars': { key: 's', arg: 'required' },
      'check-chars': { key: 'w', arg: 'required' },
    },
  });
  if (typeof o === 'number') return o;
  const [input = '-', output, extra] = o.operands;
  if (extra !== undefined) return ctx.usage(`extra operand ‘${extra}’`);
  let lines: string[];
  try {
    lines = splitLines(await ctx.readText(input));
  } catch (e) {
    await ctx.error(`${input}: ${errText(e)}`);
    return 1;
  }
  const skipFields = Number(o.value('f') ?? 0);
  const skipChars = Number(o.value('s') ?? 0);
  const check = o.value('w') === undefined ? Infinity : Number(o.value('w'));
  const key = (l: string) => {
    let s = l;
    for (let i = 0; i < skipFields; i++) s = s.replace(/^[ \t]*[^ \t]*/, '');
    s = s.slice(skipChars).slice(0, check);
    return o.has('i') ? s.toLowerCase() : s;
  };
  let out = '';
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && key(lines[j]!) === key(lines[i]!)) j++;
    const n = j - i;
    const show = (o.has('d') || o.has('D') ? n > 1 : true) && (o.has('u') ? n === 1 : true);
    if (show) {
      const group = o.has('D') ? lines.slice(i, j) : [lines[i]!];
      for (const l of group) out += (o.has('c') ? `${String(n).padStart(7)} ` : '') + l + '\n';
    }
    i = j;
  }
  if (output !== undefined) {
    ctx.fs.writeFile(ctx.path(output), out);
    return 0;
  }
  await ctx.out(out);
  return 0;
});
