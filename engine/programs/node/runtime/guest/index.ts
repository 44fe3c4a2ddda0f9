import { CORE } from './core.ts';
import { FS } from './fs.ts';
import { HTTP } from './http.ts';
import { MISC } from './misc.ts';
import { MODULES } from './modules.ts';
import { NET } from './net.ts';
import { PROCESS } from './process.ts';
import { UTIL } from './util.ts';

/**
 * The guest half of the node runtime as one script: a function of the host bindings that sets up the globals and
 * builtins and returns the entry points the host drives (run the main module, report fatal errors, signals, exit).
 */
export const NODE_GUEST = `(function (host) {
${CORE}
${UTIL}
${PROCESS}
${FS}
${MISC}
${NET}
${HTTP}
builtin('process', () => process);
builtin('util/types', () => requireBuiltin('util').types);
builtin('sys', () => requireBuiltin('util'));
builtin('path/posix', () => requireBuiltin('path'));
builtin('assert/strict', () => requireBuiltin('assert'));
${MODULES}
return { runMain, evalString, esmShim, uncaught, unhandledRejection, beforeExit, exit, signal, exitCode };
})`;
