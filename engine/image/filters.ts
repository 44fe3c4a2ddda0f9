import { DockerError } from '../core/errors.ts';

/**
 * Docker's filters.Args as the daemon receives it: each `--filter name=value` adds a value under a lower-cased name.
 * The daemon validates names per listing and reads booleans and `key=value` label terms the same way everywhere,
 * so those rules live here once.
 */
export type Filters = ReadonlyMap<string, readonly string[]>;

export const NO_FILTERS: Filters = new Map();

/** `opts.FilterOpt.Set`: `name=value`, name lower-cased, both sides trimmed. The flag layer rejects a missing `=`. */
export function parseFilters(flags: readonly string[]): Filters {
  const out = new Map<string, string[]>();
  for (const f of flags) {
    const eq = f.indexOf('=');
    if (eq < 0) continue;
    const name = f.slice(0, eq).trim().toLowerCase();
    const value = f.slice(eq + 1).trim();
    const values = out.get(name) ?? [];
    // The daemon keeps each name's values as a set.
    if (!values.includes(value)) values.push(value);
    out.set(name, values);
  }
  return out;
}

/** `filters.Args.Add`: a copy with one more value. */
export function withFilter(filters: Filters, name: string, value: string): Filters {
  const out = new Map(filters);
  const values = out.get(name) ?? [];
  out.set(name, values.includes(value) ? values : [...values, value]);
  return out;
}

function invalidFilter(name: string, values?: readonly string[]): DockerError {
  const shown = values ? `${name}=[${values.join(' ')}]` : name;
  return new DockerError(`Error response from daemon: invalid filter '${shown}'`, 1, 'EFILTER');
}

/** `Args.Validate`: every name must be one the listing accepts. */
export function validateFilters(filters: Filters, accepted: readonly string[]): void {
  for (const name of filters.keys()) if (!accepted.includes(name)) throw invalidFilter(name);
}

/** `Args.GetBoolOrDefault`: one value, `true`/`1` or `false`/`0` in any case; anything else is an invalid filter. */
export function boolFilter(filters: Filters, name: string, fallback: boolean): boolean {
  const values = filters.get(name);
  if (!values || values.length === 0) return fallback;
  if (values.length > 1) throw invalidFilter(name, values);
  const v = values[0]!.toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw invalidFilter(name, values);
}

/**
 * `Args.MatchKVList`: every `label` term must hold, `key` meaning the label exists and `key=value` that it has that
 * value. True when the filter is absent.
 */
export function matchLabels(filters: Filters, name: string, labels: Readonly<Record<string, string>> | null | undefined): boolean {
  const terms = filters.get(name);
  if (!terms || terms.length === 0) return true;
  if (!labels || Object.keys(labels).length === 0) return false;
  return terms.every((term) => {
    const eq = term.indexOf('=');
    if (eq < 0) return Object.hasOwn(labels, term);
    const key = term.slice(0, eq);
    return Object.hasOwn(labels, key) && labels[key] === term.slice(eq + 1);
  });
}
