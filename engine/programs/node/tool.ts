import type { Process } from '../process.ts';

/** A JavaScript program node recognises by its entry point and runs as a simulated tool (npm, tsc, prisma...). */
export interface ScriptContext {
  readonly p: Process;
  /** The script's real path (symlinks resolved): `/usr/local/lib/node_modules/npm/bin/npm-cli.js`. */
  readonly script: string;
  /** What follows the script on node's command line (`process.argv.slice(2)`). */
  readonly args: readonly string[];
  /** The package directory the script belongs to, and the version its package.json declares. */
  readonly packageDir: string;
  readonly packageVersion: string;
  /** The running node's version, without the `v`. */
  readonly nodeVersion: string;
}

export type Tool = (ctx: ScriptContext) => Promise<number>;
