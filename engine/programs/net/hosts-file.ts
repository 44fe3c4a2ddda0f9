import { readTextOr } from '../packages/shared/fs-helpers.ts';
import type { Process } from '../process.ts';

/** One /etc/hosts line as gethostbyname's "files" source reads it: the address, the canonical name, its aliases. */
export interface HostsLine {
  readonly address: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

/** The process's /etc/hosts (the one Docker mounts into a container), comments dropped; empty when missing. */
export function readHostsFile(p: Process): HostsLine[] {
  const lines: HostsLine[] = [];
  for (const raw of readTextOr(p.fs, '/etc/hosts', '').split('\n')) {
    const [address, name, ...aliases] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (address && name) lines.push({ address, name, aliases });
  }
  return lines;
}

/** The first line naming `name` (canonical name or alias, any case) in the family asked for. */
export function findHostsLine(lines: readonly HostsLine[], name: string, family: 4 | 6): HostsLine | undefined {
  const wanted = name.toLowerCase();
  return lines.find((l) => l.address.includes(':') === (family === 6) && [l.name, ...l.aliases].some((n) => n.toLowerCase() === wanted));
}

/** The nameservers /etc/resolv.conf lists, in order. */
export function nameservers(p: Process): string[] {
  return readTextOr(p.fs, '/etc/resolv.conf', '')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[0] === 'nameserver' && f[1])
    .map((f) => f[1]!);
}
