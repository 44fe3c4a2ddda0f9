import { isIPv4 } from '../../network/address.ts';
import { NetError, netOf } from '../../network/socket.ts';
import type { Program } from '../process.ts';
import { nameservers } from './hosts-file.ts';

/**
 * BusyBox's nslookup applet (networking/nslookup.c, its own resolver since 1.28): asks the first nameserver of
 * /etc/resolv.conf (or the one given as second argument) for the A and then the AAAA records of NAME and prints each
 * answer block. Docker's embedded server (127.0.0.11) answers container names with an A record, non-authoritatively,
 * and has no AAAA for them; an unknown name is NXDOMAIN for both queries, and nslookup exits 1.
 *
 * The answers come from the namespace's resolver, the same one connect uses; unlike real nslookup it also sees
 * /etc/hosts (Docker's container files hold no other names than the container's own, localhost and `--link`s).
 * Reverse lookups are not simulated: an address is NXDOMAIN under in-addr.arpa.
 */

const USAGE = `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.

Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any
`;

export const nslookup: Program = async (p) => {
  const args = p.argv.slice(1).filter((a) => !a.startsWith('-'));
  const host = args[0];
  if (host === undefined || args.length > 2) {
    await p.stderr.write(USAGE);
    return 1;
  }
  const server = args[1] ?? nameservers(p)[0] ?? '127.0.0.1';
  let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  if (isIPv4(host)) {
    const arpa = `${host.split('.').reverse().join('.')}.in-addr.arpa`;
    await p.stdout.write(`${out}** server can't find ${arpa}: NXDOMAIN\n\n`);
    return 1;
  }
  let addresses: string[];
  try {
    addresses = await netOf(p).resolve(host);
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    await p.stdout.write(`${out}** server can't find ${host}: NXDOMAIN\n\n** server can't find ${host}: NXDOMAIN\n\n`);
    return 1;
  }
  out += 'Non-authoritative answer:\n';
  for (const a of addresses) out += `Name:\t${host}\nAddress: ${a}\n`;
  out += `\nNon-authoritative answer:\n*** Can't find ${host}: No answer\n\n`;
  await p.stdout.write(out);
  return 0;
};
