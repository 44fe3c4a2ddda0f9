// A dropped machine (reset, another session, a finished grade) must leave nothing running: a node process left in a
// forgotten machine keeps its QuickJS runtime alive in the shared module (memory, and worse, see quickjs.ts).
import { describe, expect, it } from 'vitest';
import { createMachine, machineInternals } from '../../engine/host/machine.ts';
import { liveRuntimes, unfreedRuntimes } from '../../engine/programs/js/quickjs.ts';
import { runCommand, startCommand } from '../../engine/scenario/run.ts';

const macrotask = () => new Promise((r) => setTimeout(r, 0));

describe('machine.shutdown', () => {
  it('kills every process, in containers and in terminals, and frees their runtimes', async () => {
    const machine = createMachine({ mode: 'interactive' });
    const terminal = machine.openTerminal();
    const [live, unfreed] = [liveRuntimes(), unfreedRuntimes()];
    const server = `require('http').createServer((q, s) => s.end('hi')).listen(8080)`;
    expect((await runCommand(machine, terminal, `docker run -d --name app node:20-alpine node -e "${server}"`)).exitCode).toBe(0);
    expect((await runCommand(machine, terminal, 'docker exec app wget -qO- localhost:8080')).stdout).toBe('hi');
    // A container in the foreground of another terminal, as a student leaves one running.
    startCommand(machine.openTerminal(), `docker run --name fg node:20-alpine node -e "setInterval(() => {}, 1000)"`);
    await runCommand(machine, terminal, 'sleep 2');
    const { runtime } = machineInternals(machine);
    expect([runtime.get('app').state.Running, runtime.get('fg').state.Running, liveRuntimes() - live]).toEqual([true, true, 2]);

    machine.shutdown();
    for (let i = 0; i < 5; i++) await macrotask();
    expect([runtime.get('app').state.Running, runtime.get('fg').state.Running, liveRuntimes() - live, unfreedRuntimes() - unfreed]).toEqual([false, false, 0, 0]);
  }, 60_000);
});
