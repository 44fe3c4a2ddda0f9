import { ipToInt, isLoopback } from './address.ts';
import { NetError } from './socket.ts';
import type { Router, NetworkNamespace } from './namespace.ts';

/**
 * ICMP echo on the socket model, for ping: reachability without a listening port. The answer follows the very
 * routing rules TCP connections follow (the namespace's router), so ping and curl never disagree about who can reach
 * whom: a probe to port 0, where nothing ever listens, comes back refused exactly when the address is reachable.
 */
export type EchoResult =
  /** An echo reply: its TTL and the round trip in milliseconds (a few tens of microseconds on one machine). */
  | { readonly kind: 'reply'; readonly ttl: number; readonly rttMs: number }
  /** ARP found nobody at an address on one of the sender's own subnets: the kernel (at `from`, the sender's address) reports the host unreachable. */
  | { readonly kind: 'unreachable'; readonly from: string };

/** Linux's default TTL; containers and the host are one hop apart at most (bridges do not route), so it arrives whole. */
export const DEFAULT_TTL = 64;
/** Typical round trips on one machine: loopback, and through a veth pair and a bridge. */
export const LOOPBACK_RTT_MS = 0.035;
export const BRIDGE_RTT_MS = 0.075;

/**
 * One echo request from `from` to `address`. Resolves with the reply (at once: the round trip is in the result) or
 * the unreachable report (after ARP gives up, on the virtual clock). A request nobody answers (another Docker network,
 * the internet) never resolves: only `signal` ends the wait, rejecting with its reason. Without a route at all (a
 * `--network none` container) it rejects with NetError ENETUNREACH, as sendto fails.
 */
export async function echo(from: NetworkNamespace, route: Router | undefined, address: string, signal?: AbortSignal): Promise<EchoResult> {
  if (signal?.aborted) throw signal.reason;
  if (from.owns(address)) return { kind: 'reply', ttl: DEFAULT_TTL, rttMs: isLoopback(address) || address === '0.0.0.0' ? LOOPBACK_RTT_MS : BRIDGE_RTT_MS };
  if (!route) throw new NetError('ENETUNREACH', 'connect', address, 0);
  try {
    const socket = await route(from, { address, port: 0 }, signal);
    socket.close(); // a forwarder accepted the probe: the address is reachable all the same
    return { kind: 'reply', ttl: DEFAULT_TTL, rttMs: BRIDGE_RTT_MS };
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    if (e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET') return { kind: 'reply', ttl: DEFAULT_TTL, rttMs: BRIDGE_RTT_MS };
    if (e.code === 'EHOSTUNREACH') return { kind: 'unreachable', from: sourceFor(from.addresses, address) };
    if (e.code === 'ENETUNREACH') throw e;
    // ETIMEDOUT: the packets are dropped; ping keeps waiting for a reply that never comes.
    return never(signal);
  }
}

function never(signal?: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** The sender's address the kernel reports from: the one on the target's subnet (the longest common prefix). */
function sourceFor(addresses: readonly string[], target: string): string {
  const shared = (a: string) => Math.clz32((ipToInt(a) ^ ipToInt(target)) >>> 0);
  return [...addresses].sort((a, b) => shared(b) - shared(a))[0] ?? target;
}
