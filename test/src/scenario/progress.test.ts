import { describe, expect, it } from 'vitest';
import { ProgressBook } from '../../../src/scenario/progress.ts';

function memory(initial?: string) {
  const data = new Map<string, string>(initial === undefined ? [] : [['dockyard.scenario-progress', initial]]);
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('scenario progress', () => {
  it('starts not started and moves forward', () => {
    const book = new ProgressBook(memory());
    expect(book.of('a')).toBe('not-started');
    expect(book.mark('a', 'in-progress')).toBe('in-progress');
    expect(book.mark('a', 'solved')).toBe('solved');
    expect(book.mark('a', 'in-progress')).toBe('solved');
    expect(book.mark('a', 'solution-shown')).toBe('solved');
  });

  it('never turns solved-with-the-solution-shown into solved', () => {
    const book = new ProgressBook(memory());
    book.mark('a', 'solution-shown');
    expect(book.mark('a', 'solved')).toBe('solution-shown');
  });

  it('ignores what it did not write', () => {
    for (const bad of ['not json', '[1,2]', 'null', '"solved"']) expect(new ProgressBook(memory(bad)).all()).toEqual({});
    const book = new ProgressBook(memory(JSON.stringify({ a: 'solved', b: 'done', c: 3, 'D!': 'solved' })));
    expect(book.all()).toEqual({ a: 'solved' });
  });

  it('works without storage', () => {
    const book = new ProgressBook(undefined);
    expect(book.mark('a', 'solved')).toBe('solved');
    expect(book.of('a')).toBe('not-started');
  });
});
