/**
 * The machine a scenario's page uses: the student's machine with its terminals and its host filesystem (as the editor
 * and the file explorer reach it) recording into an attempt log. The engine's own code keeps its unwrapped filesystem,
 * so what commands write is not recorded twice: replaying the command writes it again.
 */
import type { Machine, Terminal } from '../../engine/api.ts';
import type { Fs } from '../../engine/fs/types.ts';
import type { Readable } from '../../engine/programs/streams.ts';
import type { AttemptEvent, AttemptLog } from './attempt-log.ts';

export const PROJECT_DIR = '/home/student/project';

/** Told after each event is recorded (and when a recorded command ends). */
export type OnRecord = () => void;

export function recordingMachine(machine: Machine, log: AttemptLog, onRecord: OnRecord): Machine {
  let terminals = 0;
  const now = () => log.at(machine.clock.now());
  return {
    ...machine,
    hostFs: recordingFs(machine.hostFs, log, now, onRecord),
    openTerminal: () => recordingTerminal(machine.openTerminal(), ++terminals, log, now, onRecord),
  };
}

function recordingTerminal(terminal: Terminal, number: number, log: AttemptLog, now: () => number, onRecord: OnRecord): Terminal {
  const run: Terminal['run'] = async (line, io) => {
    // A blank line does nothing the replay needs.
    if (line.trim() === '') return terminal.run(line, io);
    const event: Extract<AttemptEvent, { type: 'command' }> = log.add({ type: 'command', at: now(), terminal: number, line });
    onRecord();
    const typed: string[] = [];
    const stdin = io.stdin ? recordingInput(io.stdin, (text) => typed.push(text)) : undefined;
    let exitCode = 1;
    try {
      exitCode = await terminal.run(line, stdin ? { ...io, stdin } : io);
      return exitCode;
    } finally {
      if (typed.length > 0) event.input = typed.join('');
      event.exitCode = exitCode;
      event.endedAt = now();
      onRecord();
    }
  };
  // The terminal as is (its cwd getter, `complete`), with `run` recorded.
  return new Proxy(terminal, { get: (target, prop) => (prop === 'run' ? run : Reflect.get(target, prop, target)) });
}

/** Stdin that remembers what the program read: what the student typed to it, in the order it was used. */
function recordingInput(input: Readable, onRead: (text: string) => void): Readable {
  const decoder = new TextDecoder();
  return {
    tty: input.tty,
    read: async () => {
      const chunk = await input.read();
      if (chunk) onRead(decoder.decode(chunk, { stream: true }));
      return chunk;
    },
  };
}

function relative(path: string): string | undefined {
  return path.startsWith(`${PROJECT_DIR}/`) ? path.slice(PROJECT_DIR.length + 1) : undefined;
}

function recordingFs(fs: Fs, log: AttemptLog, now: () => number, onRecord: OnRecord): Fs {
  const record = (fn: () => void) => {
    fn();
    onRecord();
  };
  const writeFile: Fs['writeFile'] = (path, data, options) => {
    fs.writeFile(path, data, options);
    const rel = relative(path);
    if (rel === undefined) return;
    // What is in the file now (an append included), as text: the editor and the explorer only write text.
    let content: string | undefined;
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFile(path));
    } catch {
      return;
    }
    record(() => log.add({ type: 'write', at: now(), path: rel, content }));
  };
  const mkdir: Fs['mkdir'] = (path, options) => {
    fs.mkdir(path, options);
    const rel = relative(path);
    if (rel !== undefined) record(() => log.add({ type: 'mkdir', at: now(), path: rel }));
  };
  const rm: Fs['rm'] = (path, options) => {
    fs.rm(path, options);
    const rel = relative(path);
    if (rel !== undefined) record(() => log.add({ type: 'remove', at: now(), path: rel }));
  };
  const rename: Fs['rename'] = (from, to) => {
    fs.rename(from, to);
    const a = relative(from);
    const b = relative(to);
    if (a !== undefined && b !== undefined) record(() => log.add({ type: 'rename', at: now(), path: a, to: b }));
  };
  const wrapped: Partial<Fs> = { writeFile, mkdir, rm, rename };
  return new Proxy(fs, {
    get(target, prop) {
      if (Object.hasOwn(wrapped, prop)) return wrapped[prop as keyof Fs];
      const value = Reflect.get(target, prop, target) as unknown;
      // Methods run on the real filesystem (TreeFs keeps private fields a proxy cannot reach).
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set: (target, prop, value) => Reflect.set(target, prop, value, target),
  });
}
