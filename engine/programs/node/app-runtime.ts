import type { Process } from '../process.ts';

/**
 * What node cannot run: the interactive REPL (node with no script on a terminal). Scripts, `-e` and `-p` run in
 * the application runtime (runtime/run.ts).
 */
export async function runApplication(p: Process, what: string): Promise<number> {
  await p.stderr.write(`node: cannot run ${what}: the interactive REPL is not simulated in Dockyard\n`);
  return 1;
}
