import { normalize } from '../../fs/path.ts';

export { PatternMatcher, PatternError } from './patternmatcher.ts';
export type { MatchInfo, Pattern } from './patternmatcher.ts';

/**
 * Reads `.dockerignore` text as moby/patternmatcher's `ignorefile.ReadAll` does:
 * - a UTF-8 byte order mark on the first line is dropped;
 * - a line whose first column is `#` is a comment (` # x` is a pattern);
 * - lines are trimmed, blank ones skipped;
 * - the rest, after an optional `!`, is cleaned (`filepath.Clean`) and a leading `/` is dropped, so `/foo` and
 *   `foo` are the same pattern;
 * - a bare `!` is kept: it is `patternmatcher.New` that rejects it (`illegal exclusion pattern: "!"`).
 */
export function readIgnoreFile(text: string | Uint8Array): string[] {
  const s = typeof text === 'string' ? text : new TextDecoder().decode(text);
  const out: string[] = [];
  // bufio.ScanLines: lines end at \n, a \r before it is dropped.
  const lines = s.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (i === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
    if (line.startsWith('#')) return;
    let pattern = line.trim();
    if (pattern === '') return;
    const invert = pattern.startsWith('!');
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = normalize(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    out.push(invert ? '!' + pattern : pattern);
  });
  return out;
}
