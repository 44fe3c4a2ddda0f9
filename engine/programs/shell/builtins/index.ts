import { cd, pwd } from './cd.ts';
import { controlBuiltins } from './control.ts';
import { command, evalBuiltin, exec, source, type } from './eval.ts';
import { alias, umask, unalias, wait } from './misc.ts';
import { echo, printf } from './output.ts';
import { read } from './read.ts';
import { test } from './test.ts';
import type { Builtin } from './types.ts';
import { exportBuiltin, local, readonlyBuiltin, set, unset } from './vars.ts';

/** Every builtin by name. `sleep`, `ls` and the rest are programs (files in the image), not builtins. */
export const BUILTINS: Readonly<Record<string, Builtin>> = {
  ...controlBuiltins,
  cd,
  pwd,
  echo,
  printf,
  test,
  '[': test,
  read,
  export: exportBuiltin,
  readonly: readonlyBuiltin,
  local,
  unset,
  set,
  eval: evalBuiltin,
  '.': source,
  source,
  exec,
  command,
  type,
  alias,
  unalias,
  wait,
  umask,
};

/** POSIX special builtins: assignments before them stay in the shell. */
export const SPECIAL_BUILTINS: ReadonlySet<string> = new Set([':', '.', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'unset']);
