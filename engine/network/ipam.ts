import { intToIp, ipToInt } from './address.ts';

/** `172.17.0.0/16` → network address and prefix length. */
export function parseCidr(cidr: string): { base: number; prefixLen: number } {
  const [address, len] = cidr.split('/');
  const prefixLen = Number(len);
  const mask = prefixLen === 0 ? 0 : (0xffffffff << (32 - prefixLen)) >>> 0;
  return { base: (ipToInt(address!) & mask) >>> 0, prefixLen };
}

export function inSubnet(address: string, cidr: string): boolean {
  const { base, prefixLen } = parseCidr(cidr);
  const mask = prefixLen === 0 ? 0 : (0xffffffff << (32 - prefixLen)) >>> 0;
  return ((ipToInt(address) & mask) >>> 0) === base;
}

/**
 * The default IPAM's choice: the lowest free address of the subnet, skipping the network address, the gateway
 * and the broadcast address (moby ipams/defaultipam). Undefined when the subnet is full.
 */
export function lowestFreeAddress(cidr: string, taken: ReadonlySet<string>): string | undefined {
  const { base, prefixLen } = parseCidr(cidr);
  const size = 2 ** (32 - prefixLen);
  for (let i = 1; i < size - 1; i++) {
    const candidate = intToIp(base + i);
    if (!taken.has(candidate)) return candidate;
  }
  return undefined;
}
