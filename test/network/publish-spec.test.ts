import { describe, expect, it } from 'vitest';
import { parsePublishSpecs, publishAllMappings } from '../../engine/network/publish-spec.ts';

describe('-p parsing', () => {
  it('reads every form the client accepts', () => {
    expect(parsePublishSpecs(['8080:80'])).toEqual([{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' }]);
    expect(parsePublishSpecs(['127.0.0.1:8080:80'])).toEqual([{ containerPort: 80, proto: 'tcp', hostIp: '127.0.0.1', hostPort: '8080' }]);
    expect(parsePublishSpecs(['80'])).toEqual([{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '' }]);
    expect(parsePublishSpecs(['8080:80/UDP'])[0]!.proto).toBe('udp');
    expect(parsePublishSpecs(['8000-8001:80-81']).map((m) => [m.hostPort, m.containerPort])).toEqual([
      ['8000', 80],
      ['8001', 81],
    ]);
    // A host range for one container port is where a free port is picked.
    expect(parsePublishSpecs(['8000-8010:80'])[0]!.hostPort).toBe('8000-8010');
    expect(parsePublishSpecs(['[::1]:8080:80'])[0]!.hostIp).toBe('::1');
    expect(parsePublishSpecs(['published=8080,target=80'])[0]).toEqual({ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' });
  });

  // Each message below is what the real docker 28.2.2 client printed after `docker: ` for `docker run -p <spec> alpine`.
  it.each([
    ['99999:80', 'invalid hostPort: 99999'],
    ['65536:80', 'invalid hostPort: 65536'],
    ['+80:80', 'invalid hostPort: +80'],
    ['80-79:80', 'invalid hostPort: 80-79'],
    ['abc:80/xyz', 'invalid hostPort: abc'],
    ['8080:abc', 'invalid containerPort: abc'],
    [' 80', 'invalid containerPort:  80'],
    ['8080:80/xyz', 'invalid proto: xyz'],
    ['8080:', 'no port specified: 8080:<empty>'],
    ['', 'no port specified: <empty>'],
    ['1.2.3:8080:80', 'invalid IP address: 1.2.3'],
    ['1.2.3:8080:', 'invalid IP address: 1.2.3'],
    ['a:b:c:d', 'invalid IP address: a:b'],
    ['localhost:8080:80', 'invalid IP address: localhost'],
    ['8000-8002:80-81', 'invalid ranges specified for container and host Ports: 80-81 and 8000-8002'],
    ['8000:80-81', 'invalid ranges specified for container and host Ports: 80-81 and 8000'],
    ['target=80,x', "invalid publish opts format (should be name=value but got 'x')"],
    ['published=8080', 'no port specified: 8080:/tcp<empty>'],
  ])('refuses %j as the client does', (spec, message) => {
    expect(() => parsePublishSpecs([spec])).toThrow(message);
    try {
      parsePublishSpecs([spec]);
    } catch (e) {
      expect((e as Error).message).toBe(message);
    }
  });

  it('accepts what the client lets through', () => {
    for (const spec of ['8000-8001-8002:80', '080:80', '::80', '8080:80/', '8080:80/tcp/x', '0:80', '8080:80/sctp', '::1:8080:80']) {
      expect(() => parsePublishSpecs([spec])).not.toThrow();
    }
  });

  it('publishes every exposed port on a random host port for -P', () => {
    expect(publishAllMappings(['27017/tcp', '53/udp'])).toEqual([
      { containerPort: 27017, proto: 'tcp', hostIp: '', hostPort: '' },
      { containerPort: 53, proto: 'udp', hostIp: '', hostPort: '' },
    ]);
  });
});
