/**
 * How wide docker's tables think a cell is. docker/cli's tabwriter fork (cli/command/formatter/tabwriter) measures
 * cells with go-runewidth's StringWidth, not by counting runes: per grapheme cluster (rivo/uniseg), the width of the
 * first rune that has one. Verified on the docker 28.2.2 client (`docker context ls`, no daemon needed): `中文字`
 * is 6 wide, `é` written as e + U+0301 is 1, `🐳` is 2, `…` is 1.
 *
 * The rune widths follow go-runewidth's non-East-Asian condition (docker only switches to East Asian widths under
 * a CJK locale, which the simulator never has): control and format characters 0, combining marks 0, East Asian
 * Wide/Fullwidth 2, everything else (Ambiguous included, so `…`) 1. The wide set is Unicode's main W/F blocks plus
 * emoji with default emoji presentation, which is how Unicode assigns W to emoji; rare W code points outside those
 * blocks count 1.
 */

const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

// go-runewidth's nonprint table; C0/C1 controls and U+00AD are checked before it.
const NONPRINT: readonly (readonly [number, number])[] = [
  [0x070f, 0x070f],
  [0x180b, 0x180e],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x206a, 0x206f],
  [0xd800, 0xdfff],
  [0xfeff, 0xfeff],
  [0xfff9, 0xfffb],
  [0xfffe, 0xffff],
];

const COMBINING = /^[\p{Mn}\p{Me}]$/u;
const EMOJI_WIDE = /^\p{Emoji_Presentation}$/u;

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return true;
  return false;
}

/** go-runewidth RuneWidth for one code point. */
export function runeWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0xad) return 0;
  if (cp < 0x300) return 1;
  if (inRanges(cp, NONPRINT) || COMBINING.test(ch)) return 0;
  if (inRanges(cp, WIDE)) return 2;
  // Regional indicators have emoji presentation but East Asian Width N, so a flag's cluster is 1 wide.
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return 1;
  return EMOJI_WIDE.test(ch) ? 2 : 1;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** go-runewidth StringWidth: the cells a string takes in a docker table. */
export function displayWidth(s: string): number {
  let width = 0;
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  for (const { segment } of graphemes.segment(s)) {
    for (const ch of segment) {
      const w = runeWidth(ch);
      if (w > 0) {
        width += w;
        break;
      }
    }
  }
  return width;
}
