import { describe, expect, it } from 'vitest';
import { imageMachine, runIn } from './packages/testing.ts';

describe('busybox', () => {
  it("runs alpine's /bin/ls, a symlink to /bin/busybox, as the ls applet", async () => {
    const m = imageMachine('alpine:3.21');
    expect(m.fs.readlink('/bin/ls')).toBe('/bin/busybox');
    const r = await runIn(m, '/bin/ls /etc/apk');
    expect(r).toMatchObject({ stdout: 'keys\nrepositories\nworld\n', status: 0 });
    expect((await runIn(m, 'busybox ls /etc/apk')).stdout).toBe('keys\nrepositories\nworld\n');
    // The applet speaks under its own name.
    expect((await runIn(m, 'ls /nope')).stderr).toMatch(/^ls: /);
  });

  it('words a missing file as BusyBox does, where GNU coreutils (Debian images) word it otherwise', async () => {
    const alpine = imageMachine('alpine:3.21');
    expect(await runIn(alpine, 'ls /nope')).toMatchObject({ stderr: 'ls: /nope: No such file or directory\n', status: 1 });
    expect(await runIn(alpine, 'cat /nope')).toMatchObject({ stderr: "cat: can't open '/nope': No such file or directory\n", status: 1 });
    expect(await runIn(alpine, 'rm /nope')).toMatchObject({ stderr: "rm: can't remove '/nope': No such file or directory\n", status: 1 });
    expect(await runIn(alpine, 'mkdir /etc')).toMatchObject({ stderr: "mkdir: can't create directory '/etc': File exists\n", status: 1 });
    const debian = imageMachine('node:20');
    expect(await runIn(debian, 'ls /nope')).toMatchObject({ stderr: "ls: cannot access '/nope': No such file or directory\n", status: 2 });
    expect(await runIn(debian, 'cat /nope')).toMatchObject({ stderr: 'cat: /nope: No such file or directory\n', status: 1 });
  });

  it('is the shell: /bin/sh is ash', async () => {
    const m = imageMachine('alpine:3.21');
    expect(await runIn(m, 'nope')).toMatchObject({ stderr: '/bin/sh: nope: not found\n', status: 127 });
    expect((await runIn(m, "busybox sh -c 'echo $0'")).stdout).toBe('sh\n');
  });

  it('answers for applets it does not have', async () => {
    const m = imageMachine('alpine:3.21');
    expect(await runIn(m, 'busybox nope')).toMatchObject({ stdout: '', stderr: 'nope: applet not found\n', status: 127 });
    expect(await runIn(m, 'busybox __proto__')).toMatchObject({ stdout: '', stderr: '__proto__: applet not found\n', status: 127 });
    // A real applet Dockyard does not simulate, reached through its link.
    expect(await runIn(m, 'netstat -tln')).toMatchObject({ stderr: 'netstat: applet not found\n', status: 127 });
  });

  it('prints its banner and the applets it can run', async () => {
    const m = imageMachine('alpine:3.21');
    const r = await runIn(m, 'busybox');
    expect(r.stdout.startsWith('BusyBox v1.37.0 (')).toBe(true);
    expect(r.stdout).toContain(') multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\n');
    expect(r.stdout).toContain('Currently defined functions:\n\tash, basename, cat, chmod, chown, clear, cp, cut, date, dirname, echo,\n\tegrep,');
    expect(r.stdout.endsWith('xargs\n\n')).toBe(true);
    for (const line of r.stdout.split('\n')) expect(line.replace('\t', '      ').length).toBeLessThan(80);
    expect((await runIn(m, 'busybox --list')).stdout.split('\n')).toContain('sh');
    expect((await runIn(m, 'busybox --list-full')).stdout.split('\n')).toContain('usr/bin/xargs');
    expect((await runIn(imageMachine('alpine:3.20'), 'busybox')).stdout.startsWith('BusyBox v1.36.1 (')).toBe(true);
  });

  it('runs the busybox image, where every tool is busybox', async () => {
    const m = imageMachine('busybox:latest');
    expect(await runIn(m, 'echo hi | wc -c')).toMatchObject({ stdout: '3\n', status: 0 });
  });
});
