import { describe, expect, it } from 'vitest';
import { parseRunMount } from '../../../engine/dockerfile/instructions/run-mount.ts';

describe('parseRunMount (BuildKit commands_runmount.go)', () => {
  it('reads a cache mount, read-write by default, keyed by its target unless given an id', () => {
    expect(parseRunMount('type=cache,target=/root/.npm')).toMatchObject({ type: 'cache', target: '/root/.npm', readOnly: false, id: '' });
    expect(parseRunMount('type=cache,id=npm,dst=/root/.npm,sharing=locked,mode=0700,uid=1000')).toMatchObject({ id: 'npm', sharing: 'locked', mode: 0o700, uid: 1000 });
  });

  it('makes bind mounts read-only unless rw is given, and takes src/source and from', () => {
    expect(parseRunMount('type=bind,source=package.json,target=/tmp/p.json')).toMatchObject({ type: 'bind', source: 'package.json', readOnly: true });
    expect(parseRunMount('target=/src,from=build,rw')).toMatchObject({ type: 'bind', from: 'build', readOnly: false });
  });

  it('expands variables in values', () => {
    expect(parseRunMount('type=cache,target=$DIR', (w) => w.replace('$DIR', '/cache'))).toMatchObject({ target: '/cache' });
  });

  it('fails with BuildKit\'s messages and suggestions', () => {
    expect(() => parseRunMount('type=cahce,target=/x')).toThrow('unsupported mount type "cahce" (did you mean cache?)');
    expect(() => parseRunMount('type=cache,targt=/x')).toThrow("unexpected key 'targt' in 'targt=/x' (did you mean target?)");
    expect(() => parseRunMount('type=bind,target=/x,mode=0644')).toThrow('mode not allowed for "bind" type mounts');
    expect(() => parseRunMount('type=tmpfs,target=/x,sharing=locked')).toThrow('invalid cache sharing set for tmpfs mount');
    expect(() => parseRunMount('type=cache,target=/x,mode=9')).toThrow('invalid value 9 for mode');
    expect(() => parseRunMount('type=cache,target=/x,required')).toThrow("unexpected key 'required' for mount type 'cache'");
    expect(() => parseRunMount('type=cache,oops')).toThrow("invalid field 'oops' must be a key=value pair");
    expect(() => parseRunMount('type=secret')).toThrow('invalid secret mount. one of source, target required');
  });
});
