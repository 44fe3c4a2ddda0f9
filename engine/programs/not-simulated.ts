import type { Program } from './process.ts';

/**
 * A program file Dockyard has no simulation for yet (curl installed by apt, gcc, nginx before the runtime arrives).
 * The file exists, so the command is found, as on a real system; running it says plainly what is going on instead
 * of pretending, and fails the way a program that cannot be executed does (126). Registering a real program under
 * the same name replaces this.
 */
export function notSimulated(name: string): Program {
  return async (p) => {
    await p.stderr.write(`${p.argv[0] ?? name}: Dockyard does not simulate ${name} yet (the program file is installed, but cannot run here)\n`);
    return 126;
  };
}
