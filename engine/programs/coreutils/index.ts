/** The coreutils-style programs by the name they are installed under (`/bin/ls` runs COREUTILS.ls). */
import type { Program } from '../process.ts';
import { basename, dirname } from './basename.ts';
import { cat } from './cat.ts';
import { chmod, chown } from './chmod.ts';
import { cp } from './cp.ts';
import { cut } from './cut.ts';
import { date } from './date.ts';
import { echo } from './echo.ts';
import { env } from './env.ts';
import { find } from './find.ts';
import { grep, grepProgram } from './grep.ts';
import { head } from './head.ts';
import { clear, hostname, id, uname, whoami } from './identity.ts';
import { ls } from './ls.ts';
import { mkdir } from './mkdir.ts';
import { mv } from './mv.ts';
import { printf } from './printf.ts';
import { pwd } from './pwd.ts';
import { rm } from './rm.ts';
import { rmdir } from './rmdir.ts';
import { sed } from './sed.ts';
import { seq } from './seq.ts';
import { sleep } from './sleep.ts';
import { sort } from './sort.ts';
import { tail } from './tail.ts';
import { tee } from './tee.ts';
import { touch } from './touch.ts';
import { tr } from './tr.ts';
import { falseProgram, trueProgram } from './true.ts';
import { uniq } from './uniq.ts';
import { wc } from './wc.ts';
import { which } from './which.ts';
import { xargs } from './xargs.ts';

export { echoOutput, type EchoDialect } from './echo.ts';
export { formatPrintf, type PrintfResult } from './printf.ts';

export const COREUTILS: Record<string, Program> = {
  basename,
  cat,
  chmod,
  chown,
  clear,
  cp,
  cut,
  date,
  dirname,
  echo,
  egrep: grepProgram('egrep', ['-E']),
  env,
  false: falseProgram,
  fgrep: grepProgram('fgrep', ['-F']),
  find,
  grep,
  head,
  hostname,
  id,
  ls,
  mkdir,
  mv,
  printf,
  pwd,
  rm,
  rmdir,
  sed,
  seq,
  sleep,
  sort,
  tail,
  tee,
  touch,
  tr,
  true: trueProgram,
  uname,
  uniq,
  wc,
  which,
  whoami,
  xargs,
};
