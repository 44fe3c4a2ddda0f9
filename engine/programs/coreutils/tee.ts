import { defineProgram, errText } from './common.ts';

export const tee = defineProgram('tee', async (ctx) => {
  const o = await ctx.parse({ short: 'ai', long: { append: { key: 'a' }, 'ignore-interrupts': { key: 'i' } } });
  if (typeof o === 'number') return o;
  let status = 0;
  const targets: string[] = [];
  for (const f of o.operands) {
    try {
      // Files are opened (truncated) before anything is read, as tee does.
      if (!o.has('a')) ctx.fs.writeFile(ctx.path(f), '');
      else if (!ctx.fs.exists(ctx.path(f))) ctx.fs.writeFile(ctx.path(f), '');
      targets.push(f);
    } catch (e) {
      await ctx.error(`${f}: ${errText(e)}`);
      status = 1;
    }
  }
  for (let chunk = await ctx.p.stdin.read(); chunk; chunk = await ctx.p.stdin.read()) {
    await ctx.outBytes(chunk);
    for (const f of targets) ctx.fs.writeFile(ctx.path(f), chunk, { append: true });
  }
  return status;
});
