/**
 * The /etc/hosts Docker writes into a container (libnetwork etchosts.Build, then the sandbox adds the container's
 * own record once its endpoint has an address). Lines are `<ip>\t<names>`.
 */
export interface HostsRecord {
  readonly ip: string;
  readonly names: string;
}

const DEFAULT_IPV4: readonly HostsRecord[] = [{ ip: '127.0.0.1', names: 'localhost' }];
const DEFAULT_IPV6: readonly HostsRecord[] = [
  { ip: '::1', names: 'localhost ip6-localhost ip6-loopback' },
  { ip: 'fe00::', names: 'ip6-localnet' },
  { ip: 'ff00::', names: 'ip6-mcastprefix' },
  { ip: 'ff02::1', names: 'ip6-allnodes' },
  { ip: 'ff02::2', names: 'ip6-allrouters' },
];

export interface ContainerHostsOptions {
  /** The container's hostname (its short ID unless `--hostname`), and `--domainname` if any. */
  readonly hostname: string;
  readonly domainname?: string;
  /** The container's addresses, one record each (the first network's endpoint on a bridge; none on `none`). */
  readonly addresses: readonly string[];
  /** `--add-host name:ip` records, in order. */
  readonly extraHosts?: readonly HostsRecord[];
  /**
   * False only when IPv6 is disabled inside the container (sysctl); the IPv6 lines are then left out. A stock
   * container keeps IPv6 on its loopback, so they are there even on the IPv4-only default bridge.
   */
  readonly ipv6?: boolean;
}

export function containerHostsFile(options: ContainerHostsOptions): string {
  const ipv6 = options.ipv6 ?? true;
  const fqdn = options.domainname ? `${options.hostname}.${options.domainname}` : options.hostname;
  // A dotted hostname is listed as the FQDN and then its first label.
  const names = fqdn.includes('.') ? `${fqdn} ${fqdn.slice(0, fqdn.indexOf('.'))}` : fqdn;
  const isV6 = (ip: string) => ip.includes(':');
  const records = [
    ...DEFAULT_IPV4,
    ...(ipv6 ? DEFAULT_IPV6 : []),
    ...(options.extraHosts ?? []).filter((r) => ipv6 || !isV6(r.ip)),
    ...options.addresses.map((ip) => ({ ip, names })),
  ];
  return records.map((r) => `${r.ip}\t${r.names}\n`).join('');
}

/** /etc/hostname: the hostname and a newline. */
export function containerHostnameFile(hostname: string): string {
  return `${hostname}\n`;
}
