import { isIPv4 } from '../../../network/address.ts';
import { NetError, netOf } from '../../../network/socket.ts';
import { exitStatusForSignal, type Program } from '../../process.ts';
import { numberArg, rttSummary, runPing } from './session.ts';

/**
 * iputils' ping (Debian/Ubuntu's iputils-ping, and the Ubuntu host's): `-c`, `-i`, `-W`, `-w`, `-q`, `-s`, `-n`.
 * It counts from icmp_seq=1, reports "Destination Host Unreachable" from the sender's own address when ARP fails,
 * and ends with its statistics (on Ctrl-C too). Exit status: 0 with any reply, 1 with none (or fewer than -c before
 * the -w deadline), 2 for other errors such as an unknown name.
 *
 * Real iputils names a reply's sender by reverse lookup of its address (on a user-defined network the embedded DNS
 * answers `mongo.my_net`); the simulation has no reverse lookups, so a target given by name is shown by that name.
 */

interface Options {
  count?: number;
  size: number;
  intervalSec: number;
  lingerSec: number;
  deadlineSec?: number;
  quiet: boolean;
  numeric: boolean;
  host?: string;
}

function parse(args: readonly string[]): Options | string {
  const o: Options = { size: 56, intervalSec: 1, lingerSec: 10, quiet: false, numeric: false };
  const withValue = new Set(['c', 's', 'i', 'W', 'w', 't', 'I', 'p']);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') {
      o.host = a; // iputils pings the last operand
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const flag = a[j]!;
      if (flag === 'q') o.quiet = true;
      else if (flag === 'n') o.numeric = true;
      else if (flag === '4' || flag === 'A' || flag === 'D' || flag === 'O') continue;
      else if (withValue.has(flag)) {
        const value = a.length > j + 1 ? a.slice(j + 1) : args[++i];
        if (value === undefined) return `option requires an argument -- '${flag}'`;
        const n = numberArg(value);
        if (flag !== 'I' && flag !== 'p' && n === undefined) return `invalid argument: '${value}'`;
        if (flag === 'c' && n === 0) return `invalid argument: '${value}': out of range: 1 <= value <= 9223372036854775807`;
        if (flag === 'c') o.count = n!;
        else if (flag === 's') o.size = n!;
        else if (flag === 'i') o.intervalSec = n!;
        else if (flag === 'W') o.lingerSec = n!;
        else if (flag === 'w') o.deadlineSec = n!;
        break;
      } else return `invalid option -- '${flag}'`;
    }
  }
  return o;
}

export const iputilsPing: Program = async (p) => {
  const o = parse(p.argv.slice(1));
  if (typeof o === 'string') {
    await p.stderr.write(`ping: ${o}\n`);
    return 2;
  }
  if (o.host === undefined) {
    await p.stderr.write('ping: usage error: Destination address required\n');
    return 2;
  }
  const host = o.host;
  let address: string;
  try {
    [address] = (await netOf(p).resolve(host)) as [string];
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    await p.stderr.write(`ping: ${host}: Name or service not known\n`);
    return 2;
  }
  const sender = isIPv4(host) || o.numeric ? address : `${host} (${address})`;
  await p.stdout.write(`PING ${host} (${address}) ${o.size}(${o.size + 28}) bytes of data.\n`);
  const outcome = await runPing(
    p,
    {
      address,
      ...(o.count !== undefined ? { count: o.count } : {}),
      intervalMs: o.intervalSec * 1000,
      ...(o.deadlineSec !== undefined ? { deadlineMs: o.deadlineSec * 1000 } : {}),
      lingerMs: o.lingerSec * 1000,
      firstSeq: 1,
    },
    {
      reply: async (seq, r, rtt) => {
        if (!o.quiet) await p.stdout.write(`${o.size + 8} bytes from ${sender}: icmp_seq=${seq} ttl=${r.ttl} time=${rtt.toFixed(3)} ms\n`);
      },
      unreachable: async (seq, from) => {
        if (!o.quiet) await p.stdout.write(`From ${from} icmp_seq=${seq} Destination Host Unreachable\n`);
        return 'continue';
      },
    },
  );
  if (outcome.sendError) {
    await p.stderr.write('ping: connect: Network is unreachable\n');
    return 2;
  }
  if (typeof outcome.ending === 'object') return exitStatusForSignal(outcome.ending.signal);
  const { transmitted, received, errors } = outcome;
  const loss = transmitted === 0 ? 0 : Math.floor(((transmitted - received) * 100) / transmitted);
  // iputils measures from the first request to the last one sent (a few ms of scheduling per second).
  const time = transmitted <= 1 ? 0 : (transmitted - 1) * o.intervalSec * 1000 + (transmitted - 1) * 2 + 1;
  let stats = `\n--- ${host} ping statistics ---\n`;
  stats += `${transmitted} packets transmitted, ${received} received, ${errors > 0 ? `+${errors} errors, ` : ''}${loss}% packet loss, time ${time}ms\n`;
  if (outcome.rtts.length > 0) {
    const s = rttSummary(outcome.rtts);
    stats += `rtt min/avg/max/mdev = ${s.min}/${s.avg}/${s.max}/${s.mdev} ms`;
    stats += outcome.pipe > 1 ? `, pipe ${outcome.pipe}\n` : '\n';
  } else if (outcome.pipe > 1) stats += `pipe ${outcome.pipe}\n`;
  await p.stdout.write(stats);
  const short = o.deadlineSec !== undefined && o.count !== undefined && received < o.count;
  return received === 0 || short ? 1 : 0;
};
