/**
 * The host's coreutils. What a student types in the first minute (ls, cat, echo, mkdir, rm...) comes with the engine;
 * the text filters, find, xargs and the rest load with their first run (or when the page prefetches the lazy code),
 * so the terminal is ready sooner. A test checks the two lists together are exactly COREUTILS.
 */
import { cat } from './coreutils/cat.ts';
import { echo } from './coreutils/echo.ts';
import { clear } from './coreutils/identity.ts';
import { ls } from './coreutils/ls.ts';
import { mkdir } from './coreutils/mkdir.ts';
import { printf } from './coreutils/printf.ts';
import { pwd } from './coreutils/pwd.ts';
import { rm } from './coreutils/rm.ts';
import { sleep } from './coreutils/sleep.ts';
import { falseProgram, trueProgram } from './coreutils/true.ts';
import { lazyPrograms } from './lazy.ts';
import type { Program } from './process.ts';

export const FIRST_LOAD_COREUTILS: Readonly<Record<string, Program>> = {
  cat,
  clear,
  echo,
  false: falseProgram,
  ls,
  mkdir,
  printf,
  pwd,
  rm,
  sleep,
  true: trueProgram,
};

/** The rest of COREUTILS, by name: the host's filesystem gets their files before their code is here. */
export const ON_DEMAND_COREUTIL_NAMES: readonly string[] = [
  'basename', 'chmod', 'chown', 'cp', 'cut', 'date', 'dirname', 'egrep', 'env', 'fgrep', 'find', 'grep', 'head',
  'hostname', 'id', 'mv', 'rmdir', 'sed', 'seq', 'sort', 'tail', 'tee', 'touch', 'tr', 'uname', 'uniq', 'wc', 'which',
  'whoami', 'xargs',
];

export function hostCoreutils(): Record<string, Program> {
  const onDemand = lazyPrograms(ON_DEMAND_COREUTIL_NAMES, async () => (await import('./coreutils/index.ts')).COREUTILS);
  const all: Record<string, Program> = { ...FIRST_LOAD_COREUTILS, ...onDemand };
  // In name order, as COREUTILS lists them: the host's /usr/bin gets its files in the same order as before the split.
  return Object.fromEntries(Object.keys(all).sort().map((name) => [name, all[name]!]));
}
