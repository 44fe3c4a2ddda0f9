import { beforeAll, describe, expect, it } from 'vitest';
import { check, stateAfter, type State } from './helpers.ts';

describe('probe check', () => {
  let state: State;
  beforeAll(async () => {
    state = await stateAfter(
      [
        'docker run -d --name keep -v data:/data alpine sleep 1000',
        'docker run -d --name lose -v other:/other alpine sleep 1000',
        'cd app && docker build -q -t web . && cd ..',
      ].join('\n'),
      [
        { path: 'app', type: 'dir' },
        { path: 'app/Dockerfile', type: 'file', content: 'FROM alpine\nCOPY deps.txt /deps.txt\nRUN cat /deps.txt > /installed\nCOPY src.txt /src.txt\n' },
        { path: 'app/deps.txt', type: 'file', content: 'express\n' },
        { path: 'app/src.txt', type: 'file', content: 'v1\n' },
      ],
    );
  }, 120_000);

  const survives = (name: string, dir: string) => ({
    probe: [{ run: `docker exec ${name} sh -c 'echo kept > ${dir}/f'`, expect: { exitCode: 0 } }, { recreate: name }, { run: `docker exec ${name} cat ${dir}/f`, expect: { stdout: { equals: 'kept' } } }],
  });

  it('recreates a container from its own configuration: a volume keeps the data, the container layer does not', async () => {
    expect(await check(survives('keep', '/data'), state)).toEqual({ passed: true, message: '' });
    const lost = await check(survives('lose', '/tmp'), state);
    expect(lost.passed).toBe(false);
    expect(lost.message).toBe(`\`docker exec lose cat /tmp/f\` failed: its output was expected to be "kept"; it printed: cat: can't open '/tmp/f': No such file or directory`);
  });

  it('runs on a copy: the student machine is untouched', async () => {
    await check({ probe: [{ kill: 'keep' }, { run: 'docker rm -f lose' }] }, state);
    expect(await check({ container: 'keep', running: true }, state)).toEqual({ passed: true, message: '' });
    expect((await check({ probe: [{ run: 'docker ps -a --format "{{.Names}}"', expect: { stdout: { contains: 'lose' } } }] }, state)).passed).toBe(true);
  });

  it('checks state after its steps, and says which step failed', async () => {
    expect((await check({ probe: [{ kill: 'keep' }], expect: [{ container: 'keep', running: false }] }, state)).passed).toBe(true);
    expect((await check({ probe: [{ restart: 'keep' }], expect: [{ container: 'keep', running: false }] }, state)).message).toBe('container keep is still running');
    expect((await check({ probe: [{ run: 'false', expect: { exitCode: 0 } }] }, state)).message).toBe('`false` failed: it exited with 1, expected 0; it printed nothing');
  });

  it('edits a source file and rebuilds with the attempt own build command', async () => {
    const dependencyCached = { probe: [{ edit: { file: 'app/src.txt', append: 'v2\n' } }, { rebuild: 'web' }], expect: [{ build: { tag: 'web', step: 'RUN cat', cached: true } }] };
    expect(await check(dependencyCached, state)).toEqual({ passed: true, message: '' });
    const depsChanged = { probe: [{ edit: { file: 'app/deps.txt', replace: ['express', 'koa'] } }, { rebuild: 'web' }], expect: [{ build: { tag: 'web', step: 'RUN cat', cached: true } }] };
    expect((await check(depsChanged, state)).message).toMatch(/RUN cat \/deps.txt > \/installed was not CACHED/);
    expect((await check({ probe: [{ rebuild: 'nope' }] }, state)).message).toBe('no successful docker build tagged nope, so there is nothing to rebuild');
    expect((await check({ probe: [{ edit: { file: 'app/missing', append: 'x' } }] }, state)).message).toBe('the probe could not edit app/missing: it does not exist');
  });

  it('retries a command and moves the virtual clock', async () => {
    const late = { probe: [{ run: 'docker run -d --name late alpine sh -c "sleep 3; touch /ready; sleep 100"' }, { run: 'docker exec late ls /ready', retry: { times: 5, every: '1s' }, expect: { exitCode: 0 } }] };
    expect((await check(late, state)).passed).toBe(true);
    const never = { probe: [{ run: 'ls /nope', retry: { times: 2, every: '1s' }, expect: { exitCode: 0 } }] };
    expect((await check(never, state)).message).toMatch(/^`ls \/nope` failed 2 times: it exited with 2, expected 0/);
    expect((await check({ probe: [{ run: 'docker run -d --name timer alpine sh -c "sleep 5; touch /t; sleep 100"' }, { wait: '6s' }, { run: 'docker exec timer ls /t', expect: { exitCode: 0 } }] }, state)).passed).toBe(true);
  });
});
