import type { Archive, DebPackage } from './archive.ts';

/**
 * apt's choice of what to install, reduced to what a package table can answer: every dependency (and, unless told
 * otherwise, every recommendation) not installed yet, dependencies first. A dependency the table does not list is
 * part of the base system.
 */

export interface InstallPlan {
  /** New packages, dependencies before their dependents (the order apt fetches, unpacks and sets them up). */
  readonly install: readonly DebPackage[];
  /** Recommendations left out by --no-install-recommends (apt lists them as "Recommended packages"). */
  readonly recommendedOnly: readonly string[];
}

export function planInstall(archive: Archive, installed: ReadonlySet<string>, requested: readonly DebPackage[], withRecommends: boolean): InstallPlan {
  const order: DebPackage[] = [];
  const seen = new Set<string>();
  const skippedRecommends = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name) || installed.has(name)) return;
    const p = archive.packages.get(name);
    if (!p) return;
    seen.add(name);
    for (const d of p.depends) visit(d);
    if (withRecommends) for (const r of p.recommends) visit(r);
    else for (const r of p.recommends) if (!installed.has(r)) skippedRecommends.add(r);
    order.push(p);
  };
  for (const p of requested) visit(p.name);
  const chosen = new Set(order.map((p) => p.name));
  return { install: order, recommendedOnly: [...skippedRecommends].filter((r) => !chosen.has(r)).sort() };
}

/** What depends on what, over installed packages: the Depends lines dpkg recorded. */
export type DependsOf = (name: string) => readonly string[];

/** Removing `names` also removes every installed package that depends on them (apt cannot leave them broken). */
export function planRemove(installed: readonly string[], names: readonly string[], dependsOf: DependsOf): string[] {
  const removing = new Set(names);
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of installed) {
      if (removing.has(name)) continue;
      if (dependsOf(name).some((d) => removing.has(d))) {
        removing.add(name);
        grew = true;
      }
    }
  }
  return installed.filter((n) => removing.has(n));
}

/**
 * Packages apt installed automatically that nothing manually installed still needs, through Depends or Recommends
 * (apt treats recommendations as important when deciding what to keep).
 */
export function autoRemovable(installed: readonly string[], auto: ReadonlySet<string>, needs: DependsOf): string[] {
  const kept = new Set<string>();
  const keep = (name: string): void => {
    if (kept.has(name)) return;
    kept.add(name);
    for (const d of needs(name)) keep(d);
  };
  for (const name of installed) if (!auto.has(name)) keep(name);
  return installed.filter((n) => auto.has(n) && !kept.has(n));
}
