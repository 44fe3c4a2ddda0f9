import type { Machine } from '../api.ts';
import { createMachine } from '../host/machine.ts';
import { runCommand } from './run.ts';
import type { Scenario } from './types.ts';

export interface StartOptions {
  readonly seed?: number;
  /** 'interactive' for the page (it moves the clock from real time); grading replays drive the clock themselves. */
  readonly mode?: 'headless' | 'interactive';
}

/** Setting up a scenario failed: an image that cannot be pulled, a setup command that failed. */
export class StartError extends Error {
  override readonly name = 'StartError';
}

/** A fresh machine in the scenario's start state: its project copied in, its images pulled, its setup run. */
export async function startScenario(scenario: Scenario, options: StartOptions = {}): Promise<Machine> {
  const machine = createMachine({ seed: options.seed ?? 0, project: scenario.start.project, mode: options.mode ?? 'interactive' });
  const terminal = machine.openTerminal();
  for (const [i, image] of scenario.start.images.entries()) {
    const out = await runCommand(machine, terminal, `docker pull -q ${quote(image)}`);
    if (out.exitCode !== 0) throw new StartError(`start.images[${i}]: docker pull ${image} failed: ${(out.stderr || out.stdout).trim()}`);
  }
  for (const [i, line] of scenario.start.setup.entries()) {
    const out = await runCommand(machine, terminal, line);
    if (out.exitCode !== 0) throw new StartError(`start.setup[${i}]: \`${line}\` exited with ${out.exitCode}: ${(out.stderr || out.stdout).trim()}`);
  }
  return machine;
}

function quote(word: string): string {
  return /^[\w.:/@-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
