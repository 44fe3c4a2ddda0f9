import { echoOutput } from '../../coreutils/echo.ts';
import { formatPrintf } from '../../coreutils/printf.ts';
import type { Builtin } from './types.ts';

/** The shells' own echo and printf, sharing coreutils' implementation (bash's and dash's echo differ on escapes). */

export const echo: Builtin = async (ctx) => {
  const dialect = ctx.sh.state.origin.dialect === 'dash' ? 'dash' : 'bash';
  await ctx.stdout.write(echoOutput(ctx.argv.slice(1), dialect));
  return 0;
};

export const printf: Builtin = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    await ctx.error('usage: printf [-v var] format [arguments]');
    return 2;
  }
  const r = formatPrintf(args[0]!, args.slice(1));
  await ctx.stdout.write(r.output);
  for (const e of r.errors) await ctx.error(e);
  return r.status;
};
