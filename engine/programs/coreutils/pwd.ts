import { defineProgram } from './common.ts';

export const pwd = defineProgram('pwd', async (ctx) => {
  const o = await ctx.parse({ short: 'LP', long: { logical: { key: 'L' }, physical: { key: 'P' } } });
  if (typeof o === 'number') return o;
  if (o.operands.length > 0) await ctx.error('ignoring non-option arguments');
  const cwd = ctx.p.cwd;
  // -L trusts $PWD only when it really names the working directory, as coreutils checks.
  if (o.lastOf('L', 'P') === 'L') {
    const env = ctx.p.env.PWD;
    if (env?.startsWith('/') && !/(^|\/)\.\.?(\/|$)/.test(env) && safeReal(ctx, env) === safeReal(ctx, cwd)) {
      await ctx.out(env + '\n');
      return 0;
    }
  }
  await ctx.out((safeReal(ctx, cwd) ?? cwd) + '\n');
  return 0;
});

function safeReal(ctx: { fs: { realpath(p: string): string } }, p: string): string | undefined {
  try {
    return ctx.fs.realpath(p);
  } catch {
    return undefined;
  }
}
