// BuildKit's util/suggest: append "(did you mean X?)" when a close enough known word exists.

/** Levenshtein distance over code points, as github.com/agext/levenshtein counts runes. */
export function levenshtein(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost));
    }
    prev = cur;
  }
  return prev[t.length] as number;
}

function matchCase(val: string, orig: string): string {
  if (orig === orig.toLowerCase()) return val.toLowerCase();
  if (orig === orig.toUpperCase()) return val.toUpperCase();
  return val;
}

/**
 * The message with a suggestion when some option is within distance 2 of val; unchanged on an exact match (the
 * error was then about something else). Ties go to the first option in the given order: BuildKit iterates a Go
 * map there, so its pick among equals is random and any fixed order is as faithful.
 */
export function withSuggestion(message: string, val: string, options: readonly string[], caseSensitive: boolean): string {
  const v = caseSensitive ? val : val.toLowerCase();
  let match = '';
  let minDist = 3;
  for (const option of options) {
    const opt = caseSensitive ? option : option.toLowerCase();
    if (v === opt) return message;
    const dist = levenshtein(v, opt);
    if (dist < minDist) {
      match = caseSensitive ? opt : matchCase(opt, val);
      minDist = dist;
    }
  }
  return match === '' ? message : `${message} (did you mean ${match}?)`;
}
