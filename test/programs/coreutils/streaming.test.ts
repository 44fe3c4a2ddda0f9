import { describe, expect, it } from 'vitest';
import { BrokenPipeError, Collector, Pipe } from '../../../engine/programs/streams.ts';
import { machine, run } from '../harness.ts';
import { countYields } from '../../yields.ts';

/** `yes`: writes forever until the reader goes away. */
async function yes(pipe: Pipe): Promise<string> {
  try {
    for (;;) await pipe.write('y\n');
  } catch (e) {
    return e instanceof BrokenPipeError ? 'EPIPE' : 'other';
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('filters on endless or slow input', () => {
  it('head stops reading once it has its lines (yes | head -2 ends)', async () => {
    const pipe = new Pipe();
    const writer = yes(pipe);
    const r = await run(machine(), ['head', '-n', '2'], { stdin: pipe });
    pipe.closeRead();
    expect(r).toEqual({ stdout: 'y\ny\n', stderr: '', code: 0 });
    expect(await writer).toBe('EPIPE');
  });
  it('grep, cat, tr, sed and cut pass lines on before their input ends', async () => {
    for (const argv of [['grep', 'a'], ['cat'], ['cat', '-n'], ['tr', 'a', 'b'], ['sed', 's/a/b/'], ['cut', '-c1']]) {
      const pipe = new Pipe();
      const out = new Collector();
      const done = run(machine(), argv, { stdin: pipe, stdout: out });
      await pipe.write('a1\n');
      for (let i = 0; i < 5; i++) await tick();
      expect(out.text(), argv.join(' ')).not.toBe('');
      pipe.closeWrite();
      expect((await done).code).toBe(0);
    }
  });
});

describe('walks over large trees', () => {
  it('find, grep -r and chmod -R give the clock a turn every few hundred paths', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`/big/d${i % 20}/f${i}`] = 'x\n';
    for (const argv of [['find', '/big', '-name', 'nothing'], ['grep', '-r', 'nothing', '/big'], ['chmod', '-R', 'u+x', '/big']]) {
      const m = machine(files);
      const yields = countYields(m.clock);
      await run(m, argv);
      expect(yields(), argv.join(' ')).toBeGreaterThanOrEqual(4);
    }
  });
});
