/**
 * The part of node-semver that package.json ranges use: exact versions, `^`, `~`, x-ranges and `*`, comparators
 * (`>=1.2.0 <2`), hyphen ranges and `||`. Prereleases are left out: the catalog holds none, and a range never
 * matches one unless it names it, as node-semver does by default.
 */

export type Version = readonly [number, number, number];

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)$/;

export function parseVersion(v: string): Version | undefined {
  const m = VERSION.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a) ?? [0, 0, 0];
  const y = parseVersion(b) ?? [0, 0, 0];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

type Comparator = { readonly op: '<' | '<=' | '>' | '>=' | '='; readonly v: Version };

/** A partial version (`1`, `1.2`, `1.x`, `*`): the numbers given, undefined for wildcards. */
type Partial = [number | undefined, number | undefined, number | undefined];

function parsePartial(s: string): Partial | undefined {
  const t = s.replace(/^v/, '');
  if (t === '' || t === '*' || t === 'x' || t === 'X') return [undefined, undefined, undefined];
  const parts = t.split('.');
  if (parts.length > 3) return undefined;
  const out: Partial = [undefined, undefined, undefined];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p === 'x' || p === 'X' || p === '*') break;
    if (!/^\d+$/.test(p)) return undefined;
    out[i] = Number(p);
  }
  return out;
}

function lowest(p: Partial): Version {
  return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0];
}

/** The comparators one space-separated item stands for, or undefined when it is not a range item. */
function expand(item: string): Comparator[] | undefined {
  const m = /^(\^|~>?|>=|<=|>|<|=)?\s*(.*)$/.exec(item);
  if (!m) return undefined;
  const op = m[1] ?? '';
  const p = parsePartial(m[2]!);
  if (!p) return undefined;
  const [major, minor, patch] = p;
  if (major === undefined) return op === '<' || op === '>' ? [{ op: '<', v: [0, 0, 0] }] : [];
  const lo = lowest(p);
  switch (op) {
    case '^': {
      const hi: Version = major > 0 || minor === undefined ? [major + 1, 0, 0] : minor > 0 || patch === undefined ? [0, minor + 1, 0] : [0, 0, patch + 1];
      return [{ op: '>=', v: lo }, { op: '<', v: hi }];
    }
    case '~':
    case '~>':
      return [{ op: '>=', v: lo }, { op: '<', v: minor === undefined ? [major + 1, 0, 0] : [major, minor + 1, 0] }];
    case '>':
      if (minor === undefined) return [{ op: '>=', v: [major + 1, 0, 0] }];
      if (patch === undefined) return [{ op: '>=', v: [major, minor + 1, 0] }];
      return [{ op: '>', v: lo }];
    case '<=':
      if (minor === undefined) return [{ op: '<', v: [major + 1, 0, 0] }];
      if (patch === undefined) return [{ op: '<', v: [major, minor + 1, 0] }];
      return [{ op: '<=', v: lo }];
    case '>=':
    case '<':
      return [{ op, v: lo }];
    default:
      if (minor === undefined) return [{ op: '>=', v: lo }, { op: '<', v: [major + 1, 0, 0] }];
      if (patch === undefined) return [{ op: '>=', v: lo }, { op: '<', v: [major, minor + 1, 0] }];
      return [{ op: '=', v: lo }];
  }
}

function cmp(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function test(c: Comparator, v: Version): boolean {
  const d = cmp(v, c.v);
  switch (c.op) {
    case '<':
      return d < 0;
    case '<=':
      return d <= 0;
    case '>':
      return d > 0;
    case '>=':
      return d >= 0;
    default:
      return d === 0;
  }
}

/** The range as sets of comparators (any set may match), or undefined when it is not a valid range. */
export function parseRange(range: string): Comparator[][] | undefined {
  const sets: Comparator[][] = [];
  for (const alt of range.split('||')) {
    let text = alt.trim();
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    if (hyphen) text = `>=${hyphen[1]} <=${hyphen[2]}`;
    // `>= 1.2.3` is one item with a space in it.
    const items = text.replace(/(\^|~>?|>=|<=|>|<|=)\s+/g, '$1').split(/\s+/).filter(Boolean);
    const set: Comparator[] = [];
    for (const item of items) {
      const cs = expand(item);
      if (!cs) return undefined;
      set.push(...cs);
    }
    sets.push(set);
  }
  return sets;
}

export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  const sets = parseRange(range);
  return v !== undefined && sets !== undefined && sets.some((set) => set.every((c) => test(c, v)));
}

/** The highest of `versions` in `range`. */
export function maxSatisfying(versions: readonly string[], range: string): string | undefined {
  let best: string | undefined;
  for (const v of versions) if (satisfies(v, range) && (best === undefined || compareVersions(v, best) > 0)) best = v;
  return best;
}
