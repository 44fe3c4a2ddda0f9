/**
 * PEP 440 versions and specifiers, the part requirements files use: release numbers with pre/post/dev tags, and
 * `==`, `!=`, `<`, `<=`, `>`, `>=`, `~=` (with `==1.2.*` wildcards), joined by commas.
 */

interface Parsed {
  readonly release: readonly number[];
  /** Pre-release (a/b/rc) as [kind, n], or undefined. */
  readonly pre?: readonly [number, number];
  readonly post?: number;
  readonly dev?: number;
}

const PRE: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

export function parseVersion(v: string): Parsed | undefined {
  const m = /^v?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d*))?(?:[-_.]?(?:post|rev|r)[-_.]?(\d*))?(?:[-_.]?dev[-_.]?(\d*))?$/i.exec(v.trim());
  if (!m) return undefined;
  return {
    release: m[1]!.split('.').map(Number),
    ...(m[2] ? { pre: [PRE[m[2].toLowerCase()]!, Number(m[3] || 0)] as const } : {}),
    ...(m[4] !== undefined ? { post: Number(m[4] || 0) } : {}),
    ...(m[5] !== undefined ? { dev: Number(m[5] || 0) } : {}),
  };
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  const n = Math.max(x.release.length, y.release.length);
  for (let i = 0; i < n; i++) {
    const d = (x.release[i] ?? 0) - (y.release[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  // A release sorts after its pre-releases and dev releases, before its post-releases.
  const rank = (p: Parsed): number[] => [p.pre ? p.pre[0] : p.dev !== undefined && p.post === undefined ? -1 : 3, p.pre ? p.pre[1] : 0, p.post ?? -1, p.dev ?? Infinity];
  const rx = rank(x);
  const ry = rank(y);
  for (let i = 0; i < rx.length; i++) if (rx[i] !== ry[i]) return Math.sign(rx[i]! - ry[i]!);
  return 0;
}

function isPre(v: string): boolean {
  const p = parseVersion(v);
  return p !== undefined && (p.pre !== undefined || p.dev !== undefined);
}

/** Whether `version` satisfies a specifier set such as `<4,>=3.6.0`; an empty set accepts any final release. */
export function satisfies(version: string, spec: string): boolean {
  const clauses = spec.split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (clauses.length === 0) return !isPre(version);
  return clauses.every((c) => {
    const m = /^(~=|===|==|!=|<=|>=|<|>)\s*(.+)$/.exec(c);
    if (!m) return false;
    const [, op, target] = m as unknown as [string, string, string];
    if ((op === '==' || op === '!=') && target.endsWith('.*')) {
      const prefix = target.slice(0, -2).split('.').map(Number);
      const rel = parseVersion(version)?.release ?? [];
      const match = prefix.every((n, i) => (rel[i] ?? 0) === n);
      return op === '==' ? match : !match;
    }
    const cmp = compareVersions(version, target);
    switch (op) {
      case '==':
      case '===':
        return cmp === 0;
      case '!=':
        return cmp !== 0;
      case '<':
        return cmp < 0;
      case '<=':
        return cmp <= 0;
      case '>':
        return cmp > 0;
      case '>=':
        return cmp >= 0;
      default: {
        // ~=X.Y.Z means >=X.Y.Z, ==X.Y.*
        const rel = parseVersion(target)?.release ?? [];
        const prefix = rel.slice(0, Math.max(1, rel.length - 1));
        const vrel = parseVersion(version)?.release ?? [];
        return cmp >= 0 && prefix.every((n, i) => (vrel[i] ?? 0) === n);
      }
    }
  });
}

/** PEP 503 normalization: `Flask`, `flask_` and `FLASK` are one project. */
export function canonicalName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
