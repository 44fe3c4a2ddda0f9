import { createMachine } from '../../../engine/index.ts';

/** A headless machine on the offline catalog with one terminal; `run` gives a line's stdout, stderr and status. */
export function catalogRunner() {
  const machine = createMachine({ mode: 'headless' });
  const terminal = machine.openTerminal();
  return async (line: string) => {
    let stdout = '';
    let stderr = '';
    const exitCode = await terminal.run(line, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { stdout, stderr, exitCode };
  };
}
