import { nodeMajor } from './version.ts';

/**
 * What node prints when the main script does not exist: the internal `throw err` frame, the error and a short
 * stack, then its own version. Line numbers in node's internals move with every release; these are node
 * 20.19.1's (same release line as the catalog's 20.19.2) and 22.14's (used for 22 and 24, whose exact numbers
 * we have not seen).
 */
export function moduleNotFound(path: string, version: string): string {
  const frames =
    nodeMajor(version) <= 20
      ? {
          throwAt: 'node:internal/modules/cjs/loader:1215',
          stack: [
            'Module._resolveFilename (node:internal/modules/cjs/loader:1212:15)',
            'Module._load (node:internal/modules/cjs/loader:1043:27)',
            'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)',
            'node:internal/main/run_main_module:28:49',
          ],
        }
      : {
          throwAt: 'node:internal/modules/cjs/loader:1228',
          stack: [
            'Function._resolveFilename (node:internal/modules/cjs/loader:1225:15)',
            'Function._load (node:internal/modules/cjs/loader:1055:27)',
            'TracingChannel.traceSync (node:diagnostics_channel:322:14)',
            'wrapModuleLoad (node:internal/modules/cjs/loader:220:24)',
            'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:170:5)',
            'node:internal/main/run_main_module:36:49',
          ],
        };
  const at = frames.stack.map((f) => `    at ${f}`).join('\n');
  return `${frames.throwAt}\n  throw err;\n  ^\n\nError: Cannot find module '${path}'\n${at} {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${version}\n`;
}
