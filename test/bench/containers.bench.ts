// A classroom machine accumulates containers: `docker ps -a` must stay instant with 500 of them, and an idle
// running container must cost little memory (its writable layer is a diff, its image layers are shared).
import { createMachine } from '../../engine/host/machine.ts';
import { below, type Figure } from './figure.ts';

export const area = 'ps and listings';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

export default async function bench(opts: { smoke: boolean }): Promise<Figure[]> {
  const count = opts.smoke ? 40 : 500;
  const calls = opts.smoke ? 10 : 100;
  const machine = createMachine({ mode: 'headless' });
  const terminal = machine.openTerminal();
  const run = async (line: string): Promise<string> => {
    let out = '';
    await terminal.run(line, { stdout: (s) => void (out += s), stderr: (s) => void (out += s) });
    return out;
  };
  await run('docker pull -q alpine');
  // Half exited (they ran and ended), half idle and running (sleeping on the virtual clock).
  for (let i = 0; i < count / 2; i++) await run(`docker run --name done${i} alpine true`);
  const before = heapUsed();
  for (let i = 0; i < count / 2; i++) await run(`docker run -d --name idle${i} alpine sleep 100000`);
  const perIdle = (heapUsed() - before) / (count / 2);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    const out = await run('docker ps -a');
    times.push(performance.now() - t);
    rows = out.split('\n').length - 2;
  }
  if (rows !== count) throw new Error(`docker ps -a listed ${rows} rows, expected ${count}`);
  times.sort((a, b) => a - b);
  return [
    { name: `docker ps -a with ${count} containers: p50`, value: percentile(times, 50), unit: 'ms', target: below(20) },
    { name: `docker ps -a with ${count} containers: p99`, value: percentile(times, 99), unit: 'ms', target: below(50) },
    { name: 'heap per idle running container (alpine sleep)', value: perIdle / 1024, unit: 'KiB', target: below(64) },
  ];
}
