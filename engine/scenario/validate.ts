import { z } from 'zod';
import { joinPath } from './errors.ts';

// The page's CSP has no 'unsafe-eval': zod must not compile validators with `new Function`.
z.config({ jitless: true });

export { z };

/** The first problem zod found, as `path: message` parts in our words (unknown fields named, as typos usually are). */
export function firstIssue(error: z.ZodError, base: string): { path: string; message: string } {
  const issue = error.issues[0]!;
  const path = joinPath(base, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return { path, message: `unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` };
    case 'invalid_type':
      if (issue.input === undefined) return { path, message: `missing field (expected ${issue.expected})` };
      return { path, message: `expected ${issue.expected}, got ${describe(issue.input)}` };
    case 'invalid_value':
      return { path, message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(issue.input)}` };
    default:
      return { path, message: issue.message };
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  return String(value);
}
