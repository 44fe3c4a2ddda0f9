import { describe, expect, it } from 'vitest';
import { contentSize } from '../../../../engine/fs/content.ts';
import { walk } from '../../../../engine/fs/tree.ts';
import { imageMachine, runIn, type ImageMachine } from '../testing.ts';
import { DOCKER_CLEAN, DOCKER_GZIP_INDEXES } from '../../../../engine/image/catalog/source/os.ts';

/** debian:bookworm as Docker Hub ships it, with the apt settings its real image has. */
function bookworm(): ImageMachine {
  const m = imageMachine('debian:bookworm');
  expect(m.fs.readText('/etc/apt/apt.conf.d/docker-clean')).toBe(DOCKER_CLEAN);
  expect(m.fs.readText('/etc/apt/apt.conf.d/docker-gzip-indexes')).toBe(DOCKER_GZIP_INDEXES);
  return m;
}

function bytesUnder(m: ImageMachine, dir: string): number {
  let n = 0;
  const root = m.fs.entry(dir);
  if (root.type !== 'dir') return 0;
  for (const [, e] of walk(root)) if (e.type === 'file') n += contentSize(e.content);
  return n;
}

const UPDATE = `Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]
Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]
Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]
Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8793 kB]
Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [756 B]
Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [268 kB]
`;

describe('apt-get on debian:bookworm', () => {
  it('cannot find a package before apt-get update: the image ships with empty lists', async () => {
    const m = bookworm();
    const r = await runIn(m, 'apt-get install -y curl');
    expect(r).toMatchObject({ stdout: 'Reading package lists...\nBuilding dependency tree...\nReading state information...\n', stderr: 'E: Unable to locate package curl\n', status: 100 });
  });

  it('update fetches the indexes and leaves them in /var/lib/apt/lists, ~18 MB unless removed in the same step', async () => {
    const m = bookworm();
    const r = await runIn(m, 'apt-get update');
    expect(r.stdout).toMatch(new RegExp(`^${UPDATE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}Fetched 9316 kB in \\d+s \\(\\d+ kB/s\\)\nReading package lists...\n$`));
    expect(r.status).toBe(0);
    expect(m.fs.exists('/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4')).toBe(true);
    expect(bytesUnder(m, '/var/lib/apt/lists')).toBeGreaterThan(17_000_000);
    const again = await runIn(m, 'apt-get update');
    expect(again.stdout).toBe('Hit:1 http://deb.debian.org/debian bookworm InRelease\nHit:2 http://deb.debian.org/debian bookworm-updates InRelease\nHit:3 http://deb.debian.org/debian-security bookworm-security InRelease\nReading package lists...\n');
    await runIn(m, 'rm -rf /var/lib/apt/lists/*');
    expect(bytesUnder(m, '/var/lib/apt/lists')).toBe(0);
  });

  it('installs a package with its dependencies and recommendations, writing real files and dpkg records', async () => {
    const m = bookworm();
    await runIn(m, 'apt-get update');
    const r = await runIn(m, 'apt-get install -y curl');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['Reading package lists...', 'Building dependency tree...', 'Reading state information...', 'The following additional packages will be installed:']);
    expect(r.stdout).toContain('The following NEW packages will be installed:\n  ca-certificates curl krb5-locales');
    expect(r.stdout).toContain('0 upgraded, 21 newly installed, 0 to remove and 0 not upgraded.\n');
    expect(r.stdout).toMatch(/\nNeed to get \d+ kB of archives.\nAfter this operation, \d+(\.\d)? MB of additional disk space will be used.\n/);
    expect(r.stdout).toContain('Get:20 http://deb.debian.org/debian bookworm/main amd64 libcurl4 amd64 7.88.1-10+deb12u12 [391 kB]\n');
    expect(r.stdout).toContain('Selecting previously unselected package curl.\nPreparing to unpack .../20-curl_7.88.1-10+deb12u12_amd64.deb ...\nUnpacking curl (7.88.1-10+deb12u12) ...\n');
    expect(r.stdout).toMatch(/\(Reading database \.\.\. \d+ files and directories currently installed\.\)\n/);
    expect(r.stdout).toContain('Setting up ca-certificates (20230311+deb12u1) ...\nUpdating certificates in /etc/ssl/certs...\n');
    expect(r.stdout).toContain('Processing triggers for libc-bin (2.36-9+deb12u10) ...\n');
    expect(r.stderr).toBe('debconf: delaying package configuration, since apt-utils is not installed\n');
    expect(m.fs.entry('/usr/bin/curl')).toMatchObject({ type: 'file', mode: 0o755, content: { program: 'curl' } });
    expect(m.fs.readText('/usr/share/doc/curl/copyright')).toContain('Upstream-Name: curl');
    expect(m.fs.readText('/var/lib/dpkg/status')).toContain('Package: curl\nStatus: install ok installed\n');
    expect(m.fs.readText('/var/lib/dpkg/info/curl.list')).toContain('/usr/bin/curl\n');
    // docker-clean's hook: no .deb files stay behind.
    expect(m.fs.readdir('/var/cache/apt/archives').filter((f) => f.endsWith('.deb'))).toEqual([]);
    expect(m.fs.exists('/var/cache/apt/pkgcache.bin')).toBe(false);
  });

  it('installs a curl that runs: offline, a name outside the simulated machine does not resolve', async () => {
    const m = bookworm();
    await runIn(m, 'apt-get update && apt-get install -y --no-install-recommends curl');
    const r = await runIn(m, 'curl -fsSL https://example.com');
    expect(r.stderr).toBe('curl: (6) Could not resolve host: example.com\n');
    expect(r.status).toBe(6);
    expect((await runIn(m, 'command -v curl')).stdout).toBe('/usr/bin/curl\n');
  });

  it('without docker-clean (a plain Debian), downloaded archives and the binary caches stay', async () => {
    const m = imageMachine('debian:bookworm');
    m.fs.rm('/etc/apt/apt.conf.d/docker-clean');
    m.fs.rm('/etc/apt/apt.conf.d/docker-gzip-indexes');
    await runIn(m, 'apt-get update && apt-get install -y --no-install-recommends curl');
    expect(m.fs.readdir('/var/cache/apt/archives')).toContain('curl_7.88.1-10+deb12u12_amd64.deb');
    expect(m.fs.exists('/var/cache/apt/pkgcache.bin')).toBe(true);
    // Lists are stored uncompressed without Acquire::GzipIndexes.
    expect(m.fs.exists('/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages')).toBe(true);
    await runIn(m, 'apt-get clean');
    expect(m.fs.readdir('/var/cache/apt/archives').filter((f) => f.endsWith('.deb'))).toEqual([]);
  });

  it('asks before installing more than was asked for, and off a terminal the answer is no', async () => {
    const m = bookworm();
    await runIn(m, 'apt-get update');
    const r = await runIn(m, 'apt-get install curl');
    expect(r.stdout.endsWith('of additional disk space will be used.\nDo you want to continue? [Y/n] Abort.\n')).toBe(true);
    expect(r.status).toBe(1);
    expect(m.fs.exists('/usr/bin/curl')).toBe(false);
    const yes = await runIn(m, 'apt-get install curl', { stdin: 'y\n' });
    expect(yes.status).toBe(0);
    // A package with no new dependencies is installed without asking.
    expect((await runIn(m, 'apt-get install --no-install-recommends less')).status).toBe(0);
  });

  it('lists recommendations it leaves out with --no-install-recommends', async () => {
    const m = bookworm();
    await runIn(m, 'apt-get update');
    const r = await runIn(m, 'apt-get install -y --no-install-recommends wget');
    expect(r.stdout).toContain('Recommended packages:\n  ca-certificates publicsuffix\nThe following NEW packages will be installed:\n  libpsl5 wget\n0 upgraded, 2 newly installed');
  });

  it('says when a package is already installed, and about packages it does not know', async () => {
    const m = bookworm();
    await runIn(m, 'apt-get update');
    const r = await runIn(m, 'apt-get install -y tzdata');
    expect(r.stdout).toContain('tzdata is already the newest version (2025b-0+deb12u1).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    expect(await runIn(m, 'apt-get install -y nope curl')).toMatchObject({ stderr: 'E: Unable to locate package nope\n', status: 100 });
    expect(await runIn(m, 'apt-get install -y curl=1.0')).toMatchObject({ stderr: "E: Version '1.0' for 'curl' was not found\n", status: 100 });
  });

  it('refuses to run as a user other than root', async () => {
    const m = bookworm();
    expect(await runIn(m, 'apt-get update', { uid: 1000, gid: 1000 })).toMatchObject({
      stderr: 'E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n',
      status: 100,
    });
    expect(await runIn(m, 'apt-get install -y curl', { uid: 1000, gid: 1000 })).toMatchObject({
      stderr: 'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n',
      status: 100,
    });
  });

  it('removes packages and points at what is left over', async () => {
    const m = bookworm();
    await runIn(m, 'apt-get update && apt-get install -y --no-install-recommends curl');
    const r = await runIn(m, 'apt-get remove -y curl');
    expect(r.stdout).toContain('The following packages were automatically installed and are no longer required:\n  libbrotli1');
    expect(r.stdout).toContain("Use 'apt-get autoremove' to remove them.\nThe following packages will be REMOVED:\n  curl\n0 upgraded, 0 newly installed, 1 to remove and 0 not upgraded.\n");
    expect(r.stdout).toContain('Removing curl (7.88.1-10+deb12u12) ...\n');
    expect(m.fs.exists('/usr/bin/curl')).toBe(false);
    const auto = await runIn(m, 'apt-get autoremove -y');
    expect(auto.stdout).toContain('Removing libcurl4:amd64 (7.88.1-10+deb12u12) ...\n');
    expect(m.fs.exists('/usr/lib/x86_64-linux-gnu/libcurl.so.4')).toBe(false);
    expect((await runIn(m, 'dpkg -l curl')).status).toBe(1);
  });

  it('is quiet with -qq and warns about apt in scripts', async () => {
    const m = bookworm();
    expect(await runIn(m, 'apt-get -qq update')).toMatchObject({ stdout: '', stderr: '', status: 0 });
    const r = await runIn(m, 'apt install -y --no-install-recommends curl');
    expect(r.stderr.startsWith('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n')).toBe(true);
    expect(r.status).toBe(0);
  });

  it('takes virtual time, stops on Ctrl-C, and prints the same bytes every run', async () => {
    const a = bookworm();
    const b = bookworm();
    const ra = await runIn(a, 'apt-get update && apt-get install -y git');
    const rb = await runIn(b, 'apt-get update && apt-get install -y git');
    expect(ra.stdout).toBe(rb.stdout);
    expect(ra.ms).toBeGreaterThan(1000);
    const c = bookworm();
    const stopped = await runIn(c, 'apt-get update && apt-get install -y build-essential', { interruptAfter: 1500 });
    expect(stopped.status).toBe(130);
  });

  it('dpkg -l shows what is installed', async () => {
    const m = bookworm();
    await runIn(m, 'apt-get update && apt-get install -y --no-install-recommends jq');
    const r = await runIn(m, 'dpkg -l jq libjq1');
    expect(r.stdout).toBe(
      'Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n' +
        '||/ Name           Version      Architecture Description\n' +
        '+++-==============-============-============-====================================================\n' +
        'ii  jq             1.6-2.1      amd64        lightweight and flexible command-line JSON processor\n' +
        'ii  libjq1:amd64   1.6-2.1      amd64        libjq1\n',
    );
    expect((await runIn(m, 'dpkg --print-architecture')).stdout).toBe('amd64\n');
  });
});

describe('apt-get on ubuntu:noble', () => {
  it('fetches from the Ubuntu archive and its pockets', async () => {
    const m = imageMachine('ubuntu:noble');
    const u = await runIn(m, 'apt-get update');
    expect(u.stdout.startsWith('Get:1 http://security.ubuntu.com/ubuntu noble-security InRelease [126 kB]\nGet:2 http://archive.ubuntu.com/ubuntu noble InRelease [256 kB]\n')).toBe(true);
    const r = await runIn(m, 'apt-get install -y --no-install-recommends curl');
    expect(r.stdout).toContain('Get:1 http://archive.ubuntu.com/ubuntu noble/main amd64 libbrotli1 amd64 1.1.0-2build2 [331 kB]\n');
    expect(r.stdout).toContain(' http://archive.ubuntu.com/ubuntu noble-updates/main amd64 curl amd64 8.5.0-2ubuntu10.6 [226 kB]\n');
    expect(r.status).toBe(0);
  });
});
