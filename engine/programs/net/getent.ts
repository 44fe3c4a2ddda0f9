import { isIPv4 } from '../../network/address.ts';
import { NetError, netOf } from '../../network/socket.ts';
import { readTextOr } from '../packages/shared/fs-helpers.ts';
import type { Process, Program } from '../process.ts';
import { findHostsLine, readHostsFile, type HostsLine } from './hosts-file.ts';

/**
 * glibc's getent (libc-bin in Debian and Ubuntu, and the host's): the name-service databases as the C library sees
 * them. `hosts` goes through gethostbyname (an IPv6 answer first, as getent asks AF_INET6 before AF_INET), `ahosts`
 * and `ahostsv4` through getaddrinfo (each address once per socket type), so both see /etc/hosts and then DNS (the
 * namespace's resolver: Docker's embedded server on user-defined networks). `passwd` and `group` read the files.
 * Exit status: 0 found, 1 usage, 2 a key not found, 3 enumeration not supported.
 */

const SEE_HELP = "Try `getent --help' or `getent --usage' for more information.\n";

const DATABASES: Record<string, (p: Process, keys: readonly string[]) => Promise<number>> = {
  hosts,
  ahosts: (p, keys) => ahosts(p, keys, true),
  ahostsv4: (p, keys) => ahosts(p, keys, false),
  passwd: (p, keys) => table(p, keys, '/etc/passwd'),
  group: (p, keys) => table(p, keys, '/etc/group'),
};

export const getent: Program = async (p) => {
  const args = p.argv.slice(1).filter((a) => a !== '--');
  if (args.length === 0) {
    await p.stderr.write('getent: wrong number of arguments\n');
    await p.stdout.write(`Usage: getent [OPTION...] database [key ...]\n${SEE_HELP}`);
    return 1;
  }
  const [database, ...keys] = args as [string, ...string[]];
  const run = DATABASES[database];
  if (!run) {
    await p.stderr.write(`Unknown database: ${database}\n${SEE_HELP}`);
    return 1;
  }
  return run(p, keys);
};

/** gethostbyname's line: the address padded to 15 columns, the canonical name, the aliases. */
function hostLine(address: string, name: string, aliases: readonly string[]): string {
  return `${address.padEnd(15)} ${[name, ...aliases].join(' ')}\n`;
}

async function lookupV4(p: Process, name: string, lines: readonly HostsLine[]): Promise<{ name: string; aliases: readonly string[]; addresses: string[] } | undefined> {
  const file = findHostsLine(lines, name, 4);
  if (file) return { name: file.name, aliases: file.aliases, addresses: [file.address] };
  try {
    return { name, aliases: [], addresses: await netOf(p).resolve(name) };
  } catch (e) {
    if (e instanceof NetError) return undefined;
    throw e;
  }
}

async function hosts(p: Process, keys: readonly string[]): Promise<number> {
  const lines = readHostsFile(p);
  if (keys.length === 0) {
    await p.stdout.write(lines.map((l) => hostLine(l.address, l.name, l.aliases)).join(''));
    return 0;
  }
  let status = 0;
  for (const key of keys) {
    if (isIPv4(key) || key.includes(':')) {
      // gethostbyaddr: the files only (reverse DNS is not simulated).
      const found = lines.find((l) => l.address === key);
      if (found) await p.stdout.write(hostLine(found.address, found.name, found.aliases));
      else status = 2;
      continue;
    }
    const v6 = findHostsLine(lines, key, 6);
    if (v6) {
      await p.stdout.write(hostLine(v6.address, v6.name, v6.aliases));
      continue;
    }
    const v4 = await lookupV4(p, key, lines);
    if (!v4) {
      status = 2;
      continue;
    }
    await p.stdout.write(v4.addresses.map((a) => hostLine(a, v4.name, v4.aliases)).join(''));
  }
  return status;
}

async function ahosts(p: Process, keys: readonly string[], withV6: boolean): Promise<number> {
  if (keys.length === 0) return 3; // getaddrinfo cannot enumerate: "Enumeration not supported on ahosts"
  const lines = readHostsFile(p);
  let status = 0;
  for (const key of keys) {
    const v6 = withV6 && !isIPv4(key) ? findHostsLine(lines, key, 6) : undefined;
    const v4 = key.includes(':') ? undefined : isIPv4(key) ? { name: key, aliases: [], addresses: [key] } : await lookupV4(p, key, lines);
    const addresses = [...(v6 ? [v6.address] : []), ...(v4?.addresses ?? [])];
    if (addresses.length === 0) {
      status = 2;
      continue;
    }
    const canonical = v6?.name ?? v4!.name;
    let out = '';
    addresses.forEach((a, i) => {
      for (const [j, type] of ['STREAM', 'DGRAM', 'RAW'].entries()) out += `${a.padEnd(15)} ${type.padEnd(6)} ${i === 0 && j === 0 ? canonical : ''}\n`;
    });
    await p.stdout.write(out);
  }
  return status;
}

/** passwd and group: lines by name or by number, or the whole file. */
async function table(p: Process, keys: readonly string[], path: string): Promise<number> {
  const rows = readTextOr(p.fs, path, '').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  if (keys.length === 0) {
    await p.stdout.write(rows.map((r) => r + '\n').join(''));
    return 0;
  }
  let status = 0;
  for (const key of keys) {
    const row = rows.find((r) => {
      const f = r.split(':');
      return /^\d+$/.test(key) ? f[2] === key : f[0] === key;
    });
    if (row) await p.stdout.write(row + '\n');
    else status = 2;
  }
  return status;
}
