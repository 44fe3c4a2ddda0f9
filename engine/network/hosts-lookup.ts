import { isIPv4 } from './address.ts';

/**
 * The "files" source of getaddrinfo: the IPv4 addresses /etc/hosts gives `name` (canonical name or alias, matched
 * without regard to case), in file order. Comments and IPv6 lines are skipped: the simulation speaks IPv4 only.
 */
export function lookupHosts(hostsFile: string, name: string): string[] {
  const wanted = name.toLowerCase();
  const found: string[] = [];
  for (const raw of hostsFile.split('\n')) {
    const [address, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (!address || !isIPv4(address)) continue;
    if (names.some((n) => n.toLowerCase() === wanted) && !found.includes(address)) found.push(address);
  }
  return found;
}
