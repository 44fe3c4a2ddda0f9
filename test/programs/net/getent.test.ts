import { describe, expect, it } from 'vitest';
import { syntheticContent } from '../../../engine/fs/content.ts';
import { makeFile } from '../../../engine/fs/tree.ts';
import { network, runFor } from './testing.ts';

function withGetent<T extends { fs: { putEntry(path: string, e: ReturnType<typeof makeFile>): void } }>(b: T): T {
  b.fs.putEntry('/usr/bin/getent', makeFile(syntheticContent('getent', 100, 'getent'), { mode: 0o755 }));
  return b;
}

describe('getent', () => {
  it('hosts: /etc/hosts first (the IPv6 line first, as getent asks AF_INET6 first), padded to 15 columns', async () => {
    const { container } = network();
    const a = withGetent(container('debian:bookworm', 'a'));
    a.fs.writeFile('/etc/hosts', a.fs.readText('/etc/hosts') + '172.17.0.3\tdb 0123456789ab app_db_1\n');
    expect(await runFor(a, 'getent hosts localhost')).toEqual({ stdout: '::1             localhost ip6-localhost ip6-loopback\n', stderr: '', status: 0 });
    expect(await runFor(a, 'getent hosts db')).toEqual({ stdout: '172.17.0.3      db 0123456789ab app_db_1\n', stderr: '', status: 0 });
    expect(await runFor(a, 'getent hosts app_db_1')).toEqual({ stdout: '172.17.0.3      db 0123456789ab app_db_1\n', stderr: '', status: 0 });
    expect(await runFor(a, 'getent hosts 172.17.0.3')).toEqual({ stdout: '172.17.0.3      db 0123456789ab app_db_1\n', stderr: '', status: 0 });
    expect(await runFor(a, 'getent hosts mongo')).toEqual({ stdout: '', stderr: '', status: 2 });
  });

  it('ahosts: each address once per socket type, the canonical name on the first line', async () => {
    const { container } = network();
    const a = withGetent(container('debian:bookworm', 'a'));
    expect((await runFor(a, `getent ahostsv4 ${a.net.hostname}`)).stdout).toBe(
      `172.17.0.2      STREAM ${a.net.hostname}\n172.17.0.2      DGRAM  \n172.17.0.2      RAW    \n`,
    );
    expect((await runFor(a, 'getent ahosts localhost')).stdout).toBe(
      '::1             STREAM localhost\n::1             DGRAM  \n::1             RAW    \n127.0.0.1       STREAM \n127.0.0.1       DGRAM  \n127.0.0.1       RAW    \n',
    );
    expect((await runFor(a, 'getent ahosts nowhere')).status).toBe(2);
  });

  it('passwd and group by name or number; usage errors', async () => {
    const { container } = network();
    const a = withGetent(container('debian:bookworm', 'a'));
    expect(await runFor(a, 'getent passwd root')).toEqual({ stdout: 'root:x:0:0:root:/root:/bin/bash\n', stderr: '', status: 0 });
    expect((await runFor(a, 'getent group 0')).stdout).toBe('root:x:0:\n');
    expect((await runFor(a, 'getent passwd nobody-here')).status).toBe(2);
    expect(await runFor(a, 'getent')).toEqual({ stdout: "Usage: getent [OPTION...] database [key ...]\nTry `getent --help' or `getent --usage' for more information.\n", stderr: 'getent: wrong number of arguments\n', status: 1 });
    expect((await runFor(a, 'getent nosuch x')).status).toBe(1);
  });
});

describe('busybox nslookup', () => {
  it('asks the resolv.conf nameserver for A and AAAA: an A answer, no AAAA', async () => {
    const { container } = network();
    const a = container('alpine:latest', 'a');
    a.fs.writeFile('/etc/resolv.conf', 'nameserver 127.0.0.11\noptions ndots:0\n');
    a.fs.writeFile('/etc/hosts', a.fs.readText('/etc/hosts') + '172.17.0.3\tweb\n');
    expect(await runFor(a, 'busybox nslookup web')).toEqual({
      stdout: 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.17.0.3\n\nNon-authoritative answer:\n*** Can\'t find web: No answer\n\n',
      stderr: '',
      status: 0,
    });
  });

  it('NXDOMAIN for both queries and exit 1 for an unknown name', async () => {
    const { container } = network();
    const a = container('busybox:latest', 'a');
    a.fs.writeFile('/etc/resolv.conf', 'nameserver 10.0.2.3\n');
    expect(await runFor(a, 'nslookup mongo')).toEqual({
      stdout: "Server:\t\t10.0.2.3\nAddress:\t10.0.2.3:53\n\n** server can't find mongo: NXDOMAIN\n\n** server can't find mongo: NXDOMAIN\n\n",
      stderr: '',
      status: 1,
    });
  });
});

describe('hostname -i', () => {
  it("prints the addresses the container's name resolves to, each followed by a space", async () => {
    const { container } = network();
    const a = container('debian:bookworm', 'a');
    expect(await runFor(a, 'hostname -i')).toEqual({ stdout: '172.17.0.2 \n', stderr: '', status: 0 });
    expect(await runFor(container('alpine:latest', 'b'), 'hostname -i')).toEqual({ stdout: '172.17.0.3 \n', stderr: '', status: 0 });
  });
});
