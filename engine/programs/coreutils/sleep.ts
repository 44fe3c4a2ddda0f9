import { defineProgram } from './common.ts';

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

export const sleep = defineProgram('sleep', async (ctx) => {
  const args = [...ctx.args];
  if (args[0] === '--') args.shift();
  if (args.length === 0) return ctx.usage('missing operand');
  let seconds = 0;
  for (const a of args) {
    if (/^-[^\d.]/.test(a) || /^-\d/.test(a)) return ctx.usage(`invalid option -- '${a[1]}'`);
    const m = /^\+?(\d+\.?\d*|\.\d+|inf(?:inity)?)([smhd]?)$/i.exec(a);
    if (!m) return ctx.usage(`invalid time interval ‘${a}’`);
    seconds += Number(/^inf/i.test(m[1]!) ? Infinity : m[1]) * UNIT[m[2]!]!;
  }
  // An interrupt rejects the sleep; defineProgram turns that into 128+signal (130 for Ctrl-C).
  await ctx.p.clock.sleep(seconds * 1000, ctx.p.signal);
  return 0;
});
