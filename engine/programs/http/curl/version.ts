import type { Process } from '../../process.ts';
import { readInstalled } from '../../packages/apk/db.ts';
import { readStatus } from '../../packages/apt/dpkg-db.ts';

/**
 * Which curl this is: the version the system's package database records, else the one its distribution ships
 * (Debian bookworm's 7.88.1, Ubuntu 24.04's 8.5.0, Alpine's), else curlimages/curl's 8.14.1 (built outside any
 * package manager).
 */
export function curlVersion(p: Process): string {
  try {
    const apk = readInstalled(p.fs).find((i) => i.name === 'curl');
    if (apk) return apk.version.replace(/-r\d+$/, '');
  } catch {
    // No apk database.
  }
  try {
    const deb = readStatus(p.fs).find((s) => s.name === 'curl');
    if (deb) return deb.version.replace(/^\d+:/, '').replace(/[-+~].*$/, '');
  } catch {
    // No dpkg database.
  }
  // No record (the catalog's images install curl without updating the database): the distribution's own curl.
  let release = '';
  try {
    release = p.fs.readText('/etc/os-release');
  } catch {
    // No os-release: a scratch-based image.
  }
  const codename = /^VERSION_CODENAME=(.*)$/m.exec(release)?.[1];
  if (codename && DISTRIBUTION_CURL[codename]) return DISTRIBUTION_CURL[codename];
  if (/^ID=alpine$/m.test(release) && /^VERSION_ID=3\.21/m.test(release)) return '8.12.1';
  return '8.14.1';
}

/** curl as each Debian and Ubuntu release ships it. */
const DISTRIBUTION_CURL: Readonly<Record<string, string>> = { bookworm: '7.88.1', bullseye: '7.74.0', jammy: '7.81.0', noble: '8.5.0' };

/** curl 8 words a failed connect with curl's own error text; 7.x gave the system's (`Connection refused`). */
export function isCurl8(version: string): boolean {
  return Number(version.split('.')[0]) >= 8;
}
