import { describe, expect, it } from 'vitest';
import { parseMountOption } from '../../engine/cli/mount-option.ts';

function outcome(value: string): unknown {
  try {
    return parseMountOption(value, '/home/student/project');
  } catch (e) {
    return (e as Error).message;
  }
}

// docker/cli opts/mount.go: what the client checks before the daemon sees a --mount.
describe('parseMountOption (--mount as the client reads it)', () => {
  it.each([
    ['type=volume,src=data,dst=/data', { type: 'volume', source: 'data', target: '/data', readOnly: false }],
    ['target=/data', { type: 'volume', source: '', target: '/data', readOnly: false }],
    ['type=bind,source=./src,target=/app,readonly', { type: 'bind', source: '/home/student/project/src', target: '/app', readOnly: true }],
    ['type=volume,src=v,dst=/v,volume-nocopy', { type: 'volume', source: 'v', target: '/v', readOnly: false, noCopy: true }],
    ['type=tmpfs,dst=/t,tmpfs-size=64m', { type: 'tmpfs', source: '', target: '/t', readOnly: false, tmpfs: { sizeBytes: 64 * 1024 * 1024 } }],
    ['"type=bind","src=/a,b",dst=/x', { type: 'bind', source: '/a,b', target: '/x', readOnly: false }],
  ])('%s', (value, expected) => {
    expect(outcome(value)).toEqual(expected);
  });

  it.each([
    ['type=volume,source=a', 'target is required'],
    ['type=volume,src=a,dst=/x,bogus=1', "unexpected key 'bogus' in 'bogus=1'"],
    ['type=volume,src=a,dst=/x,readonly=maybe', 'invalid value for readonly: maybe'],
    ['type=volume,dst=/x,nonsense', "invalid field 'nonsense' must be a key=value pair"],
    ['type=bind,src=/a,dst=/x,volume-nocopy', "cannot mix 'volume-*' options with mount type 'bind'"],
    ['type=,dst=/x', 'type is required'],
  ])('%s is refused: %s', (value, message) => {
    expect(outcome(value)).toBe(message);
  });
});
