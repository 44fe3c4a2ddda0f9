/** How `set -x` shows a word: as is when safe, else in single quotes (bash style). */
export function quoteForTrace(s: string): string {
  if (s !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
