import { NetError, netOf } from '../../../network/socket.ts';
import { exitStatusForSignal, type Program } from '../../process.ts';
import { numberArg, rttSummary, runPing } from './session.ts';

/**
 * BusyBox's ping applet (networking/ping.c, the "fancy" build Alpine and the busybox image ship): `-c CNT`, `-s SIZE`,
 * `-i SECS`, `-W SEC` (wait for replies after the last request), `-w SEC` (deadline), `-q`. It counts from seq=0,
 * prints the statistics on Ctrl-C or when done, and exits 1 when no reply came (or fewer than -c before a -w
 * deadline). An unreachable host on its own subnet makes the next sendto fail, which BusyBox dies of.
 */

const USAGE = `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.

Usage: ping [OPTIONS] HOST

Send ICMP ECHO_REQUESTs to HOST

	-4,-6		Force IP or IPv6 name resolution
	-c CNT		Send only CNT pings
	-s SIZE		Send SIZE data bytes in packets (default 56)
	-i SECS		Interval
	-A		Ping as soon as reply is received
	-t TTL		Set TTL
	-I IFACE/IP	Source interface or IP address
	-W SEC		Seconds to wait for the first response (default 10)
			(after all -c CNT packets are sent)
	-w SEC		Seconds until ping exits (default:infinite)
			(can exit earlier with -c CNT)
	-q		Quiet, only display output at start/finish
	-p HEXBYTE	Payload pattern
`;

interface Options {
  count?: number;
  size: number;
  intervalSec: number;
  lingerSec: number;
  deadlineSec?: number;
  quiet: boolean;
  host?: string;
}

function parse(args: readonly string[]): Options | string {
  const o: Options = { size: 56, intervalSec: 1, lingerSec: 10, quiet: false };
  const withValue = new Set(['c', 's', 'i', 'W', 'w', 't', 'I', 'p']);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') {
      if (o.host !== undefined) return 'usage';
      o.host = a;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const flag = a[j]!;
      if (flag === 'q') o.quiet = true;
      else if (flag === '4' || flag === '6' || flag === 'A') continue;
      else if (withValue.has(flag)) {
        const value = a.length > j + 1 ? a.slice(j + 1) : args[++i];
        if (value === undefined) return `option requires an argument -- '${flag}'`;
        const n = numberArg(value);
        if (flag !== 'I' && flag !== 'p' && n === undefined) return `invalid number '${value}'`;
        if (flag === 'c') o.count = n === 0 ? undefined : n!; // -c 0: no limit, as BusyBox reads it
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

export const busyboxPing: Program = async (p) => {
  const o = parse(p.argv.slice(1));
  if (typeof o === 'string' || o.host === undefined) {
    if (typeof o === 'string' && o !== 'usage') await p.stderr.write(`ping: ${o}\n`);
    await p.stderr.write(USAGE);
    return 1;
  }
  const host = o.host;
  let address: string;
  try {
    [address] = (await netOf(p).resolve(host)) as [string];
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    await p.stderr.write(`ping: bad address '${host}'\n`);
    return 1;
  }
  await p.stdout.write(`PING ${host} (${address}): ${o.size} data bytes\n`);
  const outcome = await runPing(
    p,
    {
      address,
      ...(o.count !== undefined ? { count: o.count } : {}),
      intervalMs: o.intervalSec * 1000,
      ...(o.deadlineSec !== undefined ? { deadlineMs: o.deadlineSec * 1000 } : {}),
      lingerMs: o.lingerSec * 1000,
      firstSeq: 0,
    },
    {
      reply: async (seq, r, rtt) => {
        if (!o.quiet) await p.stdout.write(`${o.size + 8} bytes from ${address}: seq=${seq} ttl=${r.ttl} time=${rtt.toFixed(3)} ms\n`);
      },
      // The kernel reports the failed ARP on the socket: the next sendto returns EHOSTUNREACH and BusyBox dies.
      unreachable: async () => {
        await p.stderr.write('ping: sendto: Host is unreachable\n');
        return 'stop';
      },
    },
  );
  if (outcome.sendError) {
    if (outcome.sendError.code === 'ENETUNREACH') await p.stderr.write('ping: sendto: Network unreachable\n');
    return 1;
  }
  if (outcome.ending === 'stopped') return 1;
  if (typeof outcome.ending === 'object') return exitStatusForSignal(outcome.ending.signal);
  let stats = `\n--- ${host} ping statistics ---\n`;
  stats += `${outcome.transmitted} packets transmitted, ${outcome.received} packets received, `;
  const loss = outcome.transmitted === 0 ? 0 : Math.floor(((outcome.transmitted - outcome.received) * 100) / outcome.transmitted);
  stats += `${loss}% packet loss\n`;
  if (outcome.rtts.length > 0) {
    const s = rttSummary(outcome.rtts);
    stats += `round-trip min/avg/max = ${s.min}/${s.avg}/${s.max} ms\n`;
  }
  await p.stdout.write(stats);
  const short = o.deadlineSec !== undefined && o.count !== undefined && outcome.received < o.count;
  return outcome.received === 0 || short ? 1 : 0;
};
