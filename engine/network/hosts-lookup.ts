import { isIPv4 } from './address.ts';

/** One /etc/hosts line as the resolver's "files" source reads it: the address, the canonical name, its aliases. */
export interface HostsLine {
  readonly address: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

/** An /etc/hosts file's entries in file order, comments and malformed lines dropped. */
export function parseHostsFile(text: string): HostsLine[] {
  const lines: HostsLine[] = [];
  for (const raw of text.split('\n')) {
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

/**
 * The "files" source of getaddrinfo: the IPv4 addresses /etc/hosts gives `name` (canonical name or alias, matched
 * without regard to case), in file order. IPv6 lines are skipped: the simulation speaks IPv4 only.
 */
export function lookupHosts(hostsFile: string, name: string): string[] {
  const wanted = name.toLowerCase();
  const found: string[] = [];
  for (const l of parseHostsFile(hostsFile)) {
    if (!isIPv4(l.address)) continue;
    if ([l.name, ...l.aliases].some((n) => n.toLowerCase() === wanted) && !found.includes(l.address)) found.push(l.address);
  }
  return found;
}
