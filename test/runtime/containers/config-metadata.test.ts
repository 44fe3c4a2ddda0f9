import { describe, expect, it } from 'vitest';
import { mergeConfig, mergeHealthcheck } from '../../../engine/runtime/containers/config.ts';
import { checkHealthConfig, healthStatus } from '../../../engine/runtime/containers/health.ts';
import { CREATED, RUNNING, record } from './fixtures.ts';

describe('mergeConfig: the metadata flags over the image', () => {
  const image = { Cmd: ['sh'], Labels: { maintainer: 'img', tier: 'base' }, StopSignal: 'SIGQUIT', Volumes: { '/data': {} }, ExposedPorts: { '80/tcp': {} } } as const;

  it('merges labels, the flags’ winning; keeps the image’s STOPSIGNAL unless --stop-signal is given', () => {
    const c = mergeConfig(image, { image: 'x', command: [], labels: { tier: 'web', app: 'a' } });
    expect(c.Labels).toEqual({ maintainer: 'img', tier: 'web', app: 'a' });
    expect(c.StopSignal).toBe('SIGQUIT');
    expect(mergeConfig(image, { image: 'x', command: [], stopSignal: 'SIGINT' }).StopSignal).toBe('SIGINT');
  });

  it('keeps the hostname, stop timeout, exposed ports and every volume (the image’s and -v /path)', () => {
    const c = mergeConfig(image, { image: 'x', command: [], hostname: 'box', stopTimeout: 3, volumes: ['/cache'] });
    expect(c).toMatchObject({ Hostname: 'box', StopTimeout: 3, ExposedPorts: { '80/tcp': {} }, Volumes: { '/data': {}, '/cache': {} } });
    expect(mergeConfig({ Cmd: ['sh'] }, { image: 'x', command: [] })).toMatchObject({ Hostname: '', Labels: {}, OnBuild: null });
  });
});

describe('mergeHealthcheck: moby’s MergeConfig for HEALTHCHECK', () => {
  const image = { Test: ['CMD', 'check'], Interval: 5e9, Retries: 3 };
  it('takes the image’s check when the flags give none, and fills the fields the flags leave at zero', () => {
    expect(mergeHealthcheck(image, undefined)).toEqual(image);
    expect(mergeHealthcheck(image, { Interval: 10e9 })).toEqual({ Test: ['CMD', 'check'], Interval: 10e9, Retries: 3 });
    expect(mergeHealthcheck(image, { Test: ['NONE'] })).toEqual({ Test: ['NONE'], Interval: 5e9, Retries: 3 });
    expect(mergeHealthcheck(undefined, undefined)).toBeUndefined();
  });
});

describe('health', () => {
  it('is none without a check or with NONE, starting while a container with a check runs (no monitor yet)', () => {
    const checked = record({ config: { ...record().config, Healthcheck: { Test: ['CMD-SHELL', 'true'] } } });
    const disabled = record({ config: { ...record().config, Healthcheck: { Test: ['NONE'] } } });
    expect(healthStatus(record(), RUNNING)).toBe('none');
    expect(healthStatus(disabled, RUNNING)).toBe('none');
    expect(healthStatus(checked, RUNNING)).toBe('starting');
    expect(healthStatus(checked, CREATED)).toBe('none');
  });

  it('refuses durations under 1ms and negative retries, as the daemon does', () => {
    expect(() => checkHealthConfig({ Interval: 1000 })).toThrow('Error response from daemon: Interval in Healthcheck cannot be less than 1ms');
    expect(() => checkHealthConfig({ StartPeriod: 5 })).toThrow('StartPeriod in Healthcheck cannot be less than 1ms');
    expect(() => checkHealthConfig({ Retries: -1 })).toThrow('Retries in Healthcheck cannot be negative');
    expect(() => checkHealthConfig({ Interval: 0, Timeout: 1e6 })).not.toThrow();
  });
});
