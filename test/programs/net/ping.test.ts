import { describe, expect, it } from 'vitest';
import { syntheticContent } from '../../../engine/fs/content.ts';
import { makeFile } from '../../../engine/fs/tree.ts';
import type { Box } from '../http/testing.ts';
import { network, runFor } from './testing.ts';

const TIME = /time=\d+\.\d{3} ms/g;

describe('busybox ping', () => {
  it('pings a container on its network -c times, from seq=0, with the statistics', async () => {
    const { container } = network();
    const a = container('alpine:latest', 'a');
    const b = container('busybox:latest', 'b');
    const started = a.clock.now();
    const r = await runFor(a, `ping -c 3 ${b.address}`);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.replace(TIME, 'time=T ms').replace(/= [\d./]+ ms/, '= S ms')).toBe(
      'PING 172.17.0.3 (172.17.0.3): 56 data bytes\n' +
        '64 bytes from 172.17.0.3: seq=0 ttl=64 time=T ms\n' +
        '64 bytes from 172.17.0.3: seq=1 ttl=64 time=T ms\n' +
        '64 bytes from 172.17.0.3: seq=2 ttl=64 time=T ms\n' +
        '\n--- 172.17.0.3 ping statistics ---\n' +
        '3 packets transmitted, 3 packets received, 0% packet loss\n' +
        'round-trip min/avg/max = S ms\n',
    );
    expect(r.stdout).toMatch(/round-trip min\/avg\/max = 0\.\d{3}\/0\.\d{3}\/0\.\d{3} ms\n$/);
    // One request a second: the third goes out two seconds after the first, and its reply ends the run.
    expect(a.clock.now() - started).toBe(2000);
  });

  it('resolves names through /etc/hosts, and words an unknown one as BusyBox does', async () => {
    const { container } = network();
    const a = container('alpine:latest', 'a');
    expect((await runFor(a, 'ping -c 1 localhost')).stdout).toMatch(/^PING localhost \(127\.0\.0\.1\): 56 data bytes\n64 bytes from 127\.0\.0\.1: seq=0 ttl=64 time=0\.\d{3} ms\n/);
    expect(await runFor(a, 'ping -c 1 mongo')).toEqual({ stdout: '', stderr: "ping: bad address 'mongo'\n", status: 1 });
  });

  it('stops on Ctrl-C with the statistics, -q keeps only those', async () => {
    const { container } = network();
    const a = container('alpine:latest', 'a');
    const b = container('alpine:latest', 'b');
    const r = await runFor(a, `ping -q ${b.address}`, 2500);
    expect(r.stdout).toBe(`PING ${b.address} (${b.address}): 56 data bytes\n\n--- ${b.address} ping statistics ---\n3 packets transmitted, 3 packets received, 0% packet loss\n` + r.stdout.slice(r.stdout.indexOf('round-trip')));
    expect(r.stdout).toContain('round-trip min/avg/max = ');
    expect(r.status).toBe(0);
  });

  it('gets no answer from the internet: -w ends it, 100% loss and exit 1', async () => {
    const { container } = network();
    const a = container('busybox:latest', 'a');
    const r = await runFor(a, 'ping -w 3 8.8.8.8');
    expect(r).toEqual({ stdout: 'PING 8.8.8.8 (8.8.8.8): 56 data bytes\n\n--- 8.8.8.8 ping statistics ---\n3 packets transmitted, 0 packets received, 100% packet loss\n', stderr: '', status: 1 });
  });

  it('dies of sendto when nobody holds an address on its own subnet', async () => {
    const { container } = network();
    const a = container('alpine:latest', 'a');
    const r = await runFor(a, 'ping -c 5 172.17.0.99');
    expect(r).toEqual({ stdout: 'PING 172.17.0.99 (172.17.0.99): 56 data bytes\n', stderr: 'ping: sendto: Host is unreachable\n', status: 1 });
  });
});

describe('iputils ping', () => {
  it('counts from icmp_seq=1 and prints its own statistics; an unknown name exits 2', async () => {
    const { container } = network();
    const a = container('debian:bookworm', 'a');
    const b = container('alpine:latest', 'b');
    installPing(a);
    const r = await runFor(a, `ping -c 2 ${b.address}`);
    expect(r.stdout.replace(TIME, 'time=T ms')).toMatch(
      new RegExp(
        '^PING 172\\.17\\.0\\.3 \\(172\\.17\\.0\\.3\\) 56\\(84\\) bytes of data\\.\n' +
          '64 bytes from 172\\.17\\.0\\.3: icmp_seq=1 ttl=64 time=T ms\n' +
          '64 bytes from 172\\.17\\.0\\.3: icmp_seq=2 ttl=64 time=T ms\n' +
          '\n--- 172\\.17\\.0\\.3 ping statistics ---\n' +
          '2 packets transmitted, 2 received, 0% packet loss, time 1003ms\n' +
          'rtt min/avg/max/mdev = \\d\\.\\d{3}/\\d\\.\\d{3}/\\d\\.\\d{3}/\\d\\.\\d{3} ms\n$',
      ),
    );
    expect(r.status).toBe(0);
    expect((await runFor(a, 'ping -c 1 localhost')).stdout).toMatch(/^PING localhost \(127\.0\.0\.1\) 56\(84\) bytes of data\.\n64 bytes from localhost \(127\.0\.0\.1\): icmp_seq=1 /);
    expect(await runFor(a, 'ping mongo')).toEqual({ stdout: '', stderr: 'ping: mongo: Name or service not known\n', status: 2 });
    expect(await runFor(a, 'ping')).toEqual({ stdout: '', stderr: 'ping: usage error: Destination address required\n', status: 2 });
  });

  it('reports Destination Host Unreachable from its own address, with errors and pipe in the statistics', async () => {
    const { container } = network();
    const a = container('debian:bookworm', 'a');
    installPing(a);
    const r = await runFor(a, 'ping -c 3 172.17.0.99');
    expect(r).toEqual({
      stdout:
        'PING 172.17.0.99 (172.17.0.99) 56(84) bytes of data.\n' +
        'From 172.17.0.2 icmp_seq=1 Destination Host Unreachable\n' +
        'From 172.17.0.2 icmp_seq=2 Destination Host Unreachable\n' +
        'From 172.17.0.2 icmp_seq=3 Destination Host Unreachable\n' +
        '\n--- 172.17.0.99 ping statistics ---\n' +
        '3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2005ms\n' +
        'pipe 3\n',
      stderr: '',
      status: 1,
    });
  });

  it('ends on Ctrl-C with the statistics', async () => {
    const { container } = network();
    const a = container('ubuntu:latest', 'a');
    installPing(a);
    const r = await runFor(a, 'ping -q 127.0.0.1', 1500);
    expect(r.stdout).toMatch(/^PING 127\.0\.0\.1 \(127\.0\.0\.1\) 56\(84\) bytes of data\.\n\n--- 127\.0\.0\.1 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1003ms\nrtt /);
    expect(r.status).toBe(0);
  });
});

/** What `apt-get install iputils-ping` leaves: the ping program file. */
function installPing(b: Box): void {
  b.fs.putEntry('/usr/bin/ping', makeFile(syntheticContent('ping', 100, 'ping'), { mode: 0o755 }));
}
