import { describe, expect, it } from 'vitest';
import { createMachine, type Terminal } from '../../engine/index.ts';
import type { ConnectionRecord } from '../../engine/network/connection.ts';
import { describeConnection } from '../../engine/network/views.ts';

async function run(terminal: Terminal, line: string): Promise<string> {
  let out = '';
  await terminal.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  return out;
}

describe('the network view', () => {
  it('has the three default networks, no containers, no published ports and no connection yet', () => {
    const view = createMachine({ mode: 'headless' }).views.network();
    expect(view.host).toEqual({ name: 'dockyard', published: [] });
    expect(view.networks.map((n) => [n.name, n.driver, n.dns, n.subnet ?? ''])).toEqual([
      ['bridge', 'bridge', false, '172.17.0.0/16'],
      ['host', 'host', false, ''],
      ['none', 'null', false, ''],
    ]);
    expect(view.networks.every((n) => n.containers.length === 0)).toBe(true);
    expect(view.lastConnection).toBeUndefined();
  });

  it('puts containers in their networks with addresses and DNS names, published ports on the host, and the last connection', async () => {
    const machine = createMachine({ mode: 'headless' });
    const t = machine.openTerminal();
    await run(t, 'docker network create pnet');
    await run(t, 'docker run -d --name pweb --network pnet --network-alias web -p 8089:80 nginx');
    await run(t, 'docker run -d --name other nginx');
    await run(t, 'docker network connect bridge pweb');
    await run(t, 'docker run --rm --network pnet curlimages/curl -s -o /dev/null pweb');
    const view = machine.views.network();
    const pnet = view.networks.find((n) => n.name === 'pnet')!;
    expect(pnet).toMatchObject({ driver: 'bridge', dns: true, internal: false, subnet: '172.18.0.0/16', gateway: '172.18.0.1' });
    expect(pnet.containers).toEqual([{ containerId: expect.any(String), containerName: 'pweb', ipAddress: '172.18.0.2', dnsNames: ['pweb', 'web'], alsoOn: ['bridge'] }]);
    const bridge = view.networks.find((n) => n.name === 'bridge')!;
    // The default bridge has no DNS: nobody there can be reached by name.
    expect(bridge.containers.map((c) => [c.containerName, c.dnsNames, c.alsoOn])).toEqual([
      ['pweb', [], ['pnet']],
      ['other', [], []],
    ]);
    expect(view.host.published.map((p) => [p.containerName, p.label])).toEqual([['pweb', '0.0.0.0:8089 -> 80/tcp']]);
    const last = view.lastConnection!;
    expect(last).toMatchObject({ ok: true, fromName: expect.any(String), toName: 'pweb', outcome: 'connected' });
    expect(last.title).toMatch(/ → pweb:80$/);
    expect(last.steps).toEqual(['"pweb" resolved to 172.18.0.2 by the embedded DNS server (127.0.0.11)', "across the pnet network's bridge", 'pweb accepted the connection on port 80']);

    await run(t, 'docker run --rm busybox wget -qO- pweb');
    const failed = machine.views.network().lastConnection!;
    expect(failed).toMatchObject({ ok: false, outcome: 'ENOTFOUND (at DNS)' });
    expect(failed.steps).toEqual(['"pweb" did not resolve: the default bridge has no DNS for container names', 'ENOTFOUND: no address to connect to']);
  });
});

describe('a connection in words', () => {
  const base = { at: 0, port: 80, hops: [] } as const;
  const client = { kind: 'container', containerId: 'c'.repeat(64), containerName: 'client', networks: ['bridge'] } as const;
  const web = { kind: 'container', containerId: 'w'.repeat(64), containerName: 'web', networks: ['pnet'] } as const;

  it('says where a connection to another network stopped', () => {
    const r: ConnectionRecord = { ...base, from: client, address: '172.18.0.2', to: web, result: 'ETIMEDOUT', failedAt: 'route' };
    expect(describeConnection(r)).toMatchObject({
      title: 'client → 172.18.0.2:80',
      outcome: 'ETIMEDOUT (on the way)',
      ok: false,
      steps: ['ETIMEDOUT: no route from client (on bridge) to 172.18.0.2 (web on pnet); the packets are dropped'],
    });
  });

  it('follows the host through a published port to the container', () => {
    const r: ConnectionRecord = {
      ...base,
      port: 8089,
      from: { kind: 'host' },
      name: 'localhost',
      resolvedBy: 'hosts',
      address: '127.0.0.1',
      hops: [{ kind: 'loopback' }, { kind: 'published-port', hostIp: '0.0.0.0', hostPort: 8089, containerPort: 80, via: 'docker-proxy' }, { kind: 'bridge', networkId: 'x', networkName: 'bridge' }],
      to: web,
      result: 'connected',
    };
    expect(describeConnection(r).steps).toEqual([
      '"localhost" resolved to 127.0.0.1 by /etc/hosts',
      'stays inside the host (loopback)',
      'host port 0.0.0.0:8089: docker-proxy dials container port 80',
      "across the bridge network's bridge",
      'web accepted the connection on port 80',
    ]);
  });

  it('names the port nothing listens on, and a wait still going on', () => {
    const refused = describeConnection({ ...base, port: 3000, from: web, address: '127.0.0.1', hops: [{ kind: 'loopback' }], to: web, result: 'ECONNREFUSED', failedAt: 'port' });
    expect(refused.outcome).toBe('ECONNREFUSED (at the port)');
    expect(refused.steps.at(-1)).toBe('ECONNREFUSED: nothing listens on port 3000 in web');
    const pending = describeConnection({ ...base, from: client, address: '172.18.0.2', to: web, result: 'pending' });
    expect(pending).toMatchObject({ ok: false, outcome: 'pending', steps: ['no answer: no route from client (on bridge) to 172.18.0.2 (web on pnet); the kernel keeps retrying…'] });
    const aborted = describeConnection({ ...base, from: client, address: '172.18.0.2', to: web, result: 'aborted', failedAt: 'route' });
    expect(aborted.steps).toEqual(['the client gave up: no route from client (on bridge) to 172.18.0.2 (web on pnet)']);
  });
});
