import type { Fs } from '../../../fs/types.ts';

/** What a package manager learns about the system it runs on from `/etc/os-release` (os-release(5)). */
export interface OsRelease {
  /** `debian`, `ubuntu`, `alpine`... */
  readonly id: string;
  readonly versionId: string;
  /** `bookworm`, `noble`; empty on Alpine. */
  readonly codename: string;
}

/** Reads `/etc/os-release` (or `/usr/lib/os-release`, its fallback); undefined when neither exists. */
export function readOsRelease(fs: Fs): OsRelease | undefined {
  for (const path of ['/etc/os-release', '/usr/lib/os-release']) {
    let text: string;
    try {
      text = fs.readText(path);
    } catch {
      continue;
    }
    const fields = new Map<string, string>();
    for (const line of text.split('\n')) {
      const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
      if (m) fields.set(m[1]!, m[2]!.replace(/^"(.*)"$/, '$1'));
    }
    return { id: fields.get('ID') ?? 'linux', versionId: fields.get('VERSION_ID') ?? '', codename: fields.get('VERSION_CODENAME') ?? '' };
  }
  return undefined;
}
