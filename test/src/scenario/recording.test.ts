import { describe, expect, it } from 'vitest';
import { createMachine, type Terminal } from '../../../engine/index.ts';
import { AttemptLog } from '../../../src/scenario/attempt-log.ts';
import { PROJECT_DIR, recordingMachine } from '../../../src/scenario/recording.ts';

async function run(terminal: Terminal, line: string, stdin?: string): Promise<number> {
  let sent = false;
  const input = stdin === undefined ? undefined : { read: async () => (sent ? null : ((sent = true), new TextEncoder().encode(stdin))) };
  return terminal.run(line, { stdout: () => {}, stderr: () => {}, ...(input ? { stdin: input } : {}) });
}

function setup() {
  const machine = createMachine({ mode: 'headless' });
  const log = new AttemptLog('demo');
  log.begin(machine.clock.now());
  let records = 0;
  const recorded = recordingMachine(machine, log, () => records++);
  return { machine, log, recorded, records: () => records };
}

describe('recording a scenario attempt', () => {
  it('records commands with their terminal, times, exit status and what they read', async () => {
    const { log, recorded } = setup();
    const one = recorded.openTerminal();
    const two = recorded.openTerminal();
    await run(one, 'echo hi > a.txt');
    await run(two, '   ');
    await run(two, 'cat > b.txt', 'typed\n');
    await run(one, 'false');
    const events = log.file().events;
    expect(events.map((e) => e.type === 'command' && [e.terminal, e.line, e.exitCode, e.input])).toEqual([
      [1, 'echo hi > a.txt', 0, undefined],
      [2, 'cat > b.txt', 0, 'typed\n'],
      [1, 'false', 1, undefined],
    ]);
    const [first, second] = events as unknown as { at: number; endedAt: number }[];
    expect(second!.at).toBeGreaterThan(first!.at);
    expect(first!.endedAt).toBeGreaterThanOrEqual(first!.at);
  });

  it('records the editor and explorer changes to the project, as project paths', () => {
    const { machine, log, recorded, records } = setup();
    recorded.hostFs.writeFile(`${PROJECT_DIR}/app.js`, 'console.log(1)');
    recorded.hostFs.mkdir(`${PROJECT_DIR}/src`);
    recorded.hostFs.rename(`${PROJECT_DIR}/app.js`, `${PROJECT_DIR}/src/app.js`);
    recorded.hostFs.rm(`${PROJECT_DIR}/src`, { recursive: true });
    recorded.hostFs.writeFile('/tmp/outside', 'x');
    expect(log.file().events.map(({ at: _, ...e }) => e)).toEqual([
      { type: 'write', path: 'app.js', content: 'console.log(1)' },
      { type: 'mkdir', path: 'src' },
      { type: 'rename', path: 'app.js', to: 'src/app.js' },
      { type: 'remove', path: 'src' },
    ]);
    expect(records()).toBe(4);
    // The changes are real: the machine's own filesystem has them.
    expect(machine.hostFs.exists(`${PROJECT_DIR}/src`)).toBe(false);
    expect(recorded.hostFs.root).toBe(machine.hostFs.root);
  });

  it('drops the undone command and the file changes after it, keeping hints', async () => {
    const { log, recorded } = setup();
    const t = recorded.openTerminal();
    await run(t, 'echo 1');
    await run(t, 'echo 2');
    recorded.hostFs.writeFile(`${PROJECT_DIR}/x`, 'x');
    log.add({ type: 'hint', at: 5, task: 't' });
    log.undoLastCommand();
    expect(log.file().events.map((e) => (e.type === 'command' ? e.line : e.type))).toEqual(['echo 1', 'hint']);
  });

  it('comes back from its saved text, and refuses text that is not its own', () => {
    const log = new AttemptLog('demo', 3);
    log.begin(1000);
    log.add({ type: 'command', at: log.at(3000), terminal: 1, line: 'ls', exitCode: 0, endedAt: 2000 });
    const back = AttemptLog.restore(log.serialize(), 'demo')!;
    expect(back.file()).toEqual(log.file());
    expect(back.at(5000)).toBe(4000);
    back.continueAt(100);
    expect(back.at(100)).toBe(2000);
    for (const bad of [undefined, 'nope', '{}', log.serialize().replace('"ls"', '7')]) expect(AttemptLog.restore(bad, 'demo')).toBeUndefined();
    expect(AttemptLog.restore(log.serialize(), 'other')).toBeUndefined();
    // A log from another version of the format is not misread as this one.
    expect(AttemptLog.restore(log.serialize().replace('"version":1', '"version":2'), 'demo')).toBeUndefined();
    // Hostile keys stay data: nothing reaches a prototype.
    const hostile = log.serialize().replace('"events":[{', '"events":[{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},');
    expect(AttemptLog.restore(hostile, 'demo')?.events).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
