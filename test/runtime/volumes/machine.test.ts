import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../engine/api.ts';
import { createMachine } from '../../../engine/index.ts';

async function runner() {
  const machine = createMachine({ mode: 'headless' });
  const terminal = machine.openTerminal();
  const run = async (line: string) => {
    let stdout = '';
    await terminal.run(line, { stdout: (s) => (stdout += s), stderr: () => {} });
    return stdout;
  };
  return { machine, run };
}

describe('volumes on the machine', () => {
  it('announce volumes-changed, and a restored snapshot brings back the volumes and the next anonymous name', async () => {
    const { machine, run } = await runner();
    const events: EngineEvent[] = [];
    machine.events.subscribe((e) => void events.push(e));
    await run('docker volume create data');
    expect(events.some((e) => e.type === 'volumes-changed')).toBe(true);
    const snap = machine.snapshot();
    const anon = await run('docker volume create');
    await run('docker volume rm data');
    expect(await run('docker volume ls -q')).toBe(anon);
    machine.restore(snap);
    expect(await run('docker volume ls -q')).toBe('data\n');
    // The id counter came back with the snapshot, so the same anonymous name is drawn again.
    expect(await run('docker volume create')).toBe(anon);
  });
});
