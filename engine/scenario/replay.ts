import type { Machine, Terminal } from '../api.ts';
import { FsError } from '../fs/types.ts';
import { COMMAND_STEP_MS } from '../host/machine.ts';
import { PROJECT_DIR } from '../host/layout.ts';
import { BytesReader } from '../programs/streams.ts';
import { advanceSettled } from './clock.ts';
import { normalize } from './parse.ts';
import { driveToEnd, startCommand, type Started } from './run.ts';
import type { Attempt, AttemptEvent, LogEntry } from './types.ts';

/** One command of the log with where it ran, so a probe can repeat a build in the same directory. */
export interface ReplayedCommand extends LogEntry {
  readonly cwd: string;
}

export interface ReplayHooks {
  /** A machine in the scenario's start state, interactive (the replay drives its clock): at the start and on reset. */
  start(): Promise<Machine>;
  /** The student asked for the solution: called before the machine moves on. */
  onSolution?(machine: Machine, log: readonly ReplayedCommand[]): Promise<void>;
}

export interface Replayed {
  readonly machine: Machine;
  readonly log: readonly ReplayedCommand[];
}

interface Running {
  readonly started: Started;
  readonly index: number;
}

/**
 * Replays an attempt on a fresh machine: before each event the clock moves forward to the event's time (a script's
 * commands are a second apart, as `play` spaces them); each command runs to its end on virtual time, except one the
 * student left running while typing elsewhere (its `endedAt` is after the next event), which keeps running and is
 * interrupted like Ctrl-C at the end. Deterministic: the same attempt gives the same machine.
 */
export async function replayAttempt(attempt: Attempt, hooks: ReplayHooks): Promise<Replayed> {
  let machine = await hooks.start();
  let t0 = machine.clock.now();
  let terminals = new Map<number, Terminal>();
  let running: Running[] = [];
  let log: (ReplayedCommand | undefined)[] = [];
  const events = attempt.events;

  const finishAll = async () => {
    for (const r of running) r.started.interrupt();
    for (const r of running) {
      const out = await driveToEnd(machine, r.started);
      log[r.index] = { ...log[r.index]!, exitCode: out?.exitCode ?? 130 };
    }
    running = [];
  };

  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const target = event.at === undefined ? machine.clock.now() + COMMAND_STEP_MS : t0 + event.at;
    await advanceSettled(machine.clock, Math.max(machine.clock.now(), target));
    switch (event.type) {
      case 'command': {
        let terminal = terminals.get(event.terminal);
        if (!terminal) terminals.set(event.terminal, (terminal = machine.openTerminal()));
        const cwd = terminal.cwd;
        const at = machine.clock.now() - t0;
        const started = startCommand(terminal, event.line, event.input !== undefined ? new BytesReader(event.input) : undefined);
        const index = log.length;
        log.push({ line: event.line, exitCode: 130, at, terminal: event.terminal, cwd });
        const next = events[i + 1];
        const leftRunning = event.endedAt !== undefined && next?.at !== undefined && event.endedAt > next.at;
        if (leftRunning) {
          running.push({ started, index });
          break;
        }
        const out = await driveToEnd(machine, started);
        if (out) log[index] = { ...log[index]!, exitCode: out.exitCode };
        else running.push({ started, index });
        break;
      }
      case 'solution':
        await hooks.onSolution?.(machine, log.filter((e) => e !== undefined));
        break;
      case 'reset': {
        await finishAll();
        const now = machine.clock.now();
        machine.shutdown();
        machine = await hooks.start();
        machine.clock.set(Math.max(now, machine.clock.now()));
        t0 = machine.clock.now() - (event.at ?? 0);
        terminals = new Map();
        log = [];
        break;
      }
      case 'hint':
        break;
      default:
        applyFileEvent(machine, event);
    }
  }
  await finishAll();
  return { machine, log: log.filter((e) => e !== undefined) };
}

/** A project path from an attempt, or undefined when it would leave the project folder. */
function projectPath(path: string): string | undefined {
  const clean = normalize(path.replace(/^\/+/, ''));
  return clean === '' || clean.startsWith('..') ? undefined : `${PROJECT_DIR}/${clean}`;
}

/** An editor save, a file created, removed, renamed: what the student did outside the terminal. */
function applyFileEvent(machine: Machine, event: Extract<AttemptEvent, { type: 'write' | 'remove' | 'mkdir' | 'rename' }>): void {
  const fs = machine.hostFs;
  const path = projectPath(event.path);
  if (path === undefined) return;
  try {
    switch (event.type) {
      case 'write':
        fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
        fs.writeFile(path, event.content);
        break;
      case 'mkdir':
        fs.mkdir(path, { recursive: true });
        break;
      case 'remove':
        fs.rm(path, { recursive: true, force: true });
        break;
      case 'rename': {
        const to = projectPath(event.to);
        if (to !== undefined) fs.rename(path, to);
        break;
      }
    }
  } catch (e) {
    // What the editor could not have done either (a file where a folder is needed) changes nothing.
    if (!(e instanceof FsError)) throw e;
  }
}
