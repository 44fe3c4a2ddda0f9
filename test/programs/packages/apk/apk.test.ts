import { describe, expect, it } from 'vitest';
import { listDir } from '../../../../engine/programs/packages/shared/fs-helpers.ts';
import { imageMachine, runIn } from '../testing.ts';

const FETCH = 'fetch https://dl-cdn.alpinelinux.org/alpine/v3.21/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/v3.21/community/x86_64/APKINDEX.tar.gz\n';

describe('apk on alpine:3.21', () => {
  it('adds a package with --no-cache: fetches the indexes, installs, leaves no index behind', async () => {
    const m = imageMachine('alpine:3.21');
    const r = await runIn(m, 'apk add --no-cache curl');
    expect(r.stdout).toBe(
      FETCH +
        '(1/9) Installing brotli-libs (1.1.0-r2)\n(2/9) Installing c-ares (1.34.5-r0)\n(3/9) Installing libunistring (1.2-r0)\n(4/9) Installing libidn2 (2.3.7-r0)\n' +
        '(5/9) Installing libpsl (0.21.5-r3)\n(6/9) Installing nghttp2-libs (1.64.0-r0)\n(7/9) Installing zstd-libs (1.5.6-r2)\n(8/9) Installing libcurl (8.12.1-r1)\n' +
        '(9/9) Installing curl (8.12.1-r1)\nExecuting busybox-1.37.0-r12.trigger\nOK: 12 MiB in 24 packages\n',
    );
    expect(r.status).toBe(0);
    expect(listDir(m.fs, '/var/cache/apk').filter((f) => f.startsWith('APKINDEX'))).toEqual([]);
    expect(m.fs.entry('/usr/bin/curl')).toMatchObject({ type: 'file', content: { program: 'curl' } });
    expect(m.fs.readText('/etc/apk/world').split('\n')).toContain('curl');
    expect(m.fs.readText('/lib/apk/db/installed')).toContain('P:curl\nV:8.12.1-r1\n');
  });

  it('without --no-cache and without apk update it still fetches, and keeps the indexes in /var/cache/apk', async () => {
    const m = imageMachine('alpine:3.21');
    const r = await runIn(m, 'apk add bash');
    expect(r.stdout.startsWith(FETCH)).toBe(true);
    expect(r.stdout).toContain('(4/4) Installing bash (5.2.37-r0)\n  Executing bash-5.2.37-r0.post-install\nExecuting busybox-1.37.0-r12.trigger\n');
    const cached = listDir(m.fs, '/var/cache/apk');
    expect(cached).toHaveLength(2);
    expect(cached.every((f) => /^APKINDEX\.[0-9a-f]{8}\.tar\.gz$/.test(f))).toBe(true);
    // Indexes younger than four hours are reused.
    expect((await runIn(m, 'apk add jq')).stdout.startsWith('(1/2) Installing oniguruma')).toBe(true);
    m.clock.advance(5 * 60 * 60 * 1000);
    expect((await runIn(m, 'apk add nano')).stdout.startsWith(FETCH)).toBe(true);
  });

  it('apk update says what it fetched', async () => {
    const m = imageMachine('alpine:3.21');
    const r = await runIn(m, 'apk update');
    expect(r.stdout).toMatch(new RegExp(`^${FETCH.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}v3\\.21\\.\\S+ \\[https://dl-cdn\\.alpinelinux\\.org/alpine/v3\\.21/main\\]\nv3\\.21\\.\\S+ \\[https://dl-cdn\\.alpinelinux\\.org/alpine/v3\\.21/community\\]\nOK: \\d+ distinct packages available\n$`));
  });

  it('names packages it cannot find', async () => {
    const m = imageMachine('alpine:3.21');
    const r = await runIn(m, 'apk add --no-cache nope');
    expect(r.stderr).toBe('ERROR: unable to select packages:\n  nope (no such package):\n    required by: world[nope]\n');
    expect(r.status).toBe(1);
    expect(m.fs.readText('/etc/apk/world')).not.toContain('nope');
  });

  it('installs build dependencies as a virtual package and deletes them all with it', async () => {
    const m = imageMachine('alpine:3.21');
    const add = await runIn(m, 'apk add --no-cache --virtual .build-deps gcc make');
    expect(add.stdout).toMatch(/\(14\/14\) Installing \.build-deps \(20250714\.\d{6}\)\n/);
    expect(m.fs.readText('/etc/apk/world')).toContain('.build-deps\n');
    expect(m.fs.exists('/usr/bin/gcc')).toBe(true);
    const del = await runIn(m, 'apk del .build-deps');
    expect(del.stdout).toMatch(/^\(1\/14\) Purging \.build-deps \(20250714\.\d{6}\)\n/);
    expect(del.stdout.endsWith('OK: 7 MiB in 15 packages\n')).toBe(true);
    expect(m.fs.exists('/usr/bin/gcc')).toBe(false);
    expect(await runIn(m, 'apk del nope')).toMatchObject({ stderr: 'ERROR: No such package: nope\n', status: 1 });
  });

  it('needs root', async () => {
    const m = imageMachine('alpine:3.21');
    expect(await runIn(m, 'apk add curl', { uid: 1000, gid: 1000 })).toMatchObject({
      stderr: 'ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n',
      status: 99,
    });
  });

  it('apk info lists installed packages', async () => {
    const m = imageMachine('alpine:3.21');
    expect((await runIn(m, 'apk info')).stdout.split('\n')).toContain('musl');
    expect((await runIn(m, 'apk info -e curl')).status).toBe(1);
  });
});
