import type { Machine, Terminal } from '../api.ts';
import type { Readable } from '../programs/streams.ts';
import { driveHeadless, IgnoredInterrupt, settleBackground } from '../host/driver.ts';
import { machineInternals } from '../host/machine.ts';

export interface RunOutput {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A command started on a machine whose clock this code drives, and how to stop it (Ctrl-C). */
export interface Started {
  readonly done: Promise<RunOutput>;
  interrupt(): void;
}

/** Starts a command line in `terminal`, collecting what it prints. */
export function startCommand(terminal: Terminal, line: string, stdin?: Readable): Started {
  const ctrlC = new AbortController();
  let stdout = '';
  let stderr = '';
  const done = terminal
    .run(line, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), signal: ctrlC.signal, ...(stdin ? { stdin } : {}) })
    .then((exitCode) => ({ exitCode, stdout, stderr }));
  return { done, interrupt: () => ctrlC.abort('SIGINT') };
}

/**
 * Waits for a started command on virtual time as a headless run does: the clock jumps to the next timer while it
 * only waits, and a command that would wait for ever gets Ctrl-C. One that ignores Ctrl-C is left running
 * (undefined): the caller keeps it as a command running in another terminal.
 */
export async function driveToEnd(machine: Machine, started: Started): Promise<RunOutput | undefined> {
  try {
    const out = await driveHeadless(machine.clock, started.done, () => started.interrupt());
    await settleBackground(machine.clock);
    return out;
  } catch (e) {
    if (e instanceof IgnoredInterrupt) return undefined;
    throw e;
  }
}

/**
 * Runs one command line to its end on any machine: a headless machine drives its own clock; on an interactive one
 * (the page's, or a replay's) this drives it the same way.
 */
export async function runCommand(machine: Machine, terminal: Terminal, line: string): Promise<RunOutput> {
  if (machineInternals(machine).mode === 'headless') {
    let stdout = '';
    let stderr = '';
    const exitCode = await terminal.run(line, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
    return { exitCode, stdout, stderr };
  }
  await settleBackground(machine.clock);
  return (await driveToEnd(machine, startCommand(terminal, line))) ?? { exitCode: 130, stdout: '', stderr: '' };
}
