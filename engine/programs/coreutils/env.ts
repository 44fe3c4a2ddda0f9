import { defineProgram } from './common.ts';
import { searchPath } from './path-search.ts';

export const env = defineProgram('env', async (ctx) => {
  const o = await ctx.parse(
    {
      short: 'iu:C:0',
      long: { 'ignore-environment': { key: 'i' }, unset: { key: 'u', arg: 'required' }, chdir: { key: 'C', arg: 'required' }, null: { key: '0' } },
      stopAtOperand: true,
    },
    125,
  );
  if (typeof o === 'number') return o;
  const args = [...o.operands];
  // A lone `-` is the old spelling of -i.
  const clear = o.has('i') || args[0] === '-';
  if (args[0] === '-') args.shift();
  const vars: Record<string, string> = clear ? {} : { ...ctx.p.env };
  for (const u of o.values('u')) delete vars[u];
  while (args.length > 0 && /^[^=]+=/.test(args[0]!)) {
    const a = args.shift()!;
    vars[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
  }
  if (args.length === 0) {
    const end = o.has('0') ? '\0' : '\n';
    await ctx.out(Object.entries(vars).map(([k, v]) => `${k}=${v}${end}`).join(''));
    return 0;
  }
  const cmd = args[0]!;
  const dir = o.value('C');
  const cwd = dir === undefined ? ctx.p.cwd : ctx.path(dir);
  if (searchPath({ fs: ctx.fs, env: vars, cwd }, cmd).length === 0) {
    await ctx.error(`‘${cmd}’: No such file or directory`);
    return 127;
  }
  await ctx.flush();
  return ctx.p.spawn(args, { env: vars, cwd });
});
