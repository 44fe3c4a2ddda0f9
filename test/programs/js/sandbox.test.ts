import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../engine/core/clock.ts';
import { GuestError, Sandbox, type GuestFunction } from '../../../engine/programs/js/index.ts';

async function sandbox(options: Partial<ConstructorParameters<typeof Sandbox>[1]> = {}) {
  const clock = new VirtualClock(Date.UTC(2025, 6, 14, 9, 0, 0));
  const errors: GuestError[] = [];
  const s = await Sandbox.create({ clock, onUncaught: (e) => errors.push(e), ...options });
  return { s, clock, errors };
}

describe('Sandbox', () => {
  it('frees its runtime when disposed while the guest still awaits host work', async () => {
    // A process killed while it waits on a socket or a file: a runtime left holding guest objects cannot be freed,
    // and freeing it anyway aborts QuickJS, breaking every sandbox of the module.
    const { s } = await sandbox();
    s.setGlobal('host', { never: () => new Promise(() => {}), soon: () => Promise.resolve(1) });
    s.evalScript('globalThis.pending = host.never().then((v) => v); host.soon().then(() => host.never())');
    await new Promise((r) => setTimeout(r, 0));
    s.dispose();
    expect(s.runtime.alive).toBe(false);
  });

  it('evaluates scripts and marshals values both ways', async () => {
    const { s } = await sandbox();
    s.setGlobal('input', { a: [1, 'two', null, true], bytes: new Uint8Array([1, 2, 3]), when: new Date(0) });
    expect(s.evalScript('({ sum: input.a[0] + 1, t: typeof input.bytes, n: input.bytes[2], y: input.when.getUTCFullYear(), u: undefined })')).toEqual({
      sum: 2,
      t: 'object',
      n: 3,
      y: 1970,
      u: undefined,
    });
    expect(s.evalScript('new Uint8Array([9, 8])')).toEqual(new Uint8Array([9, 8]));
    s.dispose();
  });

  it('lets the guest call host functions and the host call guest functions back', async () => {
    const { s } = await sandbox();
    let saved: GuestFunction | undefined;
    s.setGlobal('host', {
      twice: (x: unknown) => Number(x) * 2,
      keep: (f: unknown) => void (saved = f as GuestFunction),
      fail: () => {
        throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
      },
    });
    expect(s.evalScript('host.twice(21)')).toBe(42);
    s.evalScript('host.keep((a, b) => a + b)');
    expect(saved!(2, 3)).toBe(5);
    expect(s.evalScript('try { host.fail() } catch (e) { [e instanceof Error, e.message, e.code] }')).toEqual([true, 'ENOENT: no such file or directory', 'ENOENT']);
    s.dispose();
  });

  it('throws guest errors with their name, message, properties and guest stack', async () => {
    const { s } = await sandbox();
    let err: unknown;
    try {
      s.evalScript('function f() { const e = new TypeError("boom"); e.code = "X"; throw e }\nf()', '/app/x.js');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GuestError);
    const value = (err as GuestError).value as Error & { code: string; guestStack: string };
    expect([value.name, value.message, value.code]).toEqual(['TypeError', 'boom', 'X']);
    expect(value.guestStack).toContain('at f (/app/x.js:1:');
    s.dispose();
  });

  it('turns host promises into guest promises and runs the job queue after them', async () => {
    const { s } = await sandbox();
    const log: unknown[] = [];
    s.setGlobal('host', { later: () => Promise.resolve('done'), log: (x: unknown) => void log.push(x) });
    s.evalScript('host.later().then((v) => host.log(v)); Promise.resolve(1).then(host.log)');
    expect(log).toEqual([1]);
    await s.idle();
    expect(log).toEqual([1, 'done']);
    s.dispose();
  });

  it('runs timers on the virtual clock, in time order, and is idle when none is left', async () => {
    const { s, clock } = await sandbox();
    const log: unknown[] = [];
    s.setGlobal('log', (x: unknown) => void log.push(x));
    s.evalScript(`
      setTimeout(() => log('b@' + Date.now()), 2000);
      setTimeout(() => log('a@' + Date.now()), 1000);
      let n = 0; const i = setInterval(() => { log('tick'); if (++n === 3) clearInterval(i) }, 500);
      setTimeout(() => log('never'), 10).unref();
      setImmediate(() => log('immediate'));
    `);
    const start = clock.now();
    const idle = s.idle();
    expect(s.busy).toBe(true);
    for (let at = clock.nextTimerAt(); at !== undefined; at = clock.nextTimerAt()) {
      clock.advanceTo(at);
      await Promise.resolve();
    }
    await idle;
        // Due at the same time, the timer set earlier runs first (a at 0 before the interval's re-arm at 500).
    expect(log).toEqual(['immediate', 'never', 'tick', `a@${start + 1000}`, 'tick', 'tick', `b@${start + 2000}`]);
    s.dispose();
  });

  it('is deterministic: seeded Math.random, Date from the virtual clock in UTC', async () => {
    const a = await sandbox({ seed: 7 });
    const b = await sandbox({ seed: 7 });
    const code = '[Math.random(), Math.random(), new Date().toString(), new Date(2024, 0, 2).toISOString(), new Date().getTimezoneOffset()]';
    const ra = a.s.evalScript(code);
    expect(ra).toEqual(b.s.evalScript(code));
    expect((ra as unknown[]).slice(2)).toEqual(['Mon Jul 14 2025 09:00:00 GMT+0000 (Coordinated Universal Time)', '2024-01-02T00:00:00.000Z', 0]);
  });

  it('stops a runaway loop: as hung after its CPU budget, at once when the signal is already aborted', async () => {
    const { s } = await sandbox({ cpuBudget: 50 });
    expect(() => s.evalScript('while (true) {}')).toThrow(expect.objectContaining({ interrupted: 'hang' }));
    const abort = new AbortController();
    const t = await sandbox({ signal: abort.signal });
    t.s.setGlobal('kill', () => abort.abort('SIGTERM'));
    expect(() => t.s.evalScript('kill(); for (;;) { try { while (true) {} } catch {} }')).toThrow(expect.objectContaining({ interrupted: 'signal' }));
  });

  it('reports an error thrown by a timer as uncaught', async () => {
    const { s, clock, errors } = await sandbox();
    s.evalScript('setTimeout(() => { throw new RangeError("late") }, 5)');
    clock.advance(5);
    await s.idle();
    expect(errors.map((e) => e.message)).toEqual(['RangeError: late']);
  });

  it('limits memory', async () => {
    const { s } = await sandbox({ memoryLimitBytes: 2 * 1024 * 1024 });
    expect(() => s.evalScript('const a = []; for (;;) a.push({ n: a.length })')).toThrow(/out of memory/);
  });

  it('loads ES modules through the host and awaits top-level await', async () => {
    const files: Record<string, string> = { '/m/a.js': 'export const x = await Promise.resolve(40);' };
    const log: unknown[] = [];
    const { s } = await sandbox({
      modules: {
        normalize: (base, req) => new URL(req, `file://${base}`).pathname,
        load: (name) => {
          if (!(name in files)) throw new Error(`Cannot find module '${name}'`);
          return files[name]!;
        },
      },
    });
    s.setGlobal('log', (x: unknown) => void log.push(x));
    await s.evalModule('import { x } from "./a.js"; log(x + 2);', '/m/main.mjs');
    expect(log).toEqual([42]);
    await expect(s.evalModule('import "./nope.js"', '/m/other.mjs')).rejects.toThrow(/Cannot find module '\/m\/nope.js'/);
  });
});
