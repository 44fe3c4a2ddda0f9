import { describe, expect, it } from 'vitest';
import { childImageConfig, parentOf, SCRATCH_PARENT } from '../../../engine/build/legacy/image-config.ts';
import { copyRunConfig, emptyRunConfig } from '../../../engine/build/legacy/run-config.ts';

const config = copyRunConfig(emptyRunConfig(), { Env: ['PATH=/bin'], Cmd: ['/bin/sh'], Image: 'sha256:parent' });
const base = {
  architecture: 'amd64',
  os: 'linux',
  history: [{ created: '2025-05-30T12:05:49.000000000Z', created_by: 'ADD rootfs.tar /', comment: 'buildkit.dockerfile.v0' }],
  diffIds: ['sha256:base'],
};

describe('the V1 image config a legacy step commits', () => {
  it('has its top-level keys sorted and keeps the container, its config and the docker version', () => {
    const { json } = childImageConfig(base, {
      containerId: 'c0ffee',
      containerConfig: copyRunConfig(config, { Cmd: ['/bin/sh', '-c', '#(nop) ', 'ENV NODE_ENV=production'] }),
      config,
      created: '2025-07-14T09:00:01.47Z',
      dockerVersion: '28.2.2',
    });
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['architecture', 'config', 'container', 'container_config', 'created', 'docker_version', 'history', 'os', 'rootfs']);
    expect(parsed.container).toBe('c0ffee');
    expect(parsed.docker_version).toBe('28.2.2');
  });

  it('a metadata step adds a two-space #(nop) history line with empty_layer and no rootfs entry', () => {
    const { config: image } = childImageConfig(base, {
      containerId: 'c0ffee',
      containerConfig: copyRunConfig(config, { Cmd: ['/bin/sh', '-c', '#(nop) ', 'ENV NODE_ENV=production'] }),
      config,
      created: '2025-07-14T09:00:01.47Z',
      dockerVersion: '28.2.2',
    });
    expect(image.history.at(-1)).toEqual({ created: '2025-07-14T09:00:01.47Z', created_by: '/bin/sh -c #(nop)  ENV NODE_ENV=production', empty_layer: true });
    expect(image.rootfs.diff_ids).toEqual(['sha256:base']);
    // The parent's history is re-encoded the way Go writes times.
    expect(image.history[0]!.created).toBe('2025-05-30T12:05:49Z');
  });

  it('a COPY has no container, and its layer goes on the rootfs', () => {
    const { json, config: image } = childImageConfig(base, {
      containerConfig: copyRunConfig(config, { Cmd: ['/bin/sh', '-c', '#(nop) COPY file:abc in . '] }),
      config,
      diffId: 'sha256:new',
      created: '2025-07-14T09:00:02Z',
      dockerVersion: '28.2.2',
    });
    expect(json).not.toContain('"container":');
    expect(image.history.at(-1)).toEqual({ created: '2025-07-14T09:00:02Z', created_by: '/bin/sh -c #(nop) COPY file:abc in . ' });
    expect(image.rootfs.diff_ids).toEqual(['sha256:base', 'sha256:new']);
  });

  it('MAINTAINER makes the author, on the image and on the history line', () => {
    const { json } = childImageConfig(SCRATCH_PARENT, {
      containerId: 'c0ffee',
      author: 'Ada <ada@example.com>',
      containerConfig: copyRunConfig(config, { Cmd: ['/bin/sh', '-c', '#(nop) ', 'MAINTAINER Ada <ada@example.com>'] }),
      config,
      created: '2025-07-14T09:00:02Z',
      dockerVersion: '28.2.2',
    });
    expect(json.startsWith('{"architecture":"amd64","author":"Ada \\u003cada@example.com\\u003e","config":')).toBe(true);
    expect(json).toContain('"rootfs":{"type":"layers"}');
    expect(json).toContain('{"created":"2025-07-14T09:00:02Z","created_by":"/bin/sh -c #(nop)  MAINTAINER Ada \\u003cada@example.com\\u003e","author":"Ada \\u003cada@example.com\\u003e","empty_layer":true}');
  });

  it('reads what a child inherits from the parent\'s config bytes', () => {
    const parent = parentOf('{"architecture":"arm64","variant":"v8","os":"linux","os.version":"1","history":[],"rootfs":{"type":"layers","diff_ids":["sha256:a"]}}');
    expect(parent).toEqual({ architecture: 'arm64', variant: 'v8', os: 'linux', osVersion: '1', history: [], diffIds: ['sha256:a'] });
  });
});
