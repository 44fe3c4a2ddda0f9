import { normalize } from '../../fs/path.ts';
import { BadPatternError, checkPattern, ERR_BAD_PATTERN } from './glob.ts';

/**
 * moby/patternmatcher, the matcher behind `.dockerignore`, `COPY --exclude` and BuildKit's include/exclude filters.
 * Its rules, which differ from gitignore's:
 * - patterns are cleaned (`filepath.Clean`) and anchored at the root: `*.log` is a root-level file only;
 * - `*` and `?` stop at `/`; `**` spans any number of directories, none included; `\` escapes;
 * - `!pattern` re-includes; the last pattern that matches decides;
 * - a pattern that matches a parent directory matches everything below it.
 * Each pattern becomes an exact, prefix or suffix test, or a regular expression compiled on first use, the way
 * patternmatcher does it; a pattern its regexp engine rejects fails at match time with `syntax error in pattern`.
 */

type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

export class Pattern {
  #type: MatchType | undefined;
  #regexp: RegExp | undefined;
  #bad = false;

  constructor(
    /** The cleaned pattern without its `!`. */
    readonly cleaned: string,
    readonly exclusion: boolean,
  ) {}

  /** What patternmatcher's `Pattern.String()` returns. */
  toString(): string {
    return this.cleaned;
  }

  get dirs(): string[] {
    return this.cleaned.split('/');
  }

  /** Throws BadPatternError when the pattern cannot be compiled. */
  match(path: string): boolean {
    if (this.#type === undefined && !this.#bad) this.#compile();
    if (this.#bad) throw new BadPatternError();
    switch (this.#type) {
      case 'exact':
        return path === this.cleaned;
      case 'prefix':
        return path.startsWith(this.cleaned.slice(0, -2));
      case 'suffix': {
        const suffix = this.cleaned.slice(2);
        if (path.endsWith(suffix)) return true;
        // `**/foo` also matches `foo` itself.
        return suffix.startsWith('/') && path === suffix.slice(1);
      }
      default:
        return this.#regexp!.test(path);
    }
  }

  #compile(): void {
    let source = '^';
    let type: MatchType = 'exact';
    const chars = Array.from(this.cleaned);
    for (let i = 0; i < chars.length; i++) {
      const start = i;
      const ch = chars[i]!;
      if (ch === '*') {
        if (chars[i + 1] === '*') {
          i++;
          // `**/` is read as `**`.
          if (chars[i + 1] === '/') i++;
          if (i + 1 >= chars.length) {
            if (type === 'exact') type = 'prefix';
            else {
              source += ANY_RUN;
              type = 'regexp';
            }
          } else {
            source += `(${ANY_RUN}/)?`;
            type = 'regexp';
          }
          // A leading `**` makes the whole pattern a suffix test, whatever follows it.
          if (start === 0) type = 'suffix';
        } else {
          source += '[^/]*';
          type = 'regexp';
        }
      } else if (ch === '?') {
        source += '[^/]';
        type = 'regexp';
      } else if (REGEXP_ONLY.has(ch)) {
        source += '\\' + ch;
      } else if (ch === '\\') {
        const next = chars[i + 1];
        if (next === undefined) source += '\\\\';
        else {
          const escaped = goEscape(next);
          if (escaped === undefined) {
            this.#bad = true;
            return;
          }
          source += escaped;
          type = 'regexp';
          i++;
        }
      } else if (ch === '[' || ch === ']') {
        source += ch;
        type = 'regexp';
      } else {
        source += ch;
      }
    }
    if (type === 'regexp') {
      try {
        this.#regexp = new RegExp(source + '$');
      } catch {
        this.#bad = true;
        return;
      }
    }
    this.#type = type;
  }
}

/** Go's `.` without the s flag: anything but a newline (JS `.` also refuses `\r` and the Unicode separators). */
const ANY_RUN = '[^\\n]*';

/** Characters that mean something in a regexp but nothing in a Go file pattern, so they are escaped. */
const REGEXP_ONLY = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

/**
 * `\x` in the pattern becomes `\x` in Go's regexp (RE2). Punctuation is a literal there; a few letters are classes,
 * assertions or control characters; any other escape is an RE2 syntax error, which we report the same way.
 */
function goEscape(c: string): string | undefined {
  if (/^[!-/:-@[-`{-~]$/.test(c)) return '\\' + c;
  if ('dDsSwWbBftnrv'.includes(c)) return '\\' + c;
  if (c === 'a') return '\\x07';
  if (c === 'A') return '^';
  if (c === 'z') return '$';
  return undefined;
}

/** Per-pattern results for a directory, handed to its children (patternmatcher's MatchInfo). */
export interface MatchInfo {
  readonly parentMatched: readonly boolean[];
}

export class PatternMatcher {
  readonly patterns: readonly Pattern[];
  /** Whether any pattern is an exclusion (`!`). */
  readonly exclusions: boolean;

  private constructor(patterns: Pattern[]) {
    this.patterns = patterns;
    this.exclusions = patterns.some((p) => p.exclusion);
  }

  /**
   * patternmatcher.New: trims, drops empty lines, cleans, splits off `!`, and checks each pattern with Go's
   * `filepath.Match`. Throws PatternError with patternmatcher's message.
   */
  static create(patterns: readonly string[]): PatternMatcher {
    const out: Pattern[] = [];
    for (const raw of patterns) {
      let p = raw.trim();
      if (p === '') continue;
      p = normalize(p);
      let exclusion = false;
      if (p.startsWith('!')) {
        if (p.length === 1) throw new PatternError('illegal exclusion pattern: "!"');
        exclusion = true;
        p = p.slice(1);
      }
      try {
        checkPattern(p);
      } catch (e) {
        if (e instanceof BadPatternError) throw new PatternError(ERR_BAD_PATTERN);
        throw e;
      }
      out.push(new Pattern(p, exclusion));
    }
    return new PatternMatcher(out);
  }

  /** `MatchesOrParentMatches`: the path or one of its parent directories matches, after the last-match-wins rule. */
  matches(file: string): boolean {
    let matched = false;
    const parent = goDir(file);
    const parentDirs = parent.split('/');
    for (const pattern of this.patterns) {
      // An inclusion cannot change a path already matched, nor an exclusion one not matched yet.
      if (pattern.exclusion !== matched) continue;
      let hit = this.#match(pattern, file);
      if (!hit && parent !== '.') {
        for (let i = 1; i <= parentDirs.length && !hit; i++) hit = tryMatch(pattern, parentDirs.slice(0, i).join('/'));
      }
      if (hit) matched = !pattern.exclusion;
    }
    return matched;
  }

  /** `MatchesExact`: no parent matching. */
  matchesExact(file: string): boolean {
    let matched = false;
    for (const pattern of this.patterns) {
      if (pattern.exclusion !== matched) continue;
      if (this.#match(pattern, file)) matched = !pattern.exclusion;
    }
    return matched;
  }

  /**
   * `MatchesUsingParentResults`: as `matches`, but the caller walking a tree hands each path its directory's
   * per-pattern results instead of re-matching every parent. An empty `parent` falls back to parent matching.
   */
  matchesUsingParentResults(file: string, parent?: MatchInfo): { matched: boolean; info: MatchInfo } {
    const parentMatched = parent?.parentMatched ?? [];
    if (parentMatched.length !== 0 && parentMatched.length !== this.patterns.length) {
      throw new Error('wrong number of values in parentMatched');
    }
    let matched = false;
    const info: boolean[] = new Array<boolean>(this.patterns.length).fill(false);
    this.patterns.forEach((pattern, i) => {
      let hit = parentMatched.length !== 0 && parentMatched[i]!;
      if (!hit) {
        if (pattern.exclusion !== matched) return;
        hit = this.#match(pattern, file);
        if (!hit && parentMatched.length === 0) {
          const dir = goDir(file);
          if (dir !== '.') {
            const dirs = dir.split('/');
            for (let j = 1; j <= dirs.length && !hit; j++) hit = tryMatch(pattern, dirs.slice(0, j).join('/'));
          }
        }
      }
      info[i] = hit;
      if (hit) matched = !pattern.exclusion;
    });
    return { matched, info: { parentMatched: info } };
  }

  #match(pattern: Pattern, path: string): boolean {
    try {
      return pattern.match(path);
    } catch (e) {
      if (e instanceof BadPatternError) throw new PatternError(ERR_BAD_PATTERN);
      throw e;
    }
  }
}

/** Parent checks ignore errors in patternmatcher (`match, _ = pattern.match(...)`). */
function tryMatch(pattern: Pattern, path: string): boolean {
  try {
    return pattern.match(path);
  } catch {
    return false;
  }
}

/** Go's `filepath.Dir`: everything before the last slash, cleaned (`a` → `.`, `a/` → `a`). */
export function goDir(p: string): string {
  const i = p.lastIndexOf('/');
  return normalize(p.slice(0, i + 1));
}

/** A pattern list patternmatcher rejects, or a pattern its regexp engine cannot compile. */
export class PatternError extends Error {
  override readonly name = 'PatternError';
}
