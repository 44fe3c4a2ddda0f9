import { ALPINE_3_21 } from './data.ts';

/** Alpine's package index (what APKINDEX.tar.gz lists), parsed from data.ts once. */

export interface ApkPackage {
  readonly name: string;
  readonly version: string;
  readonly sizeBytes: number;
  readonly installedBytes: number;
  readonly depends: readonly string[];
  readonly programs: readonly { readonly path: string; readonly program: string }[];
  readonly links: readonly { readonly path: string; readonly target: string }[];
  /** Has a post-install script (`  Executing bash-5.2.37-r0.post-install`). */
  readonly postInstall: boolean;
  /** Owns a trigger that runs when it is installed (`Executing ca-certificates-20241121-r1.trigger`). */
  readonly trigger: boolean;
}

function parse(table: string): Map<string, ApkPackage> {
  const out = new Map<string, ApkPackage>();
  for (const line of table.split('\n')) {
    const words = line.trim().split(/\s+/);
    if (words.length < 4) continue;
    const [name, version, size, inst, ...rest] = words as [string, string, string, string, ...string[]];
    const kv = new Map<string, string>();
    const flags = new Set<string>();
    for (const w of rest) {
      const eq = w.indexOf('=');
      if (eq > 0) kv.set(w.slice(0, eq), w.slice(eq + 1));
      else flags.add(w);
    }
    const list = (k: string) => (kv.get(k) ? kv.get(k)!.split(',') : []);
    out.set(name, {
      name,
      version,
      sizeBytes: Number(size) * 1024,
      installedBytes: Number(inst) * 1024,
      depends: list('d'),
      programs: list('b').map((b) => {
        const [file, program] = b.split(':') as [string, string | undefined];
        const path = file.startsWith('/') ? file : `/usr/bin/${file}`;
        return { path, program: program ?? path.slice(path.lastIndexOf('/') + 1) };
      }),
      links: list('l').map((l) => {
        const [path, target] = l.split('>') as [string, string];
        return { path, target };
      }),
      postInstall: flags.has('post'),
      trigger: flags.has('trigger'),
    });
  }
  return out;
}

let index: Map<string, ApkPackage> | undefined;

export function apkIndex(): ReadonlyMap<string, ApkPackage> {
  return (index ??= parse(ALPINE_3_21));
}

export function apkProgramNames(): string[] {
  return [...new Set([...apkIndex().values()].flatMap((p) => p.programs.map((x) => x.program)))].sort();
}
