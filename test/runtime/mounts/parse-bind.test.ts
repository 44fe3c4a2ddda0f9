import { describe, expect, it } from 'vitest';
import { isDockerError } from '../../../engine/core/errors.ts';
import { parseBind } from '../../../engine/runtime/mounts/parse-bind.ts';

function outcome(raw: string): unknown {
  try {
    return parseBind(raw);
  } catch (e) {
    if (isDockerError(e)) return e.message;
    throw e;
  }
}

// moby volume/mounts/linux_parser.go ParseMountRaw, as the daemon answers a `-v` string.
describe('parseBind (-v as the daemon reads it)', () => {
  it.each([
    ['data:/data', { type: 'volume', source: 'data', target: '/data', readOnly: false, mode: '' }],
    ['data:/data:ro', { type: 'volume', source: 'data', target: '/data', readOnly: true, mode: 'ro' }],
    ['data:/data:nocopy', { type: 'volume', source: 'data', target: '/data', readOnly: false, mode: 'nocopy', noCopy: true }],
    ['/srv:/app', { type: 'bind', source: '/srv', target: '/app', readOnly: false, mode: '', createSource: true }],
    ['/srv:/app:ro,z', { type: 'bind', source: '/srv', target: '/app', readOnly: true, mode: 'ro,z', createSource: true }],
  ])('%s', (raw, expected) => {
    expect(outcome(raw)).toEqual(expected);
  });

  it.each([
    ['/data:rw', "Error response from daemon: invalid volume specification: '/data:rw'"],
    ['a:b', `Error response from daemon: invalid volume specification: 'a:b': invalid mount config for type "volume": invalid mount path: 'b' mount path must be absolute`],
    ['/a:/b:zz', 'Error response from daemon: invalid mode: zz'],
    ['/a:/b:ro,rw', 'Error response from daemon: invalid mode: ro,rw'],
    ['/a:/', `Error response from daemon: invalid volume specification: '/a:/': invalid mount config for type "bind": invalid specification: destination can't be '/'`],
    ['/a:/b:ro:x', "Error response from daemon: invalid volume specification: '/a:/b:ro:x'"],
  ])('%s is refused', (raw, message) => {
    expect(outcome(raw)).toBe(message);
  });
});
