import { describe, expect, it } from 'vitest';
import { createNetworkNamespace } from '../../engine/network/namespace.ts';
import { NetError } from '../../engine/network/socket.ts';
import type { Socket } from '../../engine/network/socket.ts';
import { readAll } from '../../engine/programs/streams.ts';

const text = (b: Uint8Array | null) => (b ? new TextDecoder().decode(b) : null);

async function rejection(p: Promise<unknown>): Promise<NetError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(NetError);
  return e as NetError;
}

describe('a network namespace', () => {
  it('connects a client to a server on its loopback, both ways, and EOF follows close', async () => {
    const ns = createNetworkNamespace({ hostname: 'web' });
    const listener = ns.listen(80);
    const client = await ns.connect('localhost', 80);
    const server = (await listener.accept())!;
    expect(server.local).toEqual({ address: '127.0.0.1', port: 80 });
    expect(server.remote).toEqual(client.local);
    expect(client.remote).toEqual({ address: '127.0.0.1', port: 80 });
    await client.output.write('GET / HTTP/1.1\r\n\r\n');
    expect(text(await server.input.read())).toBe('GET / HTTP/1.1\r\n\r\n');
    await server.output.write('HTTP/1.1 200 OK\r\n\r\nhello');
    server.close();
    expect(text(await readAll(client.input))).toBe('HTTP/1.1 200 OK\r\n\r\nhello');
  });

  it('fails writes to a peer that has closed with EPIPE', async () => {
    const ns = createNetworkNamespace({ hostname: 'web' });
    const listener = ns.listen(6379);
    const client = await ns.connect('127.0.0.1', 6379);
    const server = (await listener.accept())!;
    server.close();
    expect(client.output.broken).toBe(true);
    const e = await rejection(client.output.write('PING\r\n'));
    expect(e.code).toBe('EPIPE');
    expect(e.message).toBe('write EPIPE');
  });

  it('refuses connections where nothing listens, in Node\'s words', async () => {
    const ns = createNetworkNamespace({ hostname: 'app' });
    const e = await rejection(ns.connect('localhost', 27017));
    expect(e.code).toBe('ECONNREFUSED');
    expect(e.message).toBe('connect ECONNREFUSED 127.0.0.1:27017');
  });

  it('refuses a second listener on a taken port, and frees the port on close', () => {
    const ns = createNetworkNamespace({ hostname: 'app', addresses: ['172.17.0.2'] });
    const first = ns.listen(8080);
    expect(() => ns.listen(8080)).toThrow('listen EADDRINUSE: address already in use 0.0.0.0:8080');
    expect(() => ns.listen(8080, '127.0.0.1')).toThrow(NetError);
    first.close();
    const loopbackOnly = ns.listen(8080, '127.0.0.1');
    expect(() => ns.listen(8080)).toThrow('EADDRINUSE');
    // A different address on the same port is a different socket.
    expect(ns.listen(8080, '172.17.0.2').local).toEqual({ address: '172.17.0.2', port: 8080 });
    loopbackOnly.close();
  });

  it('refuses to bind an address the namespace does not have', () => {
    const ns = createNetworkNamespace({ hostname: 'app' });
    expect(() => ns.listen(80, '10.0.0.5')).toThrow('listen EADDRNOTAVAIL: address not available 10.0.0.5:80');
  });

  it('reaches a wildcard listener by hostname and by its own address, a loopback one only by loopback', async () => {
    const ns = createNetworkNamespace({ hostname: 'c0ffee123456', addresses: ['172.17.0.2'] });
    const wildcard = ns.listen(3000);
    const viaName = await ns.connect('c0ffee123456', 3000);
    expect(viaName.remote).toEqual({ address: '172.17.0.2', port: 3000 });
    expect((await wildcard.accept())!.remote.address).toBe('172.17.0.2');
    ns.listen(27017, '127.0.0.1');
    expect((await rejection(ns.connect('172.17.0.2', 27017))).code).toBe('ECONNREFUSED');
    await ns.connect('127.0.0.1', 27017);
  });

  it('gives pending accepts null and drops unaccepted connections when the listener closes', async () => {
    const ns = createNetworkNamespace({ hostname: 'app' });
    const listener = ns.listen(80);
    const queued = await ns.connect('localhost', 80);
    listener.close();
    expect(await queued.input.read()).toBeNull();
    expect(await listener.accept()).toBeNull();
    expect((await rejection(ns.connect('localhost', 80))).code).toBe('ECONNREFUSED');
  });

  it('hands out distinct client ports and a port for listen(0)', async () => {
    const ns = createNetworkNamespace({ hostname: 'app' });
    ns.listen(80);
    const a = await ns.connect('localhost', 80);
    const b = await ns.connect('localhost', 80);
    expect(a.local.port).not.toBe(b.local.port);
    expect(a.local.port).toBeGreaterThanOrEqual(32768);
    expect(ns.listen(0).local.port).toBeGreaterThanOrEqual(32768);
  });

  it('resolves numeric addresses, localhost and the hostname; other names fail ENOTFOUND', async () => {
    const ns = createNetworkNamespace({ hostname: 'web', addresses: ['172.17.0.3'] });
    expect(await ns.resolve('10.1.2.3')).toEqual(['10.1.2.3']);
    expect(await ns.resolve('LOCALHOST')).toEqual(['127.0.0.1']);
    expect(await ns.resolve('web')).toEqual(['172.17.0.3']);
    const e = await rejection(ns.resolve('mongo'));
    expect(e.code).toBe('ENOTFOUND');
    expect(e.message).toBe('getaddrinfo ENOTFOUND mongo');
    expect((await rejection(ns.connect('mongo', 27017))).message).toBe('getaddrinfo ENOTFOUND mongo');
  });

  it('reads names from its /etc/hosts, then asks its name server', async () => {
    let hosts = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost\n172.17.0.2\tdb  # pinned\n';
    const ns = createNetworkNamespace({
      hostname: 'web',
      hosts: () => hosts,
      nameServer: async (name) => (name === 'mongo' ? ['172.18.0.2'] : undefined),
    });
    expect(await ns.resolve('db')).toEqual(['172.17.0.2']);
    expect(await ns.resolve('localhost')).toEqual(['127.0.0.1']);
    expect(await ns.resolve('mongo')).toEqual(['172.18.0.2']);
    hosts = '';
    expect((await rejection(ns.resolve('db'))).code).toBe('ENOTFOUND');
  });

  it('hands connections to other addresses to its router, or fails ENETUNREACH without one', async () => {
    const lone = createNetworkNamespace({ hostname: 'none' });
    expect((await rejection(lone.connect('172.17.0.9', 80))).message).toBe('connect ENETUNREACH 172.17.0.9:80');
    const other = createNetworkNamespace({ hostname: 'other', addresses: ['172.17.0.9'] });
    other.listen(80);
    const routed = createNetworkNamespace({
      hostname: 'me',
      addresses: ['172.17.0.8'],
      route: async (from, to) => other.deliver(to, { address: from.addresses[0]!, port: from.ephemeralPort() }),
    });
    const s: Socket = await routed.connect('172.17.0.9', 80);
    expect(s.local.address).toBe('172.17.0.8');
  });

  it('rejects with the abort reason when the caller has already given up', async () => {
    const ns = createNetworkNamespace({ hostname: 'app' });
    ns.listen(80);
    const ac = new AbortController();
    ac.abort('SIGINT');
    await expect(ns.connect('localhost', 80, { signal: ac.signal })).rejects.toBe('SIGINT');
  });

  it('makes a fast writer wait for a slow reader (bounded buffers)', async () => {
    const ns = createNetworkNamespace({ hostname: 'app' });
    const listener = ns.listen(80);
    const client = await ns.connect('localhost', 80);
    const server = (await listener.accept())!;
    let done = false;
    const writing = (async () => {
      for (let i = 0; i < 40; i++) await client.output.write(new Uint8Array(4096));
      done = true;
    })();
    await new Promise((r) => setTimeout(r, 0));
    expect(done).toBe(false);
    client.close();
    let total = 0;
    for (let c = await server.input.read(); c; c = await server.input.read()) total += c.length;
    await writing.catch(() => {});
    expect(total).toBeGreaterThan(0);
  });
});
