import { resolvePath } from '../../../fs/path.ts';
import type { Builtin } from './types.ts';

/** `cd` moves the shell's logical working directory (symlinks kept in the path, as `cd -L`); `pwd` shows it. */

export const cd: Builtin = async (ctx) => {
  const s = ctx.sh.state;
  const dialect = s.origin.dialect;
  let arg = ctx.argv.slice(1).find((a) => a !== '-L' && a !== '-P' && a !== '--');
  let print = false;
  if (arg === undefined) {
    arg = s.home;
    if (arg === undefined) {
      await ctx.error('HOME not set');
      return 1;
    }
  } else if (arg === '-') {
    arg = s.get('OLDPWD');
    if (arg === undefined) {
      await ctx.error('OLDPWD not set');
      return 1;
    }
    print = true;
  }
  const target = resolvePath(s.cwd, arg);
  let problem: string | undefined;
  try {
    if (ctx.sh.fs.stat(target).type !== 'dir') problem = 'Not a directory';
  } catch {
    problem = 'No such file or directory';
  }
  if (problem) {
    if (dialect === 'bash') await ctx.error(`${arg}: ${problem}`);
    else if (dialect === 'dash') await ctx.error(`can't cd to ${arg}`);
    else await ctx.error(`can't cd to ${arg}: ${problem}`);
    return dialect === 'bash' ? 1 : 2;
  }
  s.set('OLDPWD', s.cwd, true);
  s.cwd = target;
  s.set('PWD', target, true);
  if (print) await ctx.stdout.write(target + '\n');
  return 0;
};

export const pwd: Builtin = async (ctx) => {
  await ctx.stdout.write(ctx.sh.state.cwd + '\n');
  return 0;
};
