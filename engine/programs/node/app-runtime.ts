import type { Process } from '../process.ts';

/**
 * Running application JavaScript (an express server, a script of the student's) belongs to the container runtime,
 * which is not written yet. Everything node cannot run today ends here, so the runtime replaces this one function.
 */
export async function runApplication(p: Process, what: string): Promise<number> {
  await p.stderr.write(`node: cannot run ${what}: running application JavaScript arrives with the container runtime (not available yet in Dockyard)\n`);
  return 1;
}
