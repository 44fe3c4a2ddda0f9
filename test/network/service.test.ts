import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../engine/core/clock.ts';
import { initialIds, type IdState } from '../../engine/core/ids.ts';
import { parsePublishSpecs } from '../../engine/network/publish-spec.ts';
import { NetworkService, type NetworkEvent } from '../../engine/network/service.ts';
import { NetError } from '../../engine/network/socket.ts';
import { readAll } from '../../engine/programs/streams.ts';

function setup() {
  let ids: IdState = initialIds(7);
  const clock = new VirtualClock();
  const events: NetworkEvent[] = [];
  const net = new NetworkService({ clock, ids: { get: () => ids, set: (n) => (ids = n) }, hostname: 'dockyard', announce: (e) => events.push(e) });
  return { net, clock, events };
}

const ID_A = 'a'.repeat(64);
const ID_B = 'b'.repeat(64);
const ID_C = 'c'.repeat(64);

async function failure(p: Promise<unknown>): Promise<NetError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(NetError);
  return e as NetError;
}

describe('the network service', () => {
  it('starts with bridge, host and none, each with its own 64-hex ID', () => {
    const { net } = setup();
    expect(net.networks().map((n) => [n.name, n.driver])).toEqual([
      ['bridge', 'bridge'],
      ['host', 'host'],
      ['none', 'null'],
    ]);
    const ids = net.networks().map((n) => n.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(net.network('bridge').subnet).toBe('172.17.0.0/16');
    expect(net.network(ids[0]!.slice(0, 5)).id).toBe(ids[0]);
    expect(() => net.network('nope')).toThrow('Error response from daemon: network nope not found');
  });

  it('gives containers the lowest free address from .2, a random local MAC, and frees it on disconnect', () => {
    const { net, events } = setup();
    const a = net.connect(ID_A, { name: 'a', hostname: 'aaaaaaaaaaaa' });
    const b = net.connect(ID_B, { name: 'b', hostname: 'bbbbbbbbbbbb' });
    expect(a.endpoints[0]).toMatchObject({ ipAddress: '172.17.0.2', prefixLen: 16, gateway: '172.17.0.1' });
    expect(b.endpoints[0]!.ipAddress).toBe('172.17.0.3');
    const mac = a.endpoints[0]!.macAddress;
    expect(mac).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
    expect(parseInt(mac.slice(0, 2), 16) & 0x03).toBe(0x02);
    expect(a.endpoints[0]!.endpointId).toMatch(/^[0-9a-f]{64}$/);
    net.disconnect(ID_A);
    expect(net.connect(ID_C, { name: 'c', hostname: 'c' }).endpoints[0]!.ipAddress).toBe('172.17.0.2');
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events[0]).toEqual({ type: 'networks-changed' });
  });

  it('lets containers on the bridge reach each other by address but not by name; localhost is the container itself', async () => {
    const { net } = setup();
    const server = net.connect(ID_A, { name: 'mongo', hostname: 'aaaaaaaaaaaa' }).stack;
    const client = net.connect(ID_B, { name: 'api', hostname: 'bbbbbbbbbbbb' }).stack;
    const listener = server.listen(27017);
    const socket = await client.connect('172.17.0.2', 27017);
    const accepted = (await listener.accept())!;
    expect(accepted.remote.address).toBe('172.17.0.3');
    expect(socket.local.address).toBe('172.17.0.3');
    expect((await failure(client.connect('mongo', 27017))).message).toBe('getaddrinfo ENOTFOUND mongo');
    expect((await failure(client.connect('localhost', 27017))).message).toBe('connect ECONNREFUSED 127.0.0.1:27017');
    expect((await failure(client.connect('172.17.0.2', 80))).message).toBe('connect ECONNREFUSED 172.17.0.2:80');
  });

  it('lets the host reach a container by its bridge address, coming from the gateway', async () => {
    const { net } = setup();
    const stack = net.connect(ID_A, { name: 'web', hostname: 'w' }).stack;
    const listener = stack.listen(80);
    await net.host.connect('172.17.0.2', 80);
    expect((await listener.accept())!.remote.address).toBe('172.17.0.1');
  });

  it('forwards a published port on the host to the container, as docker-proxy does from loopback', async () => {
    const { net } = setup();
    const att = net.connect(ID_A, { name: 'web', hostname: 'w', ports: parsePublishSpecs(['8080:80']), exposedPorts: ['80/tcp', '443/tcp'] });
    expect(att.ports).toEqual({
      '80/tcp': [
        { hostIp: '0.0.0.0', hostPort: '8080' },
        { hostIp: '::', hostPort: '8080' },
      ],
      '443/tcp': null,
    });
    const listener = att.stack.listen(80);
    const client = await net.host.connect('localhost', 8080);
    expect(client.remote).toEqual({ address: '127.0.0.1', port: 8080 });
    const server = (await listener.accept())!;
    expect(server.local).toEqual({ address: '172.17.0.2', port: 80 });
    expect(server.remote.address).toBe('172.17.0.1');
    await client.output.write('GET / HTTP/1.1\r\n\r\n');
    expect(new TextDecoder().decode((await server.input.read())!)).toBe('GET / HTTP/1.1\r\n\r\n');
    await server.output.write('HTTP/1.1 200 OK\r\n\r\n');
    server.close();
    expect(new TextDecoder().decode(await readAll(client.input))).toBe('HTTP/1.1 200 OK\r\n\r\n');
  });

  it('accepts then resets through the proxy when nothing (or only 127.0.0.1) listens in the container; DNAT refuses', async () => {
    const { net } = setup();
    const stack = net.connect(ID_A, { name: 'web', hostname: 'w', ports: parsePublishSpecs(['8080:80']) }).stack;
    const viaProxy = await net.host.connect('127.0.0.1', 8080);
    await viaProxy.output.write('GET / HTTP/1.1\r\n\r\n');
    const reset = await failure(viaProxy.input.read());
    expect(reset.code).toBe('ECONNRESET');
    expect(reset.message).toBe('read ECONNRESET');
    expect((await failure(net.host.connect('10.0.2.15', 8080))).message).toBe('connect ECONNREFUSED 10.0.2.15:8080');
    stack.listen(80, '127.0.0.1');
    expect((await failure((await net.host.connect('localhost', 8080)).input.read())).code).toBe('ECONNRESET');
  });

  it('fails a taken host port as Docker 28 does, and frees published ports on disconnect', () => {
    const { net } = setup();
    net.connect(ID_A, { name: 'first', hostname: 'a', ports: parsePublishSpecs(['8080:80']) });
    let error: Error | undefined;
    try {
      net.connect(ID_B, { name: 'second', hostname: 'b', ports: parsePublishSpecs(['8080:80']) });
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(
      /^Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint second \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated$/,
    );
    // The failed start allocated nothing: the address and ports stay as they were.
    expect(net.endpointsOf(ID_B)).toEqual([]);
    expect(net.state.ports).toHaveLength(1);
    net.disconnect(ID_A);
    expect(net.state.ports).toEqual([]);
    expect(net.connect(ID_B, { name: 'second', hostname: 'b', ports: parsePublishSpecs(['8080:80']) }).ports['80/tcp']).toHaveLength(2);
  });

  it('words a port held by a host program as a bind failure', () => {
    const { net } = setup();
    net.host.listen(3000);
    expect(() => net.connect(ID_A, { name: 'api', hostname: 'a', ports: parsePublishSpecs(['3000:3000']) })).toThrow(
      /on endpoint api \([0-9a-f]{64}\): failed to bind host port for 0\.0\.0\.0:3000:172\.17\.0\.2:3000\/tcp: address already in use$/,
    );
    // And a program cannot take a port docker-proxy holds.
    net.connect(ID_B, { name: 'web', hostname: 'b', ports: parsePublishSpecs(['8080:80']) });
    expect(() => net.host.listen(8080)).toThrow('EADDRINUSE');
  });

  it('hands out random host ports from 32768, round-robin, for -p 80 and -P', () => {
    const { net } = setup();
    const a = net.connect(ID_A, { name: 'a', hostname: 'a', ports: parsePublishSpecs(['80']) });
    const b = net.connect(ID_B, { name: 'b', hostname: 'b', publishAll: true, exposedPorts: ['27017/tcp'] });
    expect(a.ports['80/tcp']![0]!.hostPort).toBe('32768');
    expect(b.ports['27017/tcp']![0]!.hostPort).toBe('32769');
    net.disconnect(ID_A);
    expect(net.connect(ID_C, { name: 'c', hostname: 'c', ports: parsePublishSpecs(['80']) }).ports['80/tcp']![0]!.hostPort).toBe('32770');
  });

  it('gives host-network containers the host stack itself and discards their published ports with a warning', async () => {
    const { net } = setup();
    const att = net.connect(ID_A, { name: 'nginx', hostname: 'dockyard', networkMode: 'host', ports: parsePublishSpecs(['8080:80']) });
    expect(att.stack).toBe(net.host);
    expect(att.warnings).toEqual(['Published ports are discarded when using host network mode']);
    expect(att.ports).toEqual({});
    att.stack.listen(80);
    // Not even the exposed ports: ps shows an empty PORTS cell for host and none containers.
    expect(net.portsOf(ID_A, ['80/tcp'])).toEqual({});
    net.connect(ID_B, { name: 'iso', hostname: 'b', networkMode: 'none', exposedPorts: ['80/tcp'] });
    expect(net.portsOf(ID_B, ['80/tcp'])).toEqual({});
    await net.host.connect('localhost', 80);
    expect((await failure(net.host.connect('localhost', 8080))).code).toBe('ECONNREFUSED');
  });

  it('gives none only a loopback: anything else is unreachable at once', async () => {
    const { net } = setup();
    net.connect(ID_B, { name: 'web', hostname: 'b' }).stack.listen(80);
    const none = net.connect(ID_A, { name: 'iso', hostname: 'a', networkMode: 'none' }).stack;
    expect((await failure(none.connect('172.17.0.2', 80))).message).toBe('connect ENETUNREACH 172.17.0.2:80');
    none.listen(80);
    await none.connect('localhost', 80);
  });

  it('times out unreachable addresses on the virtual clock (127 s), or fails on-link ones after ARP (3 s)', async () => {
    const { net, clock } = setup();
    const stack = net.connect(ID_A, { name: 'a', hostname: 'a' }).stack;
    let outcome: NetError | undefined;
    void stack.connect('8.8.8.8', 53).catch((e: NetError) => (outcome = e));
    await Promise.resolve();
    clock.advance(126_000);
    await new Promise((r) => setTimeout(r, 0));
    expect(outcome).toBeUndefined();
    clock.advance(1_000);
    await new Promise((r) => setTimeout(r, 0));
    expect(outcome?.message).toBe('connect ETIMEDOUT 8.8.8.8:53');

    const onLink = stack.connect('172.17.0.99', 80);
    await Promise.resolve();
    clock.advance(3_000);
    expect((await failure(onLink)).message).toBe('connect EHOSTUNREACH 172.17.0.99:80');
  });

  it("gives up when the caller's signal aborts first", async () => {
    const { net } = setup();
    const stack = net.connect(ID_A, { name: 'a', hostname: 'a' }).stack;
    const ac = new AbortController();
    const pending = stack.connect('8.8.8.8', 80, { signal: ac.signal });
    ac.abort('SIGINT');
    await expect(pending).rejects.toBe('SIGINT');
  });

  it('lets a container reach the host through the gateway', async () => {
    const { net } = setup();
    const listener = net.host.listen(5432);
    const stack = net.connect(ID_A, { name: 'a', hostname: 'a' }).stack;
    await stack.connect('172.17.0.1', 5432);
    expect((await listener.accept())!.remote.address).toBe('172.17.0.2');
  });

  it('refuses aliases on the default bridge', () => {
    const { net } = setup();
    expect(() => net.connect(ID_A, { name: 'a', hostname: 'a', aliases: ['db'] })).toThrow(
      'Error response from daemon: network-scoped aliases are only supported for user-defined networks',
    );
  });

  it('describes the topology for the UI', () => {
    const { net } = setup();
    net.connect(ID_A, { name: 'web', hostname: 'a', ports: parsePublishSpecs(['127.0.0.1:8080:80']) });
    const t = net.topology();
    expect(t.networks.find((n) => n.name === 'bridge')!.endpoints).toMatchObject([{ containerId: ID_A, containerName: 'web', ipAddress: '172.17.0.2' }]);
    expect(t.published).toEqual([{ containerId: ID_A, hostIp: '127.0.0.1', hostPort: 8080, containerIp: '172.17.0.2', containerPort: 80, proto: 'tcp' }]);
  });
});
