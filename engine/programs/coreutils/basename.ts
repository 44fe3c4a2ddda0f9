import { basename as base, dirname as dir } from '../../fs/path.ts';
import { defineProgram } from './common.ts';

export const basename = defineProgram('basename', async (ctx) => {
  const o = await ctx.parse({ short: 'as:z', long: { multiple: { key: 'a' }, suffix: { key: 's', arg: 'required' }, zero: { key: 'z' } } });
  if (typeof o === 'number') return o;
  const ops = o.operands;
  if (ops.length === 0) return ctx.usage('missing operand');
  const multiple = o.has('a') || o.has('s');
  if (!multiple && ops.length > 2) return ctx.usage(`extra operand ‘${ops[2]}’`);
  const suffix = o.value('s') ?? (multiple ? undefined : ops[1]);
  const names = multiple ? ops : [ops[0]!];
  const end = o.has('z') ? '\0' : '\n';
  for (const n of names) {
    let b = base(n);
    // The suffix is kept when it is the whole name (`basename .txt .txt` prints .txt).
    if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
    await ctx.out(b + end);
  }
  return 0;
});

export const dirname = defineProgram('dirname', async (ctx) => {
  const o = await ctx.parse({ short: 'z', long: { zero: { key: 'z' } } });
  if (typeof o === 'number') return o;
  if (o.operands.length === 0) return ctx.usage('missing operand');
  for (const n of o.operands) await ctx.out(dir(n) + (o.has('z') ? '\0' : '\n'));
  return 0;
});
