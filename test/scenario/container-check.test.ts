import { beforeAll, describe, expect, it } from 'vitest';
import { check, stateAfter, type State } from './helpers.ts';

describe('container check', () => {
  let state: State;
  beforeAll(async () => {
    state = await stateAfter(
      [
        'docker network create appnet',
        'docker volume create data',
        'docker run -d --name db --network appnet -e MODE=prod --restart unless-stopped -v data:/data/db -v /var/cache alpine sleep 1000',
        'docker run -d --name web -p 8080:80 nginx',
        'docker run -d --name other --tmpfs /scratch -v "$PWD:/src" alpine:3.20 sleep 1000',
        'docker run --name done alpine true',
      ].join('\n'),
    );
  }, 120_000);

  it('finds a running container by name and image', async () => {
    expect(await check({ container: 'db', running: true, image: 'alpine' }, state)).toEqual({ passed: true, message: '' });
    expect((await check({ container: 'done', running: true }, state)).message).toBe('container done is not running (exited, exit code 0)');
    expect((await check({ container: 'nope' }, state)).message).toMatch(/^there is no container named nope \(containers: db, done, other, web\)$/);
  });

  it('accepts any tag of a repository when the check names none, and tells a wrong image', async () => {
    expect((await check({ container: 'other', image: 'alpine' }, state)).passed).toBe(true);
    expect((await check({ container: 'other', image: 'alpine:3.19' }, state)).message).toBe('container other runs alpine:3.20, not alpine:3.19');
    expect((await check({ container: { image: 'nginx' }, publishes: 80 }, state)).passed).toBe(true);
    expect((await check({ container: { image: 'redis' } }, state)).message).toMatch(/^no container runs from redis/);
  });

  it('tells mount types apart and says what is there instead', async () => {
    expect((await check({ container: 'db', mount: { target: '/data/db' } }, state)).passed).toBe(true);
    expect((await check({ container: 'db', mount: { target: '/data/db', type: 'bind' } }, state)).message).toBe('container db has a volume (data) at /data/db; expected a bind mount there');
    expect((await check({ container: 'db', mount: { target: '/data' } }, state)).message).toBe('container db has no mount at /data; it has a volume (data) at /data/db');
    expect((await check({ container: 'db', mount: { target: '/var/cache' } }, state)).message).toBe(
      'container db has an anonymous volume at /var/cache: a new container gets a new, empty one; expected a named volume or a bind mount there',
    );
    expect((await check({ container: 'db', mount: { target: '/var/cache', type: 'anonymous' } }, state)).passed).toBe(true);
    expect((await check({ container: 'other', mount: { target: '/src', type: 'bind' } }, state)).passed).toBe(true);
    expect((await check({ container: 'other', mount: { target: '/scratch', type: 'tmpfs' } }, state)).passed).toBe(true);
  });

  it('checks published ports, networks, env and restart policy', async () => {
    expect((await check({ container: 'web', publishes: '8080:80' }, state)).passed).toBe(true);
    expect((await check({ container: 'web', publishes: '9090:80' }, state)).message).toBe('container web does not publish 9090:80 (it publishes 8080->80/tcp); expected host port 9090 published to container port 80');
    expect((await check({ container: 'db', publishes: 27017 }, state)).message).toMatch(/it publishes no ports/);
    expect((await check({ container: 'db', network: 'user-defined' }, state)).passed).toBe(true);
    expect((await check({ container: 'web', network: 'user-defined' }, state)).message).toMatch(/only on the default bridge network/);
    expect((await check({ container: 'db', network: 'appnet' }, state)).passed).toBe(true);
    expect((await check({ container: 'db', env: { MODE: 'prod' } }, state)).passed).toBe(true);
    expect((await check({ container: 'db', env: { MODE: 'dev' } }, state)).message).toBe('container db has MODE=prod, expected MODE=dev');
    expect((await check({ container: 'db', restartPolicy: 'unless-stopped' }, state)).passed).toBe(true);
    expect((await check({ container: 'web', restartPolicy: 'always' }, state)).message).toBe('container web has restart policy "no", expected "always"');
  });

  it('uses the check message in place of its own', async () => {
    expect(await check({ container: 'done', running: true, message: 'Start it.' }, state)).toEqual({ passed: false, message: 'Start it.' });
  });
});
