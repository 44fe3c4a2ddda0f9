import { describe, expect, it } from 'vitest';
import { Screen } from '../../../engine/build/progress/screen.ts';

describe('Screen (the TTY view output pane)', () => {
  it('keeps the last rows, scrolling, and leaves an empty row after a final newline', () => {
    const s = new Screen(3, 5);
    s.write('a\nb\nc\nd\n');
    expect(s.content()).toEqual(['c    ', 'd    ', '     ']);
    expect(s.usedHeight()).toBe(2);
  });

  it('wraps long lines, overwrites after a carriage return and skips escape sequences', () => {
    const s = new Screen(3, 4);
    s.write('abcdef\n\x1b[32mok\x1b[0m\rX');
    expect(s.content()).toEqual(['abcd', 'ef  ', 'Xk  ']);
  });
});
