import { ScenarioError } from './errors.ts';
import type { Check, CheckKind } from './types.ts';
import { firstIssue, z } from './validate.ts';

/**
 * A check is one mapping with a kind key plus options: `{ container: db, running: true, image: mongo }`. Some
 * kinds' names are also options of others (`image` and `network` are options of `container`), so the kind is the
 * first key of the mapping in this order of precedence, not simply the first key written.
 */
export function parseCheckWith(kinds: ReadonlyMap<string, CheckKind>, precedence: readonly string[], raw: unknown, path: string): Check {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ScenarioError('schema', path, 'a check must be a mapping with one kind key (container, image, file, …)');
  const record = raw as Record<string, unknown>;
  const kind = precedence.find((k) => Object.hasOwn(record, k));
  if (kind === undefined) {
    const first = Object.keys(record).find((k) => k !== 'message');
    throw new ScenarioError('schema', path, first === undefined ? 'a check needs a kind key (container, image, file, …)' : `unknown check kind ${JSON.stringify(first)}`);
  }
  const { message, ...rest } = record;
  if (message !== undefined && typeof message !== 'string') throw new ScenarioError('schema', `${path}.message`, 'must be a string');
  const type = kinds.get(kind)!;
  const options = type.parse(rest, path, (inner, innerPath) => parseCheckWith(kinds, precedence, inner, innerPath));
  return { kind, options, path, ...(message !== undefined ? { message } : {}) };
}

/** Parses `raw` with a zod schema, turning the first issue into a ScenarioError under `path`. */
export function parseOptions<T>(schema: z.ZodType<T>, raw: unknown, path: string): T {
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  const issue = firstIssue(result.error, path);
  throw new ScenarioError('schema', issue.path, issue.message);
}

/** A regular expression from a scenario file, or an error naming the field. */
export function parseRegex(source: string, path: string, flags = ''): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new ScenarioError('schema', path, `invalid regular expression: ${(e as Error).message}`);
  }
}

/** "300MB", "1.5GB", 1024 → bytes, in the decimal units `docker images` prints. */
export function parseSize(value: string | number, path: string): number {
  if (typeof value === 'number') return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(B|kB|KB|MB|GB|TB)?\s*$/i.exec(value);
  if (!m) throw new ScenarioError('schema', path, `invalid size ${JSON.stringify(value)} (write it as docker images does: 300MB, 1.2GB)`);
  const unit = (m[2] ?? 'B').toUpperCase();
  const scale = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 }[unit]!;
  return Math.round(Number(m[1]) * scale);
}

/** "5s", "500ms", "2m" → ms. */
export function parseDuration(value: string | number, path: string): number {
  if (typeof value === 'number') return value * 1000;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)\s*$/.exec(value);
  if (!m) throw new ScenarioError('schema', path, `invalid duration ${JSON.stringify(value)} (write 500ms, 5s or 2m)`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000 }[m[2] as 'ms' | 's' | 'm'];
}
