import type { EchoResult } from '../../../network/echo.ts';
import { NetError, netOf } from '../../../network/socket.ts';
import type { Process } from '../../process.ts';

/**
 * What both pings share: one echo request a second (`-i`), at most `count` of them (`-c`), until the deadline
 * (`-w`), Ctrl-C or, after the last request, `linger` seconds of waiting for the replies still out (`-W`). Each
 * answer is reported as it comes; the caller words it and the statistics.
 */
export interface PingPlan {
  readonly address: string;
  readonly count?: number;
  readonly intervalMs: number;
  readonly deadlineMs?: number;
  readonly lingerMs: number;
  /** The first sequence number: busybox counts from 0, iputils from 1. */
  readonly firstSeq: number;
}

export interface PingEvents {
  reply(seq: number, result: Extract<EchoResult, { kind: 'reply' }>, rttMs: number): Promise<void>;
  unreachable(seq: number, from: string): Promise<'continue' | 'stop'>;
}

export interface PingOutcome {
  readonly transmitted: number;
  readonly received: number;
  readonly errors: number;
  readonly rtts: readonly number[];
  /** How many requests were out at once at most (iputils' `pipe N`). */
  readonly pipe: number;
  readonly elapsedMs: number;
  /** Why it ended: the count or deadline ran out, Ctrl-C, a fatal report, or another signal (its name). */
  readonly ending: 'done' | 'interrupted' | 'stopped' | { readonly signal: string };
  /** sendto failed (no route at all). */
  readonly sendError?: NetError;
}

/** A round trip for the sequence number: the path's base with a little deterministic jitter, the first one slower. */
export function roundTrip(baseMs: number, index: number): number {
  const jitter = ((index * 37 + 11) % 23) / 60;
  return baseMs * (1 + jitter) * (index === 0 ? 1.6 : 1);
}

export async function runPing(p: Process, plan: PingPlan, events: PingEvents): Promise<PingOutcome> {
  const stack = netOf(p);
  const stop = new AbortController();
  const onAbort = () => stop.abort(p.signal.reason);
  if (p.signal.aborted) onAbort();
  else p.signal.addEventListener('abort', onAbort, { once: true });
  const started = p.clock.now();
  let transmitted = 0;
  let received = 0;
  let errors = 0;
  let outstanding = 0;
  let pipe = 0;
  let fatal = false;
  let sendError: NetError | undefined;
  const rtts: number[] = [];
  const deadline = plan.deadlineMs === undefined ? undefined : started + plan.deadlineMs;
  const pending: Promise<void>[] = [];
  let allAnswered: () => void = () => {};

  const settle = () => {
    outstanding--;
    if (outstanding === 0) allAnswered();
  };
  try {
    for (let i = 0; plan.count === undefined || i < plan.count; i++) {
      if (stop.signal.aborted || fatal) break;
      if (deadline !== undefined && p.clock.now() >= deadline) break;
      const seq = plan.firstSeq + i;
      if (!stack.ping) throw new NetError('ENETUNREACH', 'connect', plan.address, 0);
      transmitted++;
      outstanding++;
      pipe = Math.max(pipe, outstanding);
      const echo = stack.ping(plan.address, { signal: stop.signal });
      pending.push(
        echo.then(
          async (r) => {
            if (stop.signal.aborted) return;
            if (r.kind === 'reply') {
              received++;
              const rtt = roundTrip(r.rttMs, i);
              rtts.push(rtt);
              await events.reply(seq, r, rtt);
            } else {
              errors++;
              if ((await events.unreachable(seq, r.from)) === 'stop') {
                fatal = true;
                stop.abort('stopped');
              }
            }
            settle();
          },
          (e: unknown) => {
            if (e instanceof NetError && !stop.signal.aborted) {
              sendError = e;
              fatal = true;
              stop.abort('stopped');
            }
          },
        ),
      );
      const last = plan.count !== undefined && i + 1 >= plan.count;
      if (last) break;
      const wait = deadline === undefined ? plan.intervalMs : Math.min(plan.intervalMs, deadline - p.clock.now());
      await p.clock.sleep(Math.max(0, wait), stop.signal);
    }
    if (!stop.signal.aborted && outstanding > 0) {
      const linger = deadline === undefined ? plan.lingerMs : Math.min(plan.lingerMs, deadline - p.clock.now());
      const answered = new Promise<void>((resolve) => (allAnswered = resolve));
      await Promise.race([answered, p.clock.sleep(Math.max(0, linger), stop.signal)]);
    }
  } catch (e) {
    if (e instanceof NetError) sendError = e;
    else if (!stop.signal.aborted) throw e;
  } finally {
    p.signal.removeEventListener('abort', onAbort);
    if (!stop.signal.aborted) stop.abort('done');
  }
  await Promise.allSettled(pending);
  const reason: unknown = p.signal.aborted ? p.signal.reason : undefined;
  const ending: PingOutcome['ending'] =
    fatal || sendError ? 'stopped' : reason === undefined ? 'done' : reason === 'SIGINT' ? 'interrupted' : { signal: String(reason) };
  return { transmitted, received, errors, rtts, pipe, elapsedMs: p.clock.now() - started, ending, ...(sendError ? { sendError } : {}) };
}

/** min/avg/max (and iputils' mdev) of the round trips, each with three decimals. */
export function rttSummary(rtts: readonly number[]): { min: string; avg: string; max: string; mdev: string } {
  const n = rtts.length;
  const avg = rtts.reduce((a, b) => a + b, 0) / n;
  const sq = rtts.reduce((a, b) => a + b * b, 0) / n;
  const f = (x: number) => x.toFixed(3);
  return { min: f(Math.min(...rtts)), avg: f(avg), max: f(Math.max(...rtts)), mdev: f(Math.sqrt(Math.max(0, sq - avg * avg))) };
}

/** Parses a number option as ping does; undefined when it is not one. */
export function numberArg(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}
