import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal } from '../control.ts';
import type { Builtin } from './types.ts';

/** `exit`, `return`, `break`, `continue`, `shift`, `true`, `false`, `:`: the builtins that steer execution. */

const ok: Builtin = async () => 0;

async function numeric(ctx: Parameters<Builtin>[0], arg: string | undefined, fallback: number): Promise<number | undefined> {
  if (arg === undefined) return fallback;
  if (/^-?[0-9]+$/.test(arg)) return Number(arg) & 255;
  const dialect = ctx.sh.state.origin.dialect;
  await ctx.error(dialect === 'bash' ? `${arg}: numeric argument required` : `Illegal number: ${arg}`);
  return undefined;
}

export const controlBuiltins: Record<string, Builtin> = {
  ':': ok,
  true: ok,
  false: async () => 1,
  exit: async (ctx) => {
    const n = await numeric(ctx, ctx.argv[1], ctx.sh.state.status);
    throw new ExitSignal(n ?? 2);
  },
  return: async (ctx) => {
    const s = ctx.sh.state;
    if (s.localFrames.length === 0 && s.sourceDepth === 0) {
      await ctx.error("can only `return' from a function or sourced script");
      return 1;
    }
    const n = await numeric(ctx, ctx.argv[1], s.status);
    throw new ReturnSignal(n ?? 2);
  },
  break: async (ctx) => {
    throw new BreakSignal(Math.max(1, Number(ctx.argv[1] ?? 1) || 1));
  },
  continue: async (ctx) => {
    throw new ContinueSignal(Math.max(1, Number(ctx.argv[1] ?? 1) || 1));
  },
  shift: async (ctx) => {
    const s = ctx.sh.state;
    const n = ctx.argv[1] === undefined ? 1 : Number(ctx.argv[1]);
    if (!Number.isInteger(n) || n < 0) {
      await ctx.error(`${ctx.argv[1]}: numeric argument required`);
      return 1;
    }
    if (n > s.positional.length) {
      if (s.origin.dialect === 'bash') return 1;
      await ctx.error("can't shift that many");
      throw new ExitSignal(2);
    }
    s.positional = s.positional.slice(n);
    return 0;
  },
};
