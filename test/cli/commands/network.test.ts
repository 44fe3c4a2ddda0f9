import { describe, expect, it } from 'vitest';
import { catalogRunner } from './runner.ts';

describe('docker network create, ls, rm', () => {
  it('creates user networks from 172.18/16 up, lists them by name with the built-ins, removes them by name', async () => {
    const run = catalogRunner();
    const created = await run('docker network create my_custom_network');
    expect(created.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    const id = created.stdout.trim();
    const ls = await run('docker network ls');
    const lines = ls.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('NETWORK ID     NAME                DRIVER    SCOPE');
    expect(lines.map((l) => l.split(/\s+/)[1])).toEqual(['ID', 'bridge', 'host', 'my_custom_network', 'none']);
    expect(lines[3]).toBe(`${id.slice(0, 12)}   my_custom_network   bridge    local`);
    expect((await run("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' my_custom_network")).stdout).toBe('172.18.0.0/16 172.18.0.1\n');
    expect((await run('docker network create my_custom_network')).stderr).toBe('Error response from daemon: network with name my_custom_network already exists\n');
    expect((await run('docker network ls -q --no-trunc --filter type=custom')).stdout).toBe(`${id}\n`);
    expect((await run("docker network ls --filter driver=null --format '{{.Name}}'")).stdout).toBe('none\n');
    expect((await run("docker network ls --filter name=my --format '{{.Name}}'")).stdout).toBe('my_custom_network\n');
    expect((await run('docker network rm my_custom_network')).stdout).toBe('my_custom_network\n');
    expect(await run('docker network rm bridge nope')).toMatchObject({
      stderr: 'Error response from daemon: bridge is a pre-defined network and cannot be removed\nError response from daemon: network nope not found\n',
      exitCode: 1,
    });
    expect((await run('docker network create --gateway 10.1.0.1 x')).stderr).toBe('every ip-range or gateway must have a corresponding subnet\n');
  });

  it('accepts the hidden --net spelling of --network, as old tutorials write it', async () => {
    const run = catalogRunner();
    await run('docker run -d --name onhost --net=host alpine sleep 100');
    expect((await run("docker inspect -f '{{.HostConfig.NetworkMode}}' onhost")).stdout).toBe('host\n');
    expect((await run('docker run --help')).stdout).not.toContain('--net ');
  });

  it('refuses rm while a container runs on the network; prune removes only unused custom networks', async () => {
    const run = catalogRunner();
    await run('docker network create used');
    await run('docker network create spare');
    const id = (await run('docker run -d --name web --network used alpine sleep 100')).stdout.trim();
    expect((await run('docker network rm used')).stderr).toBe(
      `Error response from daemon: error while removing network: network used has active endpoints (name:"web" id:"${id.slice(0, 12)}")\n`,
    );
    expect((await run('docker network prune -f')).stdout).toBe('Deleted Networks:\nspare\n\n');
    expect((await run('docker network prune -f')).stdout).toBe('');
    await run('docker stop -t 0 web');
    expect((await run('docker network rm used')).stdout).toBe('used\n');
  });
});

describe('docker network inspect', () => {
  it("prints Engine 28's network.Inspect: IPAM in struct order, running containers with their CIDR address, labels", async () => {
    const run = catalogRunner();
    const id = (await run('docker network create --label team=a --internal n1')).stdout.trim();
    const box = (await run('docker run -d --name box --network n1 alpine sleep 100')).stdout.trim();
    const [n] = JSON.parse((await run('docker network inspect n1')).stdout) as [Record<string, unknown>];
    expect(Object.keys(n)).toEqual(['Name', 'Id', 'Created', 'Scope', 'Driver', 'EnableIPv4', 'EnableIPv6', 'IPAM', 'Internal', 'Attachable', 'Ingress', 'ConfigFrom', 'ConfigOnly', 'Containers', 'Options', 'Labels']);
    expect(n).toMatchObject({ Name: 'n1', Id: id, Driver: 'bridge', Internal: true, Options: {}, Labels: { team: 'a' } });
    expect(JSON.stringify(n.IPAM)).toBe('{"Driver":"default","Options":{},"Config":[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]}');
    expect(n.Containers).toEqual({ [box]: expect.objectContaining({ Name: 'box', IPv4Address: '172.18.0.2/16', IPv6Address: '' }) });
    const bridge = await run("docker network inspect -f '{{json .IPAM}} {{index .Options \"com.docker.network.bridge.name\"}}' bridge");
    expect(bridge.stdout).toBe('{"Driver":"default","Options":null,"Config":[{"Subnet":"172.17.0.0/16","Gateway":"172.17.0.1"}]} docker0\n');
    expect((await run("docker inspect -f '{{.Name}}' n1")).stdout).toBe('n1\n');
    expect(await run('docker network inspect nope')).toMatchObject({ stdout: '[]\n', stderr: 'Error response from daemon: network nope not found\n', exitCode: 1 });
  });
});

describe('containers on user networks', () => {
  it('are reachable by name, alias, short ID and hostname through 127.0.0.11; resolv.conf and hosts as Docker 28 writes them', async () => {
    const run = catalogRunner();
    await run('docker network create app');
    const id = (await run('docker run -d --name db --network app --network-alias database alpine sleep 100')).stdout.trim();
    await run('docker run -d --name web --network app --hostname webby alpine sleep 100');
    const resolv = (await run('docker exec web cat /etc/resolv.conf')).stdout;
    expect(resolv).toContain('nameserver 127.0.0.11\n');
    expect(resolv).toContain('# ExtServers: [10.0.2.3]\n');
    const hosts = (await run('docker exec web cat /etc/hosts')).stdout;
    expect(hosts).toContain('172.18.0.3\twebby\n');
    expect(hosts).not.toContain('db');
    const ps = await run("docker ps --format '{{.Names}} {{.Networks}}'");
    expect(ps.stdout).toBe('web app\ndb app\n');
    const inspect = await run(`docker network inspect -f '{{range .Containers}}{{.Name}}={{.IPv4Address}} {{end}}' app`);
    expect(inspect.stdout).toBe('db=172.18.0.2/16 web=172.18.0.3/16 \n');
    const dns = await run("docker inspect -f '{{json .NetworkSettings.Networks.app.DNSNames}} {{json .NetworkSettings.Networks.app.Aliases}}' db");
    expect(dns.stdout).toBe(`["db","database","${id.slice(0, 12)}"] ["database"]\n`);
  });

  it('connects and disconnects running and stopped containers; the membership is kept for the next start', async () => {
    const run = catalogRunner();
    await run('docker network create n1');
    await run('docker network create n2');
    await run('docker run -d --name box --network n1 alpine sleep 100');
    expect(await run('docker network connect --alias extra n2 box')).toMatchObject({ stdout: '', exitCode: 0 });
    expect((await run("docker ps --format '{{.Networks}}'")).stdout).toBe('n1,n2\n');
    expect((await run("docker inspect -f '{{.NetworkSettings.Networks.n2.IPAddress}}' box")).stdout).toBe('172.19.0.2\n');
    expect((await run('docker network connect n2 box')).stderr).toBe('Error response from daemon: endpoint with name box already exists in network n2\n');
    await run('docker stop -t 0 box');
    await run('docker network disconnect n1 box');
    await run('docker start box');
    expect((await run("docker ps --format '{{.Networks}}'")).stdout).toBe('n2\n');
    const id = (await run("docker inspect -f '{{.Id}}' box")).stdout.trim();
    expect((await run('docker network disconnect n1 box')).stderr).toBe(`Error response from daemon: container ${id} is not connected to network n1\n`);
    await run('docker stop -t 0 box');
    expect((await run('docker network disconnect n1 box')).stderr).toBe(`Error response from daemon: container ${id} is not connected to the network n1\n`);
    expect((await run('docker network connect --alias x bridge box')).stderr).toBe('Error response from daemon: invalid endpoint settings:\nnetwork-scoped aliases are only supported for user-defined networks\n');
    expect((await run('docker network connect host box')).stderr).toBe('Error response from daemon: container cannot be disconnected from host network or connected to host network\n');
  });

  it('rewrites a running container\'s /etc/hosts and resolv.conf when it joins and leaves a user network', async () => {
    const run = catalogRunner();
    await run('docker network create app');
    await run('docker run -d --name web --hostname web alpine sleep 100');
    expect((await run('docker exec web cat /etc/resolv.conf')).stdout).not.toContain('127.0.0.11');
    await run('docker network connect app web');
    expect((await run('docker exec web cat /etc/hosts')).stdout).toContain('172.17.0.2\tweb\n172.18.0.2\tweb\n');
    expect((await run('docker exec web cat /etc/resolv.conf')).stdout).toContain('nameserver 127.0.0.11\n');
    await run('docker network disconnect app web');
    expect((await run('docker exec web cat /etc/hosts')).stdout).not.toContain('172.18.0.2');
  });

  it('refuses --ip where Docker does, and takes it on a network with a --subnet', async () => {
    const run = catalogRunner();
    await run('docker network create auto');
    await run('docker network create --subnet 172.30.0.0/16 fixed');
    expect((await run('docker run -d --ip 172.17.0.9 alpine true')).stderr).toContain('user specified IP address is supported on user defined networks only');
    expect((await run('docker run -d --network auto --ip 172.18.0.9 alpine true')).stderr).toContain('user specified IP address is supported only when connecting to networks with user configured subnets');
    await run('docker run -d --name fx --network fixed --ip 172.30.0.42 alpine sleep 100');
    expect((await run("docker inspect -f '{{.NetworkSettings.Networks.fixed.IPAddress}} {{.NetworkSettings.Networks.fixed.IPAMConfig.IPv4Address}}' fx")).stdout).toBe('172.30.0.42 172.30.0.42\n');
    expect((await run('docker run --network a --network a alpine true')).stderr).toBe(`docker: network "a" is specified multiple times\n\nRun 'docker run --help' for more information\n`);
  });
});
