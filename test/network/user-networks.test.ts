import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../engine/core/clock.ts';
import { initialIds, type IdState } from '../../engine/core/ids.ts';
import { NetworkService } from '../../engine/network/service.ts';
import { NetError } from '../../engine/network/socket.ts';
import { nextPoolSubnet } from '../../engine/network/pools.ts';
import { SYN_TIMEOUT_MS } from '../../engine/network/service.ts';

function setup() {
  let ids: IdState = initialIds(3);
  const clock = new VirtualClock();
  const net = new NetworkService({ clock, ids: { get: () => ids, set: (n) => (ids = n) }, hostname: 'dockyard' });
  return { net, clock };
}

/** Lets a connection reach its timer on the virtual clock before time moves. */
const settle = () => new Promise((r) => setTimeout(r, 0));

const ID_A = 'a'.repeat(64);
const ID_B = 'b'.repeat(64);
const ID_C = 'c'.repeat(64);

describe('user-defined bridge networks', () => {
  it('hands out 172.18/16, 172.19/16... then 192.168.x/20, reusing the lowest free one', () => {
    const { net } = setup();
    const a = net.createNetwork({ name: 'a' });
    const b = net.createNetwork({ name: 'b' });
    expect([a.subnet, a.gateway, b.subnet, b.gateway]).toEqual(['172.18.0.0/16', '172.18.0.1', '172.19.0.0/16', '172.19.0.1']);
    expect(a).toMatchObject({ driver: 'bridge', dns: true, predefined: false, bridgeName: `br-${a.id.slice(0, 12)}` });
    net.removeNetwork('a');
    expect(net.createNetwork({ name: 'c' }).subnet).toBe('172.18.0.0/16');
    const used = Array.from({ length: 15 }, (_, i) => `172.${17 + i}.0.0/16`);
    expect(nextPoolSubnet(used)).toBe('192.168.0.0/20');
  });

  it('refuses a taken name, an overlapping subnet, a gateway outside it, and the predefined networks on rm', () => {
    const { net } = setup();
    net.createNetwork({ name: 'mynet', subnet: '172.30.0.0/16' });
    expect(() => net.createNetwork({ name: 'mynet' })).toThrow('Error response from daemon: network with name mynet already exists');
    expect(() => net.createNetwork({ name: 'x', subnet: '172.30.5.0/24' })).toThrow('Pool overlaps with other one on this address space');
    expect(() => net.createNetwork({ name: 'x', subnet: '172.17.0.0/16' })).toThrow('Pool overlaps');
    expect(() => net.createNetwork({ name: 'x', subnet: '10.9.0.0/16', gateway: '10.8.0.1' })).toThrow('invalid gateway 10.8.0.1');
    expect(() => net.removeNetwork('bridge')).toThrow('Error response from daemon: bridge is a pre-defined network and cannot be removed');
    expect(() => net.removeNetwork('nope')).toThrow('Error response from daemon: network nope not found');
  });

  it('refuses rm while a running container is attached, naming it; disconnecting frees it', () => {
    const { net } = setup();
    net.createNetwork({ name: 'mynet' });
    net.connect(ID_A, { name: 'mongo', hostname: 'm', networks: [{ network: 'mynet' }] });
    expect(() => net.removeNetwork('mynet')).toThrow(
      `Error response from daemon: error while removing network: network mynet has active endpoints (name:"mongo" id:"${ID_A.slice(0, 12)}")`,
    );
    expect(net.prune().map((n) => n.name)).toEqual([]);
    net.disconnect(ID_A);
    expect(net.prune().map((n) => n.name)).toEqual(['mynet']);
    expect(net.networks().map((n) => n.name)).toEqual(['bridge', 'host', 'none']);
  });

  it('uses --subnet, --gateway, --ip-range and a fixed --ip', () => {
    const { net } = setup();
    net.createNetwork({ name: 'n', subnet: '172.28.0.0/16', gateway: '172.28.0.254', ipRange: '172.28.5.0/24' });
    const a = net.connect(ID_A, { name: 'a', hostname: 'a', networks: [{ network: 'n' }] });
    expect(a.endpoints[0]).toMatchObject({ gateway: '172.28.0.254', prefixLen: 16 });
    expect(a.endpoints[0]!.ipAddress).toBe('172.28.5.0');
    const b = net.connect(ID_B, { name: 'b', hostname: 'b', networks: [{ network: 'n', ipv4Address: '172.28.9.9' }] });
    expect(b.endpoints[0]!.ipAddress).toBe('172.28.9.9');
    expect(() => net.connect(ID_C, { name: 'c', hostname: 'c', networks: [{ network: 'n', ipv4Address: '172.28.9.9' }] })).toThrow('Address already in use');
  });

  it('resolves names, aliases, short IDs and hostnames of running containers on shared user networks only', async () => {
    const { net } = setup();
    net.createNetwork({ name: 'n1' });
    net.createNetwork({ name: 'n2' });
    const a = net.connect(ID_A, { name: 'web', hostname: 'webhost', networks: [{ network: 'n1', aliases: ['front'] }] });
    const b = net.connect(ID_B, { name: 'db', hostname: 'dbhost', networks: [{ network: 'n1' }] });
    const c = net.connect(ID_C, { name: 'other', hostname: 'o', networks: [{ network: 'n2' }] });
    expect(await b.stack.resolve('web')).toEqual(['172.18.0.2']);
    expect(await b.stack.resolve('FRONT')).toEqual(['172.18.0.2']);
    expect(await b.stack.resolve(ID_A.slice(0, 12))).toEqual(['172.18.0.2']);
    expect(await b.stack.resolve('webhost')).toEqual(['172.18.0.2']);
    await expect(c.stack.resolve('web')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    net.disconnect(ID_A);
    await expect(b.stack.resolve('web')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect(a.endpoints[0]!.aliases).toEqual(['front']);
  });

  it('connects same-network containers, times out across networks, and lets the host reach every bridge address', async () => {
    const { net, clock } = setup();
    net.createNetwork({ name: 'n1' });
    net.createNetwork({ name: 'n2' });
    const a = net.connect(ID_A, { name: 'a', hostname: 'a', networks: [{ network: 'n1' }] });
    const b = net.connect(ID_B, { name: 'b', hostname: 'b', networks: [{ network: 'n1' }] });
    const c = net.connect(ID_C, { name: 'c', hostname: 'c', networks: [{ network: 'n2' }] });
    a.stack.listen(80);
    const ok = await b.stack.connect('a', 80);
    ok.close();
    const fromHost = await net.host.connect('172.18.0.2', 80);
    fromHost.close();
    const across = c.stack.connect('172.18.0.2', 80).catch((e: unknown) => e);
    await settle();
    clock.advance(SYN_TIMEOUT_MS);
    const e = await across;
    expect(e).toBeInstanceOf(NetError);
    expect((e as NetError).code).toBe('ETIMEDOUT');
  });

  it('connects and disconnects a running container to more networks, one address each', async () => {
    const { net } = setup();
    net.createNetwork({ name: 'n1' });
    net.createNetwork({ name: 'n2' });
    const a = net.connect(ID_A, { name: 'a', hostname: 'a', networks: [{ network: 'n1' }] });
    const c = net.connect(ID_C, { name: 'c', hostname: 'c', networks: [{ network: 'n2' }] });
    c.stack.listen(80);
    const ep = net.connectNetwork(ID_A, { network: 'n2', aliases: ['x'] }, { name: 'a', hostname: 'a' });
    expect(ep.ipAddress).toBe('172.19.0.3');
    expect(a.stack.addresses).toEqual(['172.18.0.2', '172.19.0.3']);
    (await a.stack.connect('c', 80)).close();
    expect(() => net.connectNetwork(ID_A, { network: 'n2' }, { name: 'a', hostname: 'a' })).toThrow('endpoint with name a already exists in network n2');
    net.disconnectNetwork(ID_A, 'n2');
    expect(a.stack.addresses).toEqual(['172.18.0.2']);
    expect(() => net.disconnectNetwork(ID_A, 'n2')).toThrow(`container ${ID_A} is not connected to network n2`);
  });

  it('gives an --internal network no way to the host or its published ports', async () => {
    const { net, clock } = setup();
    net.createNetwork({ name: 'inner', internal: true });
    net.createNetwork({ name: 'outer' });
    const web = net.connect(ID_B, { name: 'web', hostname: 'w', networks: [{ network: 'outer' }], ports: [{ hostIp: '', hostPort: '8080', containerPort: 80, proto: 'tcp' }] });
    web.stack.listen(80);
    const a = net.connect(ID_A, { name: 'a', hostname: 'a', networks: [{ network: 'inner' }] });
    const out = a.stack.connect('10.0.2.15', 8080).catch((e: unknown) => e);
    await settle();
    clock.advance(SYN_TIMEOUT_MS);
    expect(await out).toMatchObject({ code: 'ETIMEDOUT' });
    const o = net.connect(ID_C, { name: 'o', hostname: 'o', networks: [{ network: 'outer' }] });
    (await o.stack.connect('10.0.2.15', 8080)).close();
  });

  it('publishes no port for a container whose network is --internal; the host still reaches its address', async () => {
    const { net } = setup();
    net.createNetwork({ name: 'inner', internal: true });
    const web = net.connect(ID_B, { name: 'web', hostname: 'w', networks: [{ network: 'inner' }], ports: [{ hostIp: '', hostPort: '8080', containerPort: 80, proto: 'tcp' }], exposedPorts: ['80/tcp'] });
    web.stack.listen(80);
    expect(net.portsOf(ID_B, ['80/tcp'])).toEqual({ '80/tcp': null });
    await expect(net.host.connect('127.0.0.1', 8080)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    (await net.host.connect(web.endpoints[0]!.ipAddress, 80)).close();
  });

  it('comes back from a snapshot with its networks, their gateways on the host, and no endpoints', async () => {
    const { net } = setup();
    net.createNetwork({ name: 'n1' });
    const saved = net.state;
    net.removeNetwork('n1');
    net.restore(saved);
    expect(net.networks().map((n) => n.name)).toEqual(['bridge', 'host', 'n1', 'none']);
    expect(net.host.addresses).toContain('172.18.0.1');
    const a = net.connect(ID_A, { name: 'a', hostname: 'a', networks: [{ network: 'n1' }] });
    a.stack.listen(80);
    (await net.host.connect('172.18.0.2', 80)).close();
    expect(net.topology().networks.find((n) => n.name === 'n1')).toMatchObject({ internal: false, subnet: '172.18.0.0/16', endpoints: [{ containerName: 'a', ipAddress: '172.18.0.2' }] });
  });
});
