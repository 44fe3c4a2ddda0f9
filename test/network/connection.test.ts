import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../engine/core/clock.ts';
import { initialIds, type IdState } from '../../engine/core/ids.ts';
import { parsePublishSpecs } from '../../engine/network/publish-spec.ts';
import { NetworkService, SYN_TIMEOUT_MS, type NetworkEvent } from '../../engine/network/service.ts';

function setup() {
  let ids: IdState = initialIds(7);
  const clock = new VirtualClock();
  const events: NetworkEvent[] = [];
  const net = new NetworkService({ clock, ids: { get: () => ids, set: (n) => (ids = n) }, hostname: 'dockyard', announce: (e) => events.push(e) });
  return { net, clock, events };
}

const WEB = 'a'.repeat(64);
const CLIENT = 'b'.repeat(64);

/** Settles a promise that must fail, so a test can look at the record left behind. */
async function settle(p: Promise<unknown>): Promise<void> {
  await p.then(
    () => undefined,
    () => undefined,
  );
}

describe('the last connection', () => {
  it('is empty until something connects', () => {
    expect(setup().net.lastConnection).toBeUndefined();
  });

  it('records a connection by name between two containers on a user network, across its bridge', async () => {
    const { net, events } = setup();
    const pnet = net.createNetwork({ name: 'pnet' });
    const web = net.connect(WEB, { name: 'web', hostname: 'w', networks: [{ network: 'pnet' }] });
    web.stack.listen(80);
    const client = net.connect(CLIENT, { name: 'client', hostname: 'c', networks: [{ network: 'pnet' }] });
    const before = events.length;
    (await client.stack.connect('web', 80)).close();
    expect(net.lastConnection).toEqual({
      at: expect.any(Number),
      from: { kind: 'container', containerId: CLIENT, containerName: 'client', networks: ['pnet'] },
      name: 'web',
      resolvedBy: 'dns',
      address: web.endpoints[0]!.ipAddress,
      port: 80,
      hops: [{ kind: 'bridge', networkId: pnet.id, networkName: 'pnet' }],
      to: { kind: 'container', containerId: WEB, containerName: 'web', networks: ['pnet'] },
      result: 'connected',
    });
    expect(events.length).toBe(before + 1);
  });

  it('records a container on another network as unreachable: its address, no path, timed out', async () => {
    const { net, clock } = setup();
    net.createNetwork({ name: 'pnet' });
    const web = net.connect(WEB, { name: 'web', hostname: 'w', networks: [{ network: 'pnet' }] });
    web.stack.listen(80);
    const client = net.connect(CLIENT, { name: 'client', hostname: 'c' });
    const attempt = client.stack.connect(web.endpoints[0]!.ipAddress, 80);
    await Promise.resolve();
    // While the SYN goes unanswered the picture already shows where it is stuck.
    expect(net.lastConnection).toMatchObject({ result: 'pending', to: { kind: 'container', containerName: 'web' } });
    expect(net.lastConnection?.failedAt).toBeUndefined();
    clock.advance(SYN_TIMEOUT_MS);
    await settle(attempt);
    expect(net.lastConnection).toMatchObject({
      from: { kind: 'container', containerName: 'client', networks: ['bridge'] },
      address: web.endpoints[0]!.ipAddress,
      hops: [],
      to: { kind: 'container', containerName: 'web', networks: ['pnet'] },
      result: 'ETIMEDOUT',
      failedAt: 'route',
    });
    expect(net.lastConnection?.name).toBeUndefined();
  });

  it('records a name the default bridge cannot resolve (it has no DNS) as ENOTFOUND, stopped at DNS', async () => {
    const { net } = setup();
    net.connect(WEB, { name: 'web', hostname: 'w' }).stack.listen(80);
    const client = net.connect(CLIENT, { name: 'client', hostname: 'c' });
    await settle(client.stack.connect('web', 80));
    const record = net.lastConnection!;
    expect(record).toMatchObject({ name: 'web', port: 80, hops: [], result: 'ENOTFOUND', failedAt: 'dns' });
    expect(record.address).toBeUndefined();
    expect(record.to).toBeUndefined();
    expect(record.resolvedBy).toBeUndefined();
  });

  it('records the host reaching a published port: loopback, docker-proxy, then the bridge to the container', async () => {
    const { net } = setup();
    const bridge = net.network('bridge');
    const web = net.connect(WEB, { name: 'web', hostname: 'w', ports: parsePublishSpecs(['8089:80']) });
    web.stack.listen(80);
    (await net.host.connect('localhost', 8089)).close();
    expect(net.lastConnection).toMatchObject({
      from: { kind: 'host' },
      name: 'localhost',
      resolvedBy: 'hosts',
      address: '127.0.0.1',
      port: 8089,
      hops: [
        { kind: 'loopback' },
        { kind: 'published-port', hostIp: '0.0.0.0', hostPort: 8089, containerPort: 80, via: 'docker-proxy' },
        { kind: 'bridge', networkId: bridge.id, networkName: 'bridge' },
      ],
      to: { kind: 'container', containerId: WEB, containerName: 'web' },
      result: 'connected',
    });
  });

  it('records a published port with nothing listening behind it as a reset from docker-proxy', async () => {
    const { net } = setup();
    net.connect(WEB, { name: 'web', hostname: 'w', ports: parsePublishSpecs(['8089:80']) });
    (await net.host.connect('127.0.0.1', 8089)).close();
    expect(net.lastConnection).toMatchObject({ to: { kind: 'container', containerName: 'web' }, result: 'ECONNRESET', failedAt: 'port' });
  });

  it('records localhost inside a container with nothing listening as ECONNREFUSED at the port, never leaving it', async () => {
    const { net } = setup();
    const web = net.connect(WEB, { name: 'web', hostname: 'w', ports: parsePublishSpecs(['8089:80']) });
    await settle(web.stack.connect('127.0.0.1', 3000));
    expect(net.lastConnection).toMatchObject({
      from: { kind: 'container', containerName: 'web' },
      address: '127.0.0.1',
      port: 3000,
      hops: [{ kind: 'loopback' }],
      to: { kind: 'container', containerName: 'web' },
      result: 'ECONNREFUSED',
      failedAt: 'port',
    });
  });

  it('records a container reaching the host through its default route', async () => {
    const { net } = setup();
    net.host.listen(5000);
    const client = net.connect(CLIENT, { name: 'client', hostname: 'c' });
    (await client.stack.connect('172.17.0.1', 5000)).close();
    expect(net.lastConnection).toMatchObject({ hops: [{ kind: 'gateway', networkName: 'bridge' }], to: { kind: 'host' }, result: 'connected' });
  });

  it('shows a connect to an address just looked up under the name (curl and wget resolve first, then connect)', async () => {
    const { net } = setup();
    net.createNetwork({ name: 'pnet' });
    net.connect(WEB, { name: 'web', hostname: 'w', networks: [{ network: 'pnet' }] }).stack.listen(80);
    const client = net.connect(CLIENT, { name: 'client', hostname: 'c', networks: [{ network: 'pnet' }] });
    const [address] = await client.stack.resolve('web');
    (await client.stack.connect(address!, 80)).close();
    expect(net.lastConnection).toMatchObject({ name: 'web', resolvedBy: 'dns', address, port: 80, result: 'connected' });
    await settle(client.stack.resolve('nosuch'));
    // The client stops at the failed lookup: no port was ever asked for.
    expect(net.lastConnection).toMatchObject({ name: 'nosuch', result: 'ENOTFOUND', failedAt: 'dns' });
    expect(net.lastConnection?.port).toBeUndefined();
  });

  it('is forgotten when a snapshot is restored', async () => {
    const { net } = setup();
    const saved = net.state;
    await settle(net.host.connect('127.0.0.1', 1));
    expect(net.lastConnection?.result).toBe('ECONNREFUSED');
    net.restore(saved);
    expect(net.lastConnection).toBeUndefined();
  });
});
