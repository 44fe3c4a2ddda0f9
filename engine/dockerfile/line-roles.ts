// What each physical line of a Dockerfile is, for an editor that must answer about one line while the rest of the
// file may not parse: the start of an instruction, a continuation of one, a heredoc body, or a comment/blank line.
// It follows BuildKit's line rules (escape directive, continuation, comments inside continuations, heredocs) but
// never throws: half-typed text is the normal case here.
import { HEREDOC_COMPOUND_INSTRUCTIONS, HEREDOC_INSTRUCTIONS, heredocMarkers } from './parser/heredocs.ts';

export type LineRole =
  | { readonly kind: 'instruction'; readonly keyword: string; readonly first: boolean; readonly startLine: number }
  | { readonly kind: 'heredoc' }
  | { readonly kind: 'other' };

const ESCAPE_DIRECTIVE = /^#\s*escape\s*=\s*([\\`])\s*$/i;
const DIRECTIVE = /^#\s*[a-zA-Z][a-zA-Z0-9]*\s*=/;

/** The escape character the file's directives choose (a backslash unless `# escape=\``). */
export function escapeTokenOf(lines: readonly string[]): string {
  for (const line of lines) {
    const m = ESCAPE_DIRECTIVE.exec(line);
    if (m !== null) return m[1] as string;
    if (!DIRECTIVE.test(line)) break;
  }
  return '\\';
}

export function splitLines(source: string): string[] {
  return source.split(/\r?\n/);
}

/** The role of every line (index 0 is line 1). */
export function lineRoles(lines: readonly string[]): LineRole[] {
  const escape = escapeTokenOf(lines);
  const roles: LineRole[] = [];
  let current: { keyword: string; startLine: number } | undefined;
  let continuing = false;
  let pending: { name: string; chomp: boolean }[] = [];
  let heredocs: { name: string; chomp: boolean }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (heredocs.length > 0) {
      roles.push({ kind: 'heredoc' });
      const h = heredocs[0]!;
      if ((h.chomp ? line.replace(/^\t+/, '') : line) === h.name) heredocs.shift();
      continue;
    }
    const trimmed = line.trim();
    const blankOrComment = trimmed === '' || trimmed.startsWith('#');
    if (continuing && current !== undefined) {
      // Comment and blank lines inside a continuation are dropped by BuildKit; the instruction goes on after them, so
      // what is typed on such a blank line continues it.
      const comment = trimmed.startsWith('#');
      roles.push(comment ? { kind: 'other' } : { kind: 'instruction', keyword: current.keyword, first: false, startLine: current.startLine });
      if (blankOrComment) continue;
    } else if (blankOrComment) {
      roles.push({ kind: 'other' });
      current = undefined;
      continue;
    } else {
      const keyword = (/^\S+/.exec(trimmed)?.[0] ?? '').toLowerCase();
      current = { keyword, startLine: i + 1 };
      roles.push({ kind: 'instruction', keyword, first: true, startLine: i + 1 });
    }
    const words = /^\s*(\S+)\s*(\S*)/.exec(line);
    const opensHeredocs =
      HEREDOC_INSTRUCTIONS.has(current.keyword) ||
      (HEREDOC_COMPOUND_INSTRUCTIONS.has(current.keyword) && HEREDOC_INSTRUCTIONS.has((words?.[2] ?? '').toLowerCase()));
    if (opensHeredocs) pending.push(...heredocMarkers(line).map((h) => ({ name: h.name, chomp: h.chomp })));
    continuing = line.trimEnd().endsWith(escape);
    if (!continuing) {
      // Heredoc bodies start after the whole instruction line, continuations included.
      heredocs = pending;
      pending = [];
      current = undefined;
    }
  }
  return roles;
}

/** The role of one line (1-based); `other` past the end. */
export function lineRole(source: string, line: number): LineRole {
  return lineRoles(splitLines(source))[line - 1] ?? { kind: 'other' };
}
