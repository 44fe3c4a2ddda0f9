import { readTextOr } from '../packages/shared/fs-helpers.ts';
import type { Process } from '../process.ts';
import { parseHostsFile, type HostsLine } from '../../network/hosts-lookup.ts';

export { findHostsLine, type HostsLine } from '../../network/hosts-lookup.ts';

/** The process's /etc/hosts (the one Docker mounts into a container); empty when missing. */
export function readHostsFile(p: Process): HostsLine[] {
  return parseHostsFile(readTextOr(p.fs, '/etc/hosts', ''));
}

/** The nameservers /etc/resolv.conf lists, in order. */
export function nameservers(p: Process): string[] {
  return readTextOr(p.fs, '/etc/resolv.conf', '')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[0] === 'nameserver' && f[1])
    .map((f) => f[1]!);
}
