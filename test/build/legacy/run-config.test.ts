import { describe, expect, it } from 'vitest';
import { copyRunConfig, emptyRunConfig, runConfigDifferences, runConfigJson, runConfigOf, sameRunConfig } from '../../../engine/build/legacy/run-config.ts';

describe('the legacy run config (container.Config)', () => {
  it('encodes in Go field order, nil lists and maps as null, omitempty fields left out', () => {
    const rc = copyRunConfig(emptyRunConfig(), { Env: ['PATH=/bin'], Cmd: ['/bin/sh'], Image: 'sha256:abc', Labels: { b: '2', a: '1' } });
    expect(JSON.stringify(runConfigJson(rc))).toBe(
      '{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"Tty":false,"OpenStdin":false,' +
        '"StdinOnce":false,"Env":["PATH=/bin"],"Cmd":["/bin/sh"],"Image":"sha256:abc","Volumes":null,"WorkingDir":"","Entrypoint":null,' +
        '"OnBuild":null,"Labels":{"a":"1","b":"2"}}',
    );
  });

  it('writes ExposedPorts, Healthcheck, ArgsEscaped, StopSignal and Shell where the struct puts them, when set', () => {
    const rc = copyRunConfig(emptyRunConfig(), {
      ExposedPorts: { '80/tcp': {}, '443/tcp': {} },
      Healthcheck: { Test: ['CMD', 'true'], Interval: 5e9 },
      ArgsEscaped: true,
      StopSignal: 'SIGQUIT',
      Shell: ['/bin/bash', '-c'],
    });
    expect(Object.keys(runConfigJson(rc))).toEqual([
      'Hostname', 'Domainname', 'User', 'AttachStdin', 'AttachStdout', 'AttachStderr', 'ExposedPorts', 'Tty', 'OpenStdin', 'StdinOnce',
      'Env', 'Cmd', 'Healthcheck', 'ArgsEscaped', 'Image', 'Volumes', 'WorkingDir', 'Entrypoint', 'OnBuild', 'Labels', 'StopSignal', 'Shell',
    ]);
    expect(runConfigJson(rc).ExposedPorts).toEqual({ '443/tcp': {}, '80/tcp': {} });
    expect(JSON.stringify(runConfigJson(rc).Healthcheck)).toBe('{"Test":["CMD","true"],"Interval":5000000000}');
  });

  it('decodes an image config the way Go fills a struct: missing fields are zero, null stays null', () => {
    const rc = runConfigOf({ Env: ['A=1'], Cmd: null, WorkingDir: '/app', Entrypoint: [] });
    expect(rc.Env).toEqual(['A=1']);
    expect(rc.Cmd).toBeNull();
    expect(rc.Entrypoint).toEqual([]);
    expect(rc.Hostname).toBe('');
    expect(rc.Labels).toBeNull();
  });

  it('the cache comparison ignores the container-specific fields and nothing else', () => {
    const a = copyRunConfig(emptyRunConfig(), { Cmd: ['/bin/sh', '-c', 'npm ci'], Env: ['PATH=/bin'] });
    expect(sameRunConfig(a, copyRunConfig(a, { Image: 'sha256:other', Hostname: 'abc', Domainname: 'x', MacAddress: '02:42:ac:11:00:02' }))).toBe(true);
    expect(sameRunConfig(a, copyRunConfig(a, { Labels: { version: '2' } }))).toBe(false);
    expect(sameRunConfig(a, copyRunConfig(a, { WorkingDir: '/app' }))).toBe(false);
    expect(sameRunConfig(a, copyRunConfig(a, { Cmd: ['/bin/sh', '-c', 'npm install'] }))).toBe(false);
    expect(sameRunConfig(a, copyRunConfig(a, { Labels: {} }))).toBe(true);
  });

  it('names the fields that differ, for the miss explanation', () => {
    const a = copyRunConfig(emptyRunConfig(), { Cmd: ['x'] });
    expect(runConfigDifferences(a, copyRunConfig(a, { Cmd: ['y'], Labels: { a: '1' }, Image: 'sha256:z' }))).toEqual(['Cmd', 'Labels']);
  });

  it('a copy owns its lists', () => {
    const a = copyRunConfig(emptyRunConfig(), { Env: ['A=1'] });
    const b = copyRunConfig(a);
    (b.Env as string[]).push('B=2');
    expect(a.Env).toEqual(['A=1']);
  });
});
