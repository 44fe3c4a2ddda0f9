import { describe, expect, it } from 'vitest';
import { EventStream } from '../../engine/core/events.ts';

type E = { type: 'a'; n: number } | { type: 'b' };

describe('EventStream', () => {
  it('delivers events to subscribers and filtered listeners until they unsubscribe', () => {
    const events = new EventStream<E>();
    const all: string[] = [];
    const onlyA: number[] = [];
    const off = events.subscribe((e) => all.push(e.type));
    events.on('a', (e) => onlyA.push(e.n));
    events.emit({ type: 'a', n: 1 });
    events.emit({ type: 'b' });
    off();
    events.emit({ type: 'a', n: 2 });
    expect(all).toEqual(['a', 'b']);
    expect(onlyA).toEqual([1, 2]);
  });

  it('keeps going when a listener throws', () => {
    const events = new EventStream<E>();
    let reached = false;
    events.subscribe(() => {
      throw new Error('UI bug');
    });
    events.subscribe(() => (reached = true));
    expect(() => events.emit({ type: 'b' })).not.toThrow();
    expect(reached).toBe(true);
  });
});
