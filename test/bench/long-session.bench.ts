// Long sessions (issue 9): a class keeps one tab open all morning. 2,000 commands in a row, a realistic mix (files,
// `ls`, `docker run --rm`, `docker ps`, builds from the cache, volumes come and go), run on a headless machine with
// the page's undo ring around its terminal; the heap after a garbage collection is taken once the mix has run a
// first time (what loads on first use has loaded) and again at the end.
//
// Target: after/before <= 1.5. Nothing in the mix keeps state for good (files are overwritten and removed,
// containers removed, volumes removed, builds hit the cache), so what may grow is bounded: the undo ring (20
// snapshots, structurally shared), the build picture's last few builds. The warmed-up heap is about 21 MB (mostly
// loaded code and the image catalog), so 1.5 allows about 5 KB per command over the run: any leak that keeps a
// command's output, a container's record or a snapshot per command (tens of KB) breaks it, while V8's variation
// between two collections (a few MB at most) does not. Measured (2026-11, Node 20): 1.09 over 1,900 commands;
// 23.6 MB at 1,000 commands and 24.5 MB at 6,000, so nothing grows with the count.
import { createMachine } from '../../engine/host/machine.ts';
import { CommandHistory } from '../../src/session/command-history.ts';
import { atMost, type Figure } from './figure.ts';

export const area = 'sessions';

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (npm run bench does)');
  // Twice: the first collection can leave finalizers' garbage for the second.
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Ten commands, the i-th time round: every kind of thing a student does in a session, leaving nothing behind. */
export function mix(i: number): string[] {
  const note = `notes/n${i % 20}.txt`;
  return [
    `echo "note ${i}" > ${note}`,
    'ls -l notes',
    `cat ${note} | wc -c`,
    'docker run --rm alpine echo hello',
    'docker ps -a',
    'docker build -q -t app .',
    `docker volume create v${i}`,
    `docker volume rm v${i}`,
    'docker images',
    `rm -f notes/n${(i + 10) % 20}.txt`,
  ];
}

export default async function bench({ smoke }: { smoke: boolean }): Promise<Figure[]> {
  const commands = smoke ? 200 : 2000;
  const warmUp = smoke ? 50 : 100;
  const machine = new CommandHistory(createMachine({ mode: 'headless' })).track();
  const terminal = machine.openTerminal();
  let failures = 0;
  const run = async (line: string) => {
    let err = '';
    const code = await terminal.run(line, { stdout: () => {}, stderr: (s) => void (err += s) });
    if (code !== 0) {
      failures++;
      if (failures <= 3) console.log(`long-session: ${line} exited ${code}: ${err.trim()}`);
    }
  };
  for (const line of ['docker pull -q alpine', 'mkdir notes', "printf 'FROM alpine\\nRUN echo built > /built\\n' > Dockerfile", 'docker build -q -t app .']) await run(line);

  let done = 0;
  let before = 0;
  let started = 0;
  for (let round = 0; done < commands; round++) {
    for (const line of mix(round)) {
      await run(line);
      done++;
      if (done === warmUp) {
        before = heapUsed();
        started = performance.now();
      }
    }
  }
  const elapsed = performance.now() - started;
  const after = heapUsed();
  if (failures > 0) throw new Error(`${failures} of the ${commands} commands failed`);
  const mb = (n: number) => n / 1024 / 1024;
  return [
    { name: `heap after ${warmUp} commands (warmed up)`, value: mb(before), unit: 'MB' },
    { name: `heap after ${commands} commands`, value: mb(after), unit: 'MB' },
    { name: `heap after/before over ${commands - warmUp} commands`, value: after / before, unit: 'x', target: atMost(1.5, 'flat: see the comment at the top') },
    { name: `time per command (mean of ${commands - warmUp})`, value: elapsed / (commands - warmUp), unit: 'ms' },
  ];
}
