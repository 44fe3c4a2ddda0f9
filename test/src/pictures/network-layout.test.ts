import { describe, expect, it } from 'vitest';
import type { ConnectionRecord } from '../../../engine/network/connection.ts';
import { describeConnection, type NetworkBox, type NetworkView } from '../../../engine/network/views.ts';
import { edgeToward, layoutNetwork, WIDTH } from '../../../src/pictures/network-layout.ts';

const WEB = 'w'.repeat(64);
const CLIENT = 'c'.repeat(64);

function box(name: string, driver: string, containers: NetworkBox['containers']): NetworkBox {
  return { id: name, name, driver, internal: false, dns: name !== 'bridge', containers };
}

const member = (containerId: string, containerName: string, ipAddress: string) => ({ containerId, containerName, ipAddress, dnsNames: [], alsoOn: [] });

function view(last?: ConnectionRecord): NetworkView {
  return {
    host: {
      name: 'dockyard',
      published: [{ containerId: WEB, containerName: 'web', hostIp: '0.0.0.0', hostPort: 8089, containerIp: '172.18.0.2', containerPort: 80, proto: 'tcp', label: '0.0.0.0:8089 -> 80/tcp' }],
    },
    networks: [box('bridge', 'bridge', []), box('host', 'host', []), box('none', 'null', []), box('pnet', 'bridge', [member(WEB, 'web', '172.18.0.2'), member(CLIENT, 'client', '172.18.0.3')])],
    ...(last ? { lastConnection: describeConnection(last) } : {}),
  };
}

const inside = (outer: { x: number; y: number; w: number; h: number }, inner: { x: number; y: number; w: number; h: number }) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

describe('the network diagram layout', () => {
  it('stacks the host and the bridge networks (host and none only when used), each container inside its box', () => {
    const l = layoutNetwork(view());
    expect(l.width).toBe(WIDTH);
    expect(l.networks.map((n) => n.box.name)).toEqual(['bridge', 'pnet']);
    const [bridge, pnet] = l.networks;
    expect(bridge!.y).toBeGreaterThan(l.host.y + l.host.h);
    expect(pnet!.y).toBeGreaterThan(bridge!.y + bridge!.h);
    expect(l.height).toBeGreaterThan(pnet!.y + pnet!.h);
    for (const node of pnet!.nodes) expect(inside(pnet!, node)).toBe(true);
    // Side by side, not overlapping.
    expect(pnet!.nodes[1]!.x).toBeGreaterThanOrEqual(pnet!.nodes[0]!.x + pnet!.nodes[0]!.w);
    expect(inside(l.host, l.host.ports[0]!)).toBe(true);
    expect(l.portLinks).toHaveLength(1);
    expect(l.connection).toBeUndefined();
  });

  it('draws a connection across a bridge from edge to edge of the two containers', () => {
    const l = layoutNetwork(
      view({
        at: 0,
        from: { kind: 'container', containerId: CLIENT, containerName: 'client', networks: ['pnet'] },
        to: { kind: 'container', containerId: WEB, containerName: 'web', networks: ['pnet'] },
        address: '172.18.0.2',
        port: 80,
        hops: [{ kind: 'bridge', networkId: 'pnet', networkName: 'pnet' }],
        result: 'connected',
      }),
    );
    const [web, client] = l.networks[1]!.nodes;
    expect(l.connection!.points).toEqual([
      [client!.x, client!.y + client!.h / 2],
      [web!.x + web!.w, web!.y + web!.h / 2],
    ]);
    expect(l.connection!.stop).toBeUndefined();
    expect(l.ghosts).toEqual([]);
  });

  it('goes from the host through the published port, and puts a client that has gone below the networks', () => {
    const gone = 'g'.repeat(64);
    const l = layoutNetwork(
      view({
        at: 0,
        from: { kind: 'container', containerId: gone, containerName: 'curl', networks: ['bridge'] },
        name: 'web',
        port: 80,
        hops: [],
        result: 'ENOTFOUND',
        failedAt: 'dns',
      }),
    );
    expect(l.ghosts).toHaveLength(1);
    const ghost = l.ghosts[0]!;
    expect(ghost.y).toBeGreaterThan(l.networks.at(-1)!.y + l.networks.at(-1)!.h);
    expect(l.height).toBeGreaterThanOrEqual(ghost.y + ghost.h);
    // Stopped at DNS: marked on the client itself, no line.
    expect(l.connection!.points).toHaveLength(1);
    expect(l.connection!.stop).toEqual([ghost.x + ghost.w + 10, ghost.y + ghost.h / 2]);
    expect(l.connection!.labelLeft).toBe(false);

    const viaPort = layoutNetwork(
      view({
        at: 0,
        from: { kind: 'host' },
        to: { kind: 'container', containerId: WEB, containerName: 'web', networks: ['pnet'] },
        address: '127.0.0.1',
        port: 8089,
        hops: [{ kind: 'loopback' }, { kind: 'published-port', hostIp: '0.0.0.0', hostPort: 8089, containerPort: 80, via: 'docker-proxy' }, { kind: 'bridge', networkId: 'pnet', networkName: 'pnet' }],
        result: 'connected',
      }),
    );
    const pill = viaPort.host.ports[0]!;
    // It starts at the port, on the pill's lower edge (the container is below).
    const [x, y] = viaPort.connection!.points[0]!;
    expect(y).toBe(pill.y + pill.h);
    expect(x).toBeGreaterThanOrEqual(pill.x);
    expect(x).toBeLessThanOrEqual(pill.x + pill.w);
    expect(viaPort.connection!.points).toHaveLength(2);
    expect(viaPort.connection!.loop).toBeUndefined();
  });

  it('marks a route failure half-way and a refused port at the container', () => {
    const record = (result: 'ETIMEDOUT' | 'ECONNREFUSED', failedAt: 'route' | 'port'): ConnectionRecord => ({
      at: 0,
      from: { kind: 'container', containerId: CLIENT, containerName: 'client', networks: ['pnet'] },
      to: { kind: 'container', containerId: WEB, containerName: 'web', networks: ['pnet'] },
      address: '172.18.0.2',
      port: 80,
      hops: [],
      result,
      failedAt,
    });
    const route = layoutNetwork(view(record('ETIMEDOUT', 'route'))).connection!;
    const [a, b] = route.points;
    expect(route.stop).toEqual([(a![0] + b![0]) / 2, (a![1] + b![1]) / 2]);
    const port = layoutNetwork(view(record('ECONNREFUSED', 'port'))).connection!;
    expect(port.stop).toEqual(port.points.at(-1));
  });

  it('ends at the container on the network whose address was dialled when it is on several', () => {
    const v = view({
      at: 0,
      from: { kind: 'container', containerId: CLIENT, containerName: 'client', networks: ['pnet'] },
      to: { kind: 'container', containerId: WEB, containerName: 'web', networks: ['bridge', 'pnet'] },
      address: '172.18.0.2',
      port: 80,
      hops: [],
      result: 'ETIMEDOUT',
      failedAt: 'route',
    });
    const twice = { ...v, networks: v.networks.map((n) => (n.name === 'bridge' ? { ...n, containers: [member(WEB, 'web', '172.17.0.2')] } : n)) };
    const l = layoutNetwork(twice);
    const pnetWeb = l.networks[1]!.nodes[0]!;
    expect(l.connection!.points.at(-1)).toEqual([pnetWeb.x + pnetWeb.w, pnetWeb.y + pnetWeb.h / 2]);
  });

  it('leaves a box by the edge that faces the point', () => {
    const r = { x: 0, y: 0, w: 100, h: 40 };
    expect(edgeToward(r, [50, 100])).toEqual([50, 40]);
    expect(edgeToward(r, [500, -10])).toEqual([90, 0]);
    expect(edgeToward(r, [200, 20])).toEqual([100, 20]);
    expect(edgeToward(r, [-50, 20])).toEqual([0, 20]);
  });
});
