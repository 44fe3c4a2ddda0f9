import { nodeMajor } from '../version.ts';

/**
 * Node's own stack frames and headers that appear in what it prints, by release line. Internal line numbers move
 * with every release: the 20 ones are 20.19's where module-not-found.ts has them and 20.x-shaped elsewhere, the 22
 * ones are 22.14's (used for 22 and 24); exact numbers for every patch release are not known to us.
 */
export interface NodeFrames {
  /** After a CommonJS module's own frame (`at Object.<anonymous> (/app/index.js:1:7)`). */
  readonly moduleFrames: readonly string[];
  /** The frames of `Cannot find module` thrown by require (before the caller's frames). */
  readonly notFoundFrames: readonly string[];
  /** The header node prints above a require failure. */
  readonly notFoundHeader: string;
  /** The header above an unhandled rejection whose reason is not an Error. */
  readonly rejectionHeader: string;
}

export function nodeFrames(version: string): NodeFrames {
  if (nodeMajor(version) <= 20) {
    return {
      moduleFrames: [
        'Module._compile (node:internal/modules/cjs/loader:1529:14)',
        'Module._extensions..js (node:internal/modules/cjs/loader:1613:10)',
        'Module.load (node:internal/modules/cjs/loader:1275:32)',
        'Module._load (node:internal/modules/cjs/loader:1096:12)',
        'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)',
        'node:internal/main/run_main_module:28:49',
      ],
      notFoundFrames: [
        'Module._resolveFilename (node:internal/modules/cjs/loader:1212:15)',
        'Module._load (node:internal/modules/cjs/loader:1043:27)',
        'Module.require (node:internal/modules/cjs/loader:1298:19)',
        'require (node:internal/modules/helpers:182:18)',
      ],
      notFoundHeader: 'node:internal/modules/cjs/loader:1215\n  throw err;\n  ^\n',
      rejectionHeader: 'node:internal/process/promises:394\n    triggerUncaughtException(err, true /* fromPromise */);\n    ^\n',
    };
  }
  return {
    moduleFrames: [
      'Module._compile (node:internal/modules/cjs/loader:1554:14)',
      'Object..js (node:internal/modules/cjs/loader:1706:10)',
      'Module.load (node:internal/modules/cjs/loader:1289:32)',
      'Function._load (node:internal/modules/cjs/loader:1108:12)',
      'TracingChannel.traceSync (node:diagnostics_channel:322:14)',
      'wrapModuleLoad (node:internal/modules/cjs/loader:220:24)',
      'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:170:5)',
      'node:internal/main/run_main_module:36:49',
    ],
    notFoundFrames: [
      'Function._resolveFilename (node:internal/modules/cjs/loader:1225:15)',
      'Function._load (node:internal/modules/cjs/loader:1055:27)',
      'TracingChannel.traceSync (node:diagnostics_channel:322:14)',
      'wrapModuleLoad (node:internal/modules/cjs/loader:220:24)',
      'Module.require (node:internal/modules/cjs/loader:1311:12)',
      'require (node:internal/modules/helpers:136:16)',
    ],
    notFoundHeader: 'node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n',
    rejectionHeader: 'node:internal/process/promises:394\n    triggerUncaughtException(err, true /* fromPromise */);\n    ^\n',
  };
}
