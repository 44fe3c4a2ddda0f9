import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../engine/cli/format/index.ts';

// Widths as the docker 28.2.2 client padded `docker context ls` descriptions (go-runewidth under C.UTF-8).
describe('display width of table cells', () => {
  it.each([
    ['mongo', 5],
    ['"docker-entrypoint.s…"', 22],
    ['中文字', 6],
    ['e\u0301e\u0301|', 3],
    ['🐳x', 3],
    ['', 0],
  ])('%j is %d wide', (s, w) => expect(displayWidth(s)).toBe(w));

  it('gives a grapheme cluster the width of its first rune that has one', () => {
    expect(displayWidth('👩\u200d💻')).toBe(2);
    expect(displayWidth('\u0301a')).toBe(1);
    expect(displayWidth('🇯🇵')).toBe(1);
    expect(displayWidth('ｄｏｃｋｅｒ')).toBe(12);
    expect(displayWidth('a\x1bb')).toBe(2);
  });
});
