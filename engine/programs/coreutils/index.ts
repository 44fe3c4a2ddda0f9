/** The coreutils-style programs by the name they are installed under (`/bin/ls` runs COREUTILS.ls). */
import type { Program } from '../process.ts';
import { cat } from './cat.ts';
import { echo } from './echo.ts';
import { ls } from './ls.ts';
import { mkdir } from './mkdir.ts';
import { printf } from './printf.ts';
import { pwd } from './pwd.ts';
import { falseProgram, trueProgram } from './true.ts';

export { echoOutput, type EchoDialect } from './echo.ts';
export { formatPrintf, type PrintfResult } from './printf.ts';

export const COREUTILS: Record<string, Program> = {
  cat,
  echo,
  false: falseProgram,
  ls,
  mkdir,
  printf,
  pwd,
  true: trueProgram,
};
