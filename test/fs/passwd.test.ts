import { describe, expect, it } from 'vitest';
import { buildTree, makeFile } from '../../engine/fs/tree.ts';
import { resolveUser } from '../../engine/fs/passwd.ts';

const root = buildTree([
  { path: '/etc/passwd', entry: makeFile('root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n') },
  { path: '/etc/group', entry: makeFile('root:x:0:\nstaff:x:50:\nnode:x:1000:\n') },
]);

describe('resolveUser (USER for RUN steps and containers)', () => {
  it('resolves names through passwd and group, numbers as they are', () => {
    expect(resolveUser(root, 'node')).toEqual({ uid: 1000, gid: 1000 });
    expect(resolveUser(root, 'node:staff')).toEqual({ uid: 1000, gid: 50 });
    expect(resolveUser(root, '1000')).toEqual({ uid: 1000, gid: 1000 });
    // A uid passwd does not list runs with group 0, unlike COPY --chown's uid:uid.
    expect(resolveUser(root, '4242')).toEqual({ uid: 4242, gid: 0 });
    expect(resolveUser(root, '')).toEqual({ uid: 0, gid: 0 });
  });

  it('fails as runc does for a name the image does not know', () => {
    expect(() => resolveUser(root, 'nobody2')).toThrow('unable to find user nobody2: no matching entries in passwd file');
    expect(() => resolveUser(root, 'node:nogroup')).toThrow('unable to find group nogroup: no matching entries in group file');
  });
});
