/**
 * The natural order docker's client sorts volume and network names in (fvbommel/sortorder NaturalLess): runs of
 * digits compare as numbers (`vol2` before `vol10`), a digit sorts before any other character, everything else
 * byte by byte; equal numbers with more leading zeros sort later, and a name that is a prefix of another first.
 */
export function naturalCompare(a: string, b: string): number {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  const digit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const dx = digit(x[i]);
    const dy = digit(y[j]);
    if (dx !== dy) return dx ? -1 : 1;
    if (!dx) {
      if (x[i] !== y[j]) return x[i]! - y[j]!;
      i++;
      j++;
      continue;
    }
    const zerosX = i;
    const zerosY = j;
    while (x[i] === 0x30) i++;
    while (y[j] === 0x30) j++;
    const startX = i;
    const startY = j;
    while (digit(x[i])) i++;
    while (digit(y[j])) j++;
    // Without leading zeros, the longer number is the bigger one; equal lengths compare digit by digit.
    if (i - startX !== j - startY) return i - startX - (j - startY);
    for (let k = 0; k < i - startX; k++) if (x[startX + k] !== y[startY + k]) return x[startX + k]! - y[startY + k]!;
    if (startX - zerosX !== startY - zerosY) return startX - zerosX - (startY - zerosY);
  }
  return x.length - y.length;
}
