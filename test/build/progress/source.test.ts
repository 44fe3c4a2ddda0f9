import { describe, expect, it } from 'vitest';
import { sourceSnippet } from '../../../engine/build/progress/source.ts';

const file = (n: number) => ({ filename: 'Dockerfile', data: Array.from({ length: n }, (_, i) => `L${i + 1}`).join('\n') + '\n' });
const rule = '--------------------\n';

describe('sourceSnippet (errdefs Source.Print)', () => {
  it('shows two lines each side of one marked line', () => {
    expect(sourceSnippet(file(10), [{ start: 5, end: 5 }])).toBe(
      `Dockerfile:5\n${rule}   3 |     L3\n   4 |     L4\n   5 | >>> L5\n   6 |     L6\n   7 |     L7\n${rule}`,
    );
  });

  it('at the first line shows only what follows, including the empty line after the last newline', () => {
    expect(sourceSnippet({ filename: 'Dockerfile', data: 'FRM a\n' }, [{ start: 1, end: 1 }])).toBe(
      `Dockerfile:1\n${rule}   1 | >>> FRM a\n   2 |     \n${rule}`,
    );
  });

  it('at the last line shows only what precedes', () => {
    expect(sourceSnippet({ filename: 'x', data: 'a\nb\nc\nd' }, [{ start: 4, end: 4 }])).toBe(`x:4\n${rule}   2 |     b\n   3 |     c\n   4 | >>> d\n${rule}`);
  });

  it('marks every line of a range and gives it one line of context each side', () => {
    expect(sourceSnippet(file(10), [{ start: 4, end: 6 }])).toBe(
      `Dockerfile:4\n${rule}   3 |     L3\n   4 | >>> L4\n   5 | >>> L5\n   6 | >>> L6\n   7 |     L7\n${rule}`,
    );
  });

  it('pads line numbers to three columns and lets bigger ones push the bar', () => {
    const out = sourceSnippet(file(1200), [{ start: 1000, end: 1000 }]);
    expect(out).toContain('\n 998 |     L998\n');
    expect(out).toContain('\n 1000 | >>> L1000\n');
  });

  it('prints nothing for a line the file does not have, or no location', () => {
    expect(sourceSnippet(file(3), [{ start: 9, end: 9 }])).toBe('');
    expect(sourceSnippet(file(3), [])).toBe('');
  });
});
