import { intToIp } from './address.ts';
import { parseCidr } from './ipam.ts';

/**
 * The daemon's default address pools as they are split for networks (libnetwork ipamutils): 172.17/16 to 172.19/16,
 * then 172.20/14, 172.24/14 and 172.28/14 in /16 pieces, then 192.168.0.0/16 in /20 pieces. The default bridge
 * takes the first; user networks get the lowest one that overlaps no existing network.
 */
export function* defaultPoolSubnets(): Generator<string> {
  for (let b = 17; b <= 31; b++) yield `172.${b}.0.0/16`;
  for (let c = 0; c < 256; c += 16) yield `192.168.${c}.0/20`;
}

export function overlaps(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  const len = Math.min(x.prefixLen, y.prefixLen);
  const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  return ((x.base & mask) >>> 0) === ((y.base & mask) >>> 0);
}

/** The lowest default-pool subnet that overlaps none of `used`; undefined when every pool is taken. */
export function nextPoolSubnet(used: readonly string[]): string | undefined {
  for (const candidate of defaultPoolSubnets()) if (!used.some((u) => overlaps(u, candidate))) return candidate;
  return undefined;
}

/** The subnet's first host address: the gateway the default IPAM picks when none is given. */
export function firstHost(cidr: string): string {
  return intToIp(parseCidr(cidr).base + 1);
}

/** The network address of a CIDR as given (`172.30.1.5/16` → `172.30.0.0/16`), or undefined when it is not one. */
export function canonicalCidr(text: string): string | undefined {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d{1,2})$/.exec(text);
  if (!m || Number(m[2]) > 32 || m[1]!.split('.').some((p) => Number(p) > 255)) return undefined;
  const { base, prefixLen } = parseCidr(text);
  return `${intToIp(base)}/${prefixLen}`;
}
