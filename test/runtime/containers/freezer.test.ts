import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../engine/core/clock.ts';
import { Freezer } from '../../../engine/runtime/containers/freezer.ts';
import { Collector } from '../../../engine/programs/streams.ts';

describe('the freezer', () => {
  it('holds timers that come due while frozen and fires them at the thaw, in order; time itself goes on', () => {
    const host = new VirtualClock(0);
    const freezer = new Freezer();
    const clock = freezer.clock(host);
    const fired: string[] = [];
    clock.after(1000, () => fired.push('a'));
    clock.after(2000, () => fired.push('b'));
    freezer.freeze();
    host.advance(5000);
    expect(fired).toEqual([]);
    expect(clock.now()).toBe(5000);
    freezer.thaw();
    expect(fired).toEqual(['a', 'b']);
  });

  it('a cancelled timer stays cancelled, held or not', () => {
    const host = new VirtualClock(0);
    const freezer = new Freezer();
    const clock = freezer.clock(host);
    const fired: string[] = [];
    const cancel = clock.after(1000, () => fired.push('a'));
    freezer.freeze();
    host.advance(2000);
    cancel();
    freezer.thaw();
    expect(fired).toEqual([]);
  });

  it('a sleep ends only after the thaw', async () => {
    const host = new VirtualClock(0);
    const freezer = new Freezer();
    const clock = freezer.clock(host);
    let woke = false;
    const sleeping = clock.sleep(1000).then(() => (woke = true));
    freezer.freeze();
    host.advance(3000);
    await Promise.resolve();
    expect(woke).toBe(false);
    freezer.thaw();
    await sleeping;
    expect(woke).toBe(true);
  });

  it('writes wait for the thaw', async () => {
    const freezer = new Freezer();
    const out = new Collector();
    const w = freezer.writer(out);
    freezer.freeze();
    const pending = w.write('late');
    await new Promise((r) => setTimeout(r, 0));
    expect(out.text()).toBe('');
    freezer.thaw();
    await pending;
    expect(out.text()).toBe('late');
  });
});
