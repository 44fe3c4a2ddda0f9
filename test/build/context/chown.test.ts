import { describe, expect, it } from 'vitest';
import { parseChmod } from '../../../engine/build/context/chmod.ts';
import { resolveChown } from '../../../engine/build/context/chown.ts';
import { tree } from './helpers.ts';

const rootfs = tree({
  'etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nnode:x:1000:1000::/home/node:/bin/bash\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n',
  'etc/group': 'root:x:0:\nstaff:x:50:\nnode:x:1000:\n',
});

describe('resolveChown', () => {
  it.each([
    ['node', 1000, 1000],
    ['node:staff', 1000, 50],
    ['www-data:node', 33, 1000],
    ['1001', 1001, 1001],
    ['1001:50', 1001, 50],
    ['node:7', 1000, 7],
  ])('%s is %i:%i', (spec, uid, gid) => {
    expect(resolveChown(spec, rootfs)).toEqual({ uid, gid });
  });

  it("fails with moby/sys/user's messages for unknown names", () => {
    expect(() => resolveChown('app', rootfs)).toThrow('unable to find user app: no matching entries in passwd file');
    expect(() => resolveChown('node:wheel', rootfs)).toThrow('unable to find group wheel: no matching entries in group file');
    expect(() => resolveChown('node', tree({}))).toThrow('unable to find user node: no matching entries in passwd file');
    expect(resolveChown('0:0', tree({}))).toEqual({ uid: 0, gid: 0 });
  });
});

describe('parseChmod', () => {
  it('replaces the permission bits with an octal value', () => {
    expect(parseChmod('755')(0o644, false)).toBe(0o755);
    expect(parseChmod('0600')(0o755, true)).toBe(0o600);
  });

  it('applies a symbolic value to each mode, without a umask', () => {
    expect(parseChmod('u+x')(0o644, false)).toBe(0o744);
    expect(parseChmod('+x')(0o644, false)).toBe(0o755);
    expect(parseChmod('go-rwx')(0o755, true)).toBe(0o700);
    expect(parseChmod('a=rX')(0o644, false)).toBe(0o444);
    expect(parseChmod('a=rX')(0o700, true)).toBe(0o555);
  });

  it("refuses anything else with BuildKit's message", () => {
    expect(() => parseChmod('rwx')).toThrow("invalid chmod parameter: 'rwx'. it should be octal string and between 0 and 07777");
  });
});
