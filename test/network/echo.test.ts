import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../engine/core/clock.ts';
import { initialIds, type IdState } from '../../engine/core/ids.ts';
import { ARP_TIMEOUT_MS, NetworkService } from '../../engine/network/service.ts';
import { NetError } from '../../engine/network/socket.ts';

function setup() {
  let ids: IdState = initialIds(5);
  const clock = new VirtualClock();
  const net = new NetworkService({ clock, ids: { get: () => ids, set: (n) => (ids = n) }, hostname: 'dockyard' });
  return { net, clock };
}

describe('ICMP echo on the socket model', () => {
  it('is answered on the own loopback and addresses, between containers of a network, and between host and bridge', async () => {
    const { net } = setup();
    const a = net.connect('a'.repeat(64), { name: 'a', hostname: 'a' }).stack;
    const b = net.connect('b'.repeat(64), { name: 'b', hostname: 'b' }).stack;
    expect(await a.ping('127.0.0.1')).toEqual({ kind: 'reply', ttl: 64, rttMs: expect.any(Number) });
    expect((await a.ping('172.17.0.2')).kind).toBe('reply');
    expect((await a.ping('172.17.0.3')).kind).toBe('reply');
    expect((await b.ping('172.17.0.2')).kind).toBe('reply');
    expect((await net.host.ping('172.17.0.3')).kind).toBe('reply');
    // A container reaches the host's own addresses: docker0's gateway and eth0.
    expect((await a.ping('172.17.0.1')).kind).toBe('reply');
    expect((await a.ping('10.0.2.15')).kind).toBe('reply');
  });

  it('reports an unheld address on its own subnet unreachable once ARP gives up', async () => {
    const { net, clock } = setup();
    const a = net.connect('a'.repeat(64), { name: 'a', hostname: 'a' }).stack;
    const started = clock.now();
    const result = a.ping('172.17.0.50');
    await new Promise((r) => setTimeout(r, 0)); // the router's ARP timer is set
    clock.advanceTo(started + ARP_TIMEOUT_MS);
    expect(await result).toEqual({ kind: 'unreachable', from: '172.17.0.2' });
    // The host reports it from its address on that bridge (docker0's), not from eth0.
    const fromHost = net.host.ping('172.17.0.60');
    await new Promise((r) => setTimeout(r, 0));
    clock.advanceTo(clock.now() + ARP_TIMEOUT_MS);
    expect(await fromHost).toEqual({ kind: 'unreachable', from: '172.17.0.1' });
  });

  it('gets no answer from beyond the machine: the wait ends only with the signal', async () => {
    const { net, clock } = setup();
    const a = net.connect('a'.repeat(64), { name: 'a', hostname: 'a' }).stack;
    const stop = new AbortController();
    const result = a.ping('8.8.8.8', { signal: stop.signal }).then(
      (r) => r,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 0));
    clock.advanceTo(clock.now() + 10 * 60_000); // well past the SYN timeout the probe is routed with
    await new Promise((r) => setTimeout(r, 0));
    stop.abort('SIGINT');
    expect(await result).toBe('SIGINT');
  });

  it('fails at once without any route (--network none)', async () => {
    const { net } = setup();
    const none = net.connect('c'.repeat(64), { name: 'c', hostname: 'c', networkMode: 'none' }).stack;
    expect((await none.ping('127.0.0.1')).kind).toBe('reply');
    const e = await none.ping('172.17.0.2').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(NetError);
    expect((e as NetError).code).toBe('ENETUNREACH');
  });
});
