// Tab completion runs on every Tab press: it must answer within a frame even on a machine a class has filled with
// containers, images and volumes, and for the words that read the most (PATH in command position, a long flag list).
import { createMachine } from '../../engine/host/machine.ts';
import { below, type Figure } from './figure.ts';

export const area = 'terminal';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export default async function bench(opts: { smoke: boolean }): Promise<Figure[]> {
  const count = opts.smoke ? 10 : 200;
  const calls = opts.smoke ? 10 : 200;
  const machine = createMachine({ mode: 'headless' });
  const terminal = machine.openTerminal();
  const run = async (line: string) => {
    await terminal.run(line, { stdout: () => {}, stderr: () => {} });
  };
  await run('docker pull -q alpine');
  for (let i = 0; i < count; i++) {
    await run(`docker create --name box${i} alpine`);
    await run(`docker volume create vol${i}`);
    await run(`docker tag alpine app${i}:latest`);
  }
  const figures: Figure[] = [];
  const lines: [string, number][] = [
    ['command position (PATH, builtins)', 0],
    ['docker rm (every container)', count],
    ['docker run (every image)', count + 1],
    ['docker run - (every flag)', 0],
  ];
  const typed = ['', 'docker rm ', 'docker run ', 'docker run -'];
  for (const [i, [name, expected]] of lines.entries()) {
    const line = typed[i]!;
    const times: number[] = [];
    let got = 0;
    for (let n = 0; n < calls; n++) {
      const t = performance.now();
      got = terminal.complete!(line, line.length)?.candidates.length ?? 0;
      times.push(performance.now() - t);
    }
    if (expected > 0 && got !== expected) throw new Error(`${line}: ${got} candidates, expected ${expected}`);
    if (got === 0) throw new Error(`${JSON.stringify(line)} completed nothing`);
    times.sort((a, b) => a - b);
    // p50 is completion's own cost; the tail is mostly the collector cleaning up after the commands that filled the machine.
    figures.push({ name: `Tab, ${name}: p50`, value: percentile(times, 50), unit: 'ms', target: below(2) });
    figures.push({ name: `Tab, ${name}: p95`, value: percentile(times, 95), unit: 'ms', target: below(16) });
  }
  return figures;
}
