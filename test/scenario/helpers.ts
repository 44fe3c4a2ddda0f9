import type { Machine, ProjectEntry } from '../../engine/api.ts';
import { parseCheck } from '../../engine/scenario/checks/index.ts';
import { evaluateCheck } from '../../engine/scenario/evaluate.ts';
import { parseAttempt } from '../../engine/scenario/attempt.ts';
import { replayAttempt, type ReplayedCommand } from '../../engine/scenario/replay.ts';
import { createMachine } from '../../engine/host/machine.ts';
import type { CheckResult } from '../../engine/scenario/types.ts';

export interface State {
  readonly machine: Machine;
  readonly log: readonly ReplayedCommand[];
}

/** The machine after a script, replayed as grading replays an attempt. */
export async function stateAfter(script: string, project: readonly ProjectEntry[] = []): Promise<State> {
  return replayAttempt(parseAttempt(script), { start: async () => createMachine({ mode: 'interactive', project }) });
}

/** Parses a check as a scenario file would hold it and decides it on `state`. */
export async function check(raw: unknown, state: State): Promise<CheckResult> {
  return evaluateCheck(parseCheck(raw, 'check'), state.machine, state.log);
}
