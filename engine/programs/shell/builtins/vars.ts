import { quoteForTrace } from '../quote.ts';
import type { Builtin, BuiltinContext } from './types.ts';

/** `export`, `readonly`, `unset`, `local`, `set`: the builtins that change variables and options. */

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

async function assignEach(ctx: BuiltinContext, apply: (name: string, value: string | undefined) => void): Promise<number> {
  let status = 0;
  for (const a of ctx.argv.slice(1)) {
    if (a.startsWith('-')) continue;
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) {
      await ctx.error(ctx.sh.state.origin.dialect === 'bash' ? `\`${a}': not a valid identifier` : `bad variable name`);
      status = 1;
      continue;
    }
    apply(name, eq < 0 ? undefined : a.slice(eq + 1));
  }
  return status;
}

export const exportBuiltin: Builtin = async (ctx) => {
  const s = ctx.sh.state;
  if (ctx.argv.length === 1 || (ctx.argv.length === 2 && ctx.argv[1] === '-p')) {
    const names = [...s.vars].filter(([, v]) => v.exported).map(([k]) => k).sort();
    const bash = s.origin.dialect === 'bash';
    const lines = names.map((k) => (bash ? `declare -x ${k}="${s.get(k)!.replace(/["\\$`]/g, '\\$&')}"` : `export ${k}=${quoteForTrace(s.get(k)!)}`));
    await ctx.stdout.write(lines.map((l) => l + '\n').join(''));
    return 0;
  }
  return assignEach(ctx, (name, value) => {
    const v = s.vars.get(name);
    if (value !== undefined) s.set(name, value, true);
    // `export X` of an unset X is not remembered: the state has no "unset but exported" slot.
    else if (v) v.exported = true;
  });
};

export const readonlyBuiltin: Builtin = async (ctx) =>
  assignEach(ctx, (name, value) => {
    const s = ctx.sh.state;
    if (value !== undefined) s.set(name, value);
    const v = s.vars.get(name);
    if (v) v.readonly = true;
    else s.vars.set(name, { value: '', exported: false, readonly: true });
  });

export const local: Builtin = async (ctx) => {
  const s = ctx.sh.state;
  if (s.localFrames.length === 0) {
    await ctx.error('can only be used in a function');
    return 1;
  }
  return assignEach(ctx, (name, value) => {
    s.makeLocal(name);
    if (value !== undefined) s.set(name, value);
  });
};

export const unset: Builtin = async (ctx) => {
  const s = ctx.sh.state;
  let functions = false;
  for (const a of ctx.argv.slice(1)) {
    if (a === '-f') functions = true;
    else if (a === '-v') functions = false;
    else if (functions) s.functions.delete(a);
    else {
      s.unset(a);
      if (!s.vars.has(a) && s.functions.has(a) && ctx.sh.state.origin.dialect === 'bash') s.functions.delete(a);
    }
  }
  return 0;
};

type OptionName = 'errexit' | 'xtrace' | 'nounset' | 'noglob' | 'pipefail' | 'verbose' | 'errtrace' | 'functrace';

const LONG: Record<string, OptionName> = {
  errexit: 'errexit',
  xtrace: 'xtrace',
  nounset: 'nounset',
  noglob: 'noglob',
  pipefail: 'pipefail',
  verbose: 'verbose',
  errtrace: 'errtrace',
  functrace: 'functrace',
};
/** Letters only bash has (the official images' entrypoints start with `set -Eeuo pipefail`). */
const BASH_ONLY_LETTERS: Record<string, OptionName> = { E: 'errtrace', T: 'functrace' };
const OPTION_BY_LETTER: Record<string, OptionName> = { e: 'errexit', x: 'xtrace', u: 'nounset', f: 'noglob', v: 'verbose' };

/** Applies `-e`, `+x`, `-o pipefail`... Returns the index of the first non-option argument, or an error text. */
export function applySetOptions(s: BuiltinContext['sh']['state'], args: readonly string[]): { next: number; positional: boolean } | string {
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return { next: i + 1, positional: true };
    if (a === '-' || a === '+') return { next: i + 1, positional: true };
    if (!/^[-+]/.test(a)) break;
    const on = a.startsWith('-');
    if (a === '-o' || a === '+o') {
      const name = args[++i];
      if (name === undefined) return { next: i, positional: false };
      const opt = LONG[name];
      if (!opt || (Object.values(BASH_ONLY_LETTERS).includes(opt) && s.origin.dialect !== 'bash')) return `${name}: invalid option name`;
      s.options[opt] = on;
      continue;
    }
    for (const c of a.slice(1)) {
      if (c === 'o') {
        // `set -euo pipefail`: an `o` in a group takes the next word as an option name.
        const name = args[++i];
        if (name === undefined) return { next: i, positional: false };
        const named = LONG[name];
        if (!named || (Object.values(BASH_ONLY_LETTERS).includes(named) && s.origin.dialect !== 'bash')) return `${name}: invalid option name`;
        s.options[named] = on;
        continue;
      }
      const opt = OPTION_BY_LETTER[c] ?? (s.origin.dialect === 'bash' ? BASH_ONLY_LETTERS[c] : undefined);
      if (!opt) return `${a.slice(0, 1)}${c}: invalid option`;
      s.options[opt] = on;
    }
  }
  return { next: i, positional: i < args.length };
}

export const set: Builtin = async (ctx) => {
  const s = ctx.sh.state;
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    const names = [...s.vars.keys()].sort();
    await ctx.stdout.write(names.map((k) => `${k}=${quoteForTrace(s.get(k)!)}\n`).join(''));
    return 0;
  }
  const r = applySetOptions(s, args);
  if (typeof r === 'string') {
    await ctx.error(r);
    return 2;
  }
  if (r.positional) s.positional = args.slice(r.next);
  return 0;
};
