/** IPv4 addresses as text, the only family the simulation speaks (containers get no IPv6 unless a network enables it). */

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** A dotted-quad IPv4 address as inet_pton accepts it (no leading zeros, four parts). */
export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => OCTET.test(p));
}

/** The whole 127.0.0.0/8 block is the loopback interface on Linux, not just 127.0.0.1. */
export function isLoopback(address: string): boolean {
  return isIPv4(address) && address.startsWith('127.');
}

/** The wildcard a server binds to mean "every address of this namespace". */
export const ANY_ADDRESS = '0.0.0.0';

export function ipToInt(address: string): number {
  return address.split('.').reduce((n, p) => n * 256 + Number(p), 0);
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Go's net.JoinHostPort: an IPv6 address goes in brackets (`[::]:8080`). */
export function joinHostPort(host: string, port: string | number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
