import { exitStatusForSignal } from '../../process.ts';
import type { Builtin } from './types.ts';

/** `alias`/`unalias` (plain word replacement), `wait` for background jobs, and `umask`. */

export const alias: Builtin = async (ctx) => {
  const s = ctx.sh.state;
  let status = 0;
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    for (const [k, v] of [...s.aliases].sort()) await ctx.stdout.write(`alias ${k}='${v}'\n`);
    return 0;
  }
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) s.aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else if (s.aliases.has(a)) await ctx.stdout.write(`alias ${a}='${s.aliases.get(a)}'\n`);
    else {
      await ctx.error(`${a}: not found`);
      status = 1;
    }
  }
  return status;
};

export const unalias: Builtin = async (ctx) => {
  const s = ctx.sh.state;
  for (const a of ctx.argv.slice(1)) {
    if (a === '-a') s.aliases.clear();
    else s.aliases.delete(a);
  }
  return 0;
};

export const wait: Builtin = async (ctx) => {
  const s = ctx.sh.state;
  const wanted = ctx.argv.length > 1 ? ctx.argv.slice(1).map(Number) : [...s.jobs.keys()];
  let status = 0;
  for (const pid of wanted) {
    const job = s.jobs.get(pid);
    if (!job) {
      status = 127;
      continue;
    }
    const signal = ctx.sh.signal;
    const r = await Promise.race([job, new Promise<'interrupted'>((resolve) => signal.addEventListener('abort', () => resolve('interrupted'), { once: true }))]);
    if (r === 'interrupted' || signal.aborted) return exitStatusForSignal(signal.reason);
    status = r;
    s.jobs.delete(pid);
  }
  return ctx.argv.length > 1 ? status : 0;
};

export const umask: Builtin = async (ctx) => {
  const s = ctx.sh.state;
  const arg = ctx.argv[1];
  if (arg === undefined) {
    await ctx.stdout.write(s.umask.toString(8).padStart(4, '0') + '\n');
    return 0;
  }
  if (!/^[0-7]{1,4}$/.test(arg)) {
    await ctx.error(`${arg}: octal number out of range`);
    return 1;
  }
  s.umask = parseInt(arg, 8);
  return 0;
};
