import { defineProgram, errText } from './common.ts';

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
  let lines: AsyncIterable<string> | Iterable<string>;
  try {
    lines = await ctx.lines(input);
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
  // Streams group by group, so `uniq` in a pipeline prints as soon as a run of equal lines ends.
  let out = '';
  let group: string[] = [];
  const emit = async () => {
    const n = group.length;
    if (n === 0) return;
    const show = (o.has('d') || o.has('D') ? n > 1 : true) && (o.has('u') ? n === 1 : true);
    if (show) {
      let text = '';
      for (const l of o.has('D') ? group : [group[0]!]) text += (o.has('c') ? `${String(n).padStart(7)} ` : '') + l + '\n';
      if (output !== undefined) out += text;
      else await ctx.out(text);
    }
    group = [];
  };
  for await (const line of lines) {
    if (group.length > 0 && key(line) !== key(group[0]!)) await emit();
    group.push(line);
  }
  await emit();
  if (output !== undefined) {
    ctx.fs.writeFile(ctx.path(output), out);
  }
  return 0;
});
