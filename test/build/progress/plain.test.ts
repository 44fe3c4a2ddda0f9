import { describe, expect, it } from 'vitest';
import { PlainPrinter } from '../../../engine/build/progress/plain.ts';
import type { SolveStatus, Vertex, VertexLog, VertexStatus } from '../../../engine/build/progress/types.ts';

const empty: SolveStatus = { vertexes: [], statuses: [], logs: [], warnings: [] };
const vertex = (v: Vertex): SolveStatus => ({ ...empty, vertexes: [v] });
const status = (s: VertexStatus): SolveStatus => ({ ...empty, statuses: [s] });
const log = (l: VertexLog): SolveStatus => ({ ...empty, logs: [l] });

/** A printer on a hand-driven clock; `chunks` records each write to the sink. */
function setup() {
  const chunks: string[] = [];
  let now = 0;
  const p = new PlainPrinter({ out: { write: (t) => void chunks.push(t) }, now: () => now });
  const at = async (t: number, s: SolveStatus) => {
    now = t;
    await p.write(s);
  };
  const done = async (t: number) => {
    now = t;
    await p.done(t);
  };
  return { p, at, done, chunks, text: () => chunks.join('') };
}

describe('PlainPrinter', () => {
  it('continues a line cut short without a second prefix', async () => {
    const { at, done, text } = setup();
    await at(0, vertex({ id: 'a', name: '[2/2] RUN ./build.sh', started: 0 }));
    await at(1200, log({ vertex: 'a', stream: 1, data: 'compiling...', timestamp: 1200 }));
    await at(2500, log({ vertex: 'a', stream: 1, data: ' ok\nlinking\n', timestamp: 2500 }));
    await at(3000, vertex({ id: 'a', name: '[2/2] RUN ./build.sh', started: 0, completed: 3000 }));
    await done(3000);
    expect(text()).toBe('#1 [2/2] RUN ./build.sh\n#1 1.200 compiling... ok\n#1 2.500 linking\n#1 DONE 3.0s\n');
  });

  it('closes a step with "#N ..." when another needs the output, and starts its cut line over when it resumes', async () => {
    const { at, done, text } = setup();
    await at(0, vertex({ id: 'a', name: 'A', started: 0 }));
    await at(100, log({ vertex: 'a', stream: 1, data: 'half', timestamp: 100 }));
    await at(200, vertex({ id: 'b', name: 'B', started: 150, completed: 200 }));
    await at(300, log({ vertex: 'a', stream: 1, data: ' line\n', timestamp: 300 }));
    await at(400, vertex({ id: 'a', name: 'A', started: 0, completed: 400 }));
    await done(400);
    expect(text()).toBe(
      '#1 A\n#1 0.100 half\n#1 ...\n\n#2 B\n#2 DONE 0.1s\n\n#1 A\n#1 0.100 half line\n#1 DONE 0.4s\n',
    );
  });

  it('ends a cancelled step with CANCELED and a failed one with its error; only the failed one gets an excerpt', async () => {
    const { at, done, text } = setup();
    await at(0, vertex({ id: 'a', name: '[a 2/2] RUN make', started: 0 }));
    await at(100, vertex({ id: 'b', name: '[b 2/2] RUN sleep 9', started: 100 }));
    await at(300, log({ vertex: 'a', stream: 2, data: 'make: *** No rule\n', timestamp: 300 }));
    await at(400, vertex({ id: 'a', name: '[a 2/2] RUN make', started: 0, completed: 400, error: 'exit code: 2' }));
    await at(500, vertex({ id: 'b', name: '[b 2/2] RUN sleep 9', started: 100, completed: 500, canceled: true }));
    await done(500);
    expect(text()).toBe(
      '#1 [a 2/2] RUN make\n#1 0.300 make: *** No rule\n#1 ERROR: exit code: 2\n\n#2 [b 2/2] RUN sleep 9\n#2 CANCELED\n' +
        '------\n > [a 2/2] RUN make:\n0.300 make: *** No rule\n------\n',
    );
  });

  it('shows a running status again only after 5% more progress or 5 seconds', async () => {
    const { at, done, text } = setup();
    const s = (t: number, current: number, completed?: number): SolveStatus =>
      status({ id: 's', vertex: 'a', name: 'sha256:0123abcd', current, total: 1_000_000, started: 0, completed, timestamp: t });
    await at(0, vertex({ id: 'a', name: '[1/2] FROM docker.io/library/node:20', started: 0 }));
    await at(200, s(200, 100_000));
    await at(400, s(400, 120_000)); // +2%, 0.2 s later: skipped
    await at(600, s(600, 200_000)); // +10%
    await at(6000, s(6000, 210_000)); // +1%, but 5.4 s later
    await at(7000, s(7000, 1_000_000, 7000));
    await at(7100, vertex({ id: 'a', name: '[1/2] FROM docker.io/library/node:20', started: 0, completed: 7100 }));
    await done(7100);
    expect(text()).toBe(
      '#1 [1/2] FROM docker.io/library/node:20\n' +
        '#1 sha256:0123abcd 100.00kB / 1.00MB 0.2s\n' +
        '#1 sha256:0123abcd 200.00kB / 1.00MB 0.6s\n' +
        '#1 sha256:0123abcd 210.00kB / 1.00MB 6.0s\n' +
        '#1 sha256:0123abcd 1.00MB / 1.00MB 7.0s done\n' +
        '#1 DONE 7.1s\n',
    );
  });

  it('holds updates that come faster than one per 100 ms until the 150 ms ticker or the next allowed update', async () => {
    const { at, done, chunks } = setup();
    await at(0, vertex({ id: 'a', name: 'A', started: 0 }));
    await at(0, status({ id: 's', vertex: 'a', name: 'transferring context:', current: 52, started: 0, completed: 0 }));
    await at(0, vertex({ id: 'a', name: 'A', started: 0, completed: 0 }));
    expect(chunks).toEqual(['#1 A\n']);
    await at(400, vertex({ id: 'b', name: 'B', started: 400 }));
    expect(chunks).toEqual(['#1 A\n', '#1 transferring context: 52B done\n#1 DONE 0.0s\n\n#2 B\n']);
    await done(400);
    expect(chunks).toHaveLength(2);
  });

  it('prints the builder line before the first step', async () => {
    const chunks: string[] = [];
    const p = new PlainPrinter({ out: { write: (t) => void chunks.push(t) }, desc: 'building with "default" instance using docker driver' });
    await p.write(vertex({ id: 'a', name: 'A', started: 0, completed: 0 }));
    await p.done(0);
    expect(chunks.join('')).toBe('#0 building with "default" instance using docker driver\n\n#1 A\n#1 DONE 0.0s\n');
  });
});
