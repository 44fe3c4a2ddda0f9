/** The coreutils-style programs by the name they are installed under (`/bin/ls` runs COREUTILS.ls). */
import type { Program } from '../process.ts';
import { cat } from './cat.ts';
import { echo } from './echo.ts';
import { env } from './env.ts';
import { grep, grepProgram } from './grep.ts';
import { head } from './head.ts';
import { ls } from './ls.ts';
import { mkdir } from './mkdir.ts';
import { printf } from './printf.ts';
import { pwd } from './pwd.ts';
import { rm } from './rm.ts';
import { rmdir } from './rmdir.ts';
import { seq } from './seq.ts';
import { sleep } from './sleep.ts';
import { sort } from './sort.ts';
import { tail } from './tail.ts';
import { touch } from './touch.ts';
import { tr } from './tr.ts';
import { falseProgram, trueProgram } from './true.ts';
import { uniq } from './uniq.ts';
import { wc } from './wc.ts';
import { which } from './which.ts';

export { echoOutput, type EchoDialect } from './echo.ts';
export { formatPrintf, type PrintfResult } from './printf.ts';

export const COREUTILS: Record<string, Program> = {
  cat,
  echo,
  egrep: grepProgram('egrep', ['-E']),
  env,
  false: falseProgram,
  fgrep: grepProgram('fgrep', ['-F']),
  grep,
  head,
  ls,
  mkdir,
  printf,
  pwd,
  rm,
  rmdir,
  seq,
  sleep,
  sort,
  tail,
  touch,
  tr,
  true: trueProgram,
  uniq,
  wc,
  which,
};
