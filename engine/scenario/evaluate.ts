import type { Machine, Snapshot } from '../api.ts';
import { createMachine, machineInternals } from '../host/machine.ts';
import { settleBackground } from '../host/driver.ts';
import { isDockerError } from '../core/errors.ts';
import { canonicalString, parseReference, withDefaultTag } from '../image/reference.ts';
import { buildTags } from './build-line.ts';
import { CHECK_KINDS } from './checks/index.ts';
import type { ReplayedCommand } from './replay.ts';
import type { Check, CheckContext, CheckResult, LogEntry, Scenario, Task, TaskResult } from './types.ts';

export interface EvaluateOptions {
  /** Run behavioural probes (each on its own copy of the machine). The page's live checklist leaves them out. */
  readonly probes: boolean;
}

/** One task's result; `unverified` when it passed only because its probes were not run. */
export interface LiveTaskResult extends TaskResult {
  readonly unverified?: boolean;
}

/**
 * Decides every task on `machine` (read only: probes run on copies). A task passes when all its checks pass; a
 * failing task says the first of its mistakes that matches, else why its first failing check failed.
 */
export async function evaluate(scenario: Scenario, machine: Machine, log: readonly (LogEntry | ReplayedCommand)[], options: EvaluateOptions): Promise<LiveTaskResult[]> {
  const probed: Machine[] = [];
  const ctx = checkContext(machine, log, options.probes, probed);
  try {
    const results: LiveTaskResult[] = [];
    for (const task of scenario.tasks) results.push(await evaluateTask(task, ctx, options.probes));
    return results;
  } finally {
    for (const copy of probed) copy.shutdown();
  }
}

async function evaluateTask(task: Task, ctx: CheckContext, probes: boolean): Promise<LiveTaskResult> {
  let unverified = false;
  for (const check of task.checks) {
    if (!probes && usesProbe(check)) {
      unverified = true;
      continue;
    }
    const result = await ctx.evaluate(check);
    if (result.passed) continue;
    for (const mistake of task.mistakes) {
      if (!probes && usesProbe(mistake.check)) continue;
      if ((await ctx.evaluate(mistake.check)).passed) return { id: task.id, title: task.title, passed: false, message: mistake.message };
    }
    return { id: task.id, title: task.title, passed: false, message: result.message };
  }
  return { id: task.id, title: task.title, passed: true, message: '', ...(unverified ? { unverified } : {}) };
}

/** One check on `machine` (tests, and a page that wants a single answer). */
export async function evaluateCheck(check: Check, machine: Machine, log: readonly (LogEntry | ReplayedCommand)[] = []): Promise<CheckResult> {
  const probed: Machine[] = [];
  try {
    return await checkContext(machine, log, true, probed).evaluate(check);
  } finally {
    for (const copy of probed) copy.shutdown();
  }
}

function usesProbe(check: Check): boolean {
  if (CHECK_KINDS.get(check.kind)?.probe) return true;
  return check.kind === 'not' && usesProbe((check.options as { check: Check }).check);
}

/** `probed` collects the probes' copies of the machine, for the caller to shut down once every check is decided. */
function checkContext(machine: Machine, log: readonly (LogEntry | ReplayedCommand)[], probes: boolean, probed: Machine[]): CheckContext {
  let snapshot: Snapshot | undefined;
  let wasRunning: string[] = [];
  const contexts = new Map<Machine, CheckContext>();
  const make = (on: Machine): CheckContext => {
    const known = contexts.get(on);
    if (known) return known;
    const ctx: CheckContext = {
      machine: on,
      internals: machineInternals(on),
      log,
      probes,
      probeMachine: async () => {
        if (!snapshot) {
          snapshot = machine.snapshot();
          wasRunning = machineInternals(machine)
            .runtime.list()
            .filter((c) => c.state.Running)
            .map((c) => c.record.id)
            .reverse();
        }
        const copy = await probeMachine(snapshot, wasRunning);
        probed.push(copy);
        return copy;
      },
      evaluate: async (check, where) => {
        const target = make(where ?? on);
        const result: CheckResult = await CHECK_KINDS.get(check.kind)!.evaluate(check.options as never, target);
        return result.passed || check.message === undefined ? result : { passed: false, message: check.message };
      },
      lastBuild: (ref) => lastBuild(log, ref),
    };
    contexts.set(on, ctx);
    return ctx;
  };
  return make(machine);
}

/**
 * A headless copy of the machine for a probe. A snapshot cannot hold a process, so a restored container that was
 * running comes back as after a daemon restart; it is started again here, as `docker start` would, with its
 * files (volumes, writable layer) as they were.
 */
async function probeMachine(snapshot: Snapshot, running: readonly string[]): Promise<Machine> {
  const machine = createMachine({ mode: 'headless' });
  machine.restore(snapshot);
  const { runtime } = machineInternals(machine);
  for (const id of running) {
    try {
      if (!runtime.get(id).state.Running) runtime.start(id);
    } catch (e) {
      if (!isDockerError(e)) throw e;
    }
  }
  await settleBackground(machine.clock);
  return machine;
}

/** The last successful command line that built and tagged REF, and the directory it ran in. */
function lastBuild(log: readonly (LogEntry | ReplayedCommand)[], ref: string): { line: string; cwd: string } | undefined {
  let canonical: string;
  try {
    canonical = canonicalString(withDefaultTag(parseReference(ref)));
  } catch {
    return undefined;
  }
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i]!;
    if (entry.exitCode !== 0 || !('cwd' in entry)) continue;
    if (buildTags(entry.line).includes(canonical)) return { line: entry.line, cwd: entry.cwd };
  }
  return undefined;
}
