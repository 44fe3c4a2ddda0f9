import type { Fs } from '../../../fs/types.ts';
import { readTextOr, writeWithParents } from '../shared/fs-helpers.ts';
import { dpkgName, type DebPackage } from './archive.ts';

/**
 * dpkg's and apt's records of what is installed: `/var/lib/dpkg/status` (deb822 paragraphs),
 * `/var/lib/dpkg/info/<pkg>.list` (the files each package owns) and apt's `/var/lib/apt/extended_states`
 * (which packages were only pulled in as dependencies, for autoremove).
 */

export const STATUS = '/var/lib/dpkg/status';
export const INFO = '/var/lib/dpkg/info';
export const EXTENDED_STATES = '/var/lib/apt/extended_states';

export interface Paragraph {
  readonly fields: ReadonlyMap<string, string>;
  /** The paragraph as read, written back unchanged. */
  readonly text: string;
}

export function parseParagraphs(text: string): Paragraph[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block !== '')
    .map((block) => {
      const fields = new Map<string, string>();
      let last = '';
      for (const line of block.split('\n')) {
        if (/^\s/.test(line) && last) fields.set(last, `${fields.get(last)}\n${line}`);
        else {
          const colon = line.indexOf(':');
          if (colon < 0) continue;
          last = line.slice(0, colon);
          fields.set(last, line.slice(colon + 1).trim());
        }
      }
      return { fields, text: block + '\n' };
    });
}

export interface Installed {
  readonly name: string;
  readonly version: string;
  readonly paragraph: Paragraph;
}

export function readStatus(fs: Fs): Installed[] {
  return parseParagraphs(readTextOr(fs, STATUS, ''))
    .filter((p) => (p.fields.get('Status') ?? '').endsWith(' installed'))
    .map((p) => ({ name: p.fields.get('Package') ?? '', version: p.fields.get('Version') ?? '', paragraph: p }));
}

export function writeStatus(fs: Fs, installed: readonly Installed[]): void {
  writeWithParents(fs, STATUS, installed.map((i) => i.paragraph.text).join('\n'));
}

/** The status paragraph dpkg writes for a newly installed package. */
export function statusEntry(p: DebPackage): Installed {
  const lines = [
    `Package: ${p.name}`,
    'Status: install ok installed',
    'Priority: optional',
    `Installed-Size: ${p.installedKiB}`,
    `Architecture: ${p.arch}`,
    ...(dpkgName(p) !== p.name ? ['Multi-Arch: same'] : []),
    `Version: ${p.version}`,
    ...(p.depends.length ? [`Depends: ${p.depends.join(', ')}`] : []),
    ...(p.recommends.length ? [`Recommends: ${p.recommends.join(', ')}`] : []),
    `Description: ${p.description}`,
  ];
  const text = lines.join('\n') + '\n';
  return { name: p.name, version: p.version, paragraph: parseParagraphs(text)[0]! };
}

export function listFile(p: { readonly name: string; readonly arch?: string }, multiArch: boolean): string {
  return `${INFO}/${p.name}${multiArch ? ':amd64' : ''}.list`;
}

/** The files a package owns, from its .list (either name form); empty when dpkg never recorded them. */
export function ownedFiles(fs: Fs, name: string): string[] {
  for (const file of [`${INFO}/${name}.list`, `${INFO}/${name}:amd64.list`]) {
    const text = readTextOr(fs, file, '');
    if (text) return text.split('\n').filter((l) => l !== '');
  }
  return [];
}

/** Names apt marked as automatically installed. */
export function readAutoInstalled(fs: Fs): Set<string> {
  const auto = new Set<string>();
  for (const p of parseParagraphs(readTextOr(fs, EXTENDED_STATES, ''))) {
    if (p.fields.get('Auto-Installed') === '1') auto.add(p.fields.get('Package') ?? '');
  }
  return auto;
}

export function writeAutoInstalled(fs: Fs, auto: ReadonlySet<string>, arch: (name: string) => string): void {
  const text = [...auto]
    .sort()
    .map((name) => `Package: ${name}\nArchitecture: ${arch(name)}\nAuto-Installed: 1\n`)
    .join('\n');
  writeWithParents(fs, EXTENDED_STATES, text);
}
