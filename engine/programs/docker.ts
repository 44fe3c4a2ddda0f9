import { runDockerCli } from '../cli/cli.ts';
import type { EngineView } from '../cli/engine-view.ts';
import type { Program } from './process.ts';

export type { EngineView } from '../cli/engine-view.ts';

/**
 * The `docker` program of the simulated host: the docker CLI over the process's streams. Its engine is the
 * `docker` service of the machine it runs on (an EngineView); without one it sees an empty engine.
 */
export function createDockerProgram(): Program {
  return async (process) => {
    const engine = process.system.services.docker as EngineView | undefined;
    return runDockerCli(process.argv.slice(1), {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      signal: process.signal,
      hostname: process.system.hostname,
      ...(engine ? { engine } : {}),
      ...(process.stdout.tty ? { columns: process.stdout.tty.columns } : {}),
      host: {
        fs: process.fs,
        cwd: process.cwd,
        stdin: process.stdin,
        stdinIsTerminal: process.stdin.tty !== undefined,
        uid: process.uid,
        gid: process.gid,
      },
    });
  };
}
