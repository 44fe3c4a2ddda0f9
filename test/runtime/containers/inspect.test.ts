import { describe, expect, it } from 'vitest';
import { inspectContainer, MASKED_PATHS } from '../../../engine/runtime/containers/inspect.ts';
import { CREATED, EXITED, view } from './fixtures.ts';

describe('inspectContainer: Docker 28 container JSON', () => {
  it('keeps the daemon’s field order at the top level and in State', () => {
    const data = inspectContainer({ view: view() });
    expect(Object.keys(data)).toEqual([
      'Id', 'Created', 'Path', 'Args', 'State', 'Image', 'ResolvConfPath', 'HostnamePath', 'HostsPath', 'LogPath', 'Name',
      'RestartCount', 'Driver', 'Platform', 'MountLabel', 'ProcessLabel', 'AppArmorProfile', 'ExecIDs', 'HostConfig',
      'GraphDriver', 'Mounts', 'Config', 'NetworkSettings',
    ]);
    expect(Object.keys(data.State as object)).toEqual([
      'Status', 'Running', 'Paused', 'Restarting', 'OOMKilled', 'Dead', 'Pid', 'ExitCode', 'Error', 'StartedAt', 'FinishedAt',
    ]);
    const host = data.HostConfig as Record<string, unknown>;
    expect(Object.keys(host).slice(0, 10)).toEqual([
      'Binds', 'ContainerIDFile', 'LogConfig', 'NetworkMode', 'PortBindings', 'RestartPolicy', 'AutoRemove', 'VolumeDriver', 'VolumesFrom', 'ConsoleSize',
    ]);
    expect(Object.keys(host).slice(-2)).toEqual(['MaskedPaths', 'ReadonlyPaths']);
    expect(host.MaskedPaths).toEqual(MASKED_PATHS);
  });

  it('prints times in RFC 3339 (nano, trailing zeros dropped), Go’s zero time when unset, and the name with its slash', () => {
    const data = inspectContainer({ view: view({}, EXITED) });
    expect(data.Created).toBe('2025-01-06T09:00:00.25Z');
    expect(data.Name).toBe('/web');
    expect(data.State).toMatchObject({ Status: 'exited', ExitCode: 137, StartedAt: '2025-01-06T09:00:01Z', FinishedAt: '2025-01-06T09:01:00Z', Pid: 0 });
    const created = inspectContainer({ view: view({}, CREATED) });
    expect(created.State).toMatchObject({ StartedAt: '0001-01-01T00:00:00Z', FinishedAt: '0001-01-01T00:00:00Z' });
  });

  it('has no runtime files, log path or AppArmor profile before the first start', () => {
    const created = inspectContainer({ view: view({}, CREATED) });
    expect([created.ResolvConfPath, created.HostnamePath, created.HostsPath, created.LogPath, created.AppArmorProfile]).toEqual(['', '', '', '', '']);
    const started = inspectContainer({ view: view({}, EXITED) });
    const id = 'a'.repeat(64);
    expect(started.LogPath).toBe(`/var/lib/docker/containers/${id}/${id}-json.log`);
    expect(started.AppArmorProfile).toBe('docker-default');
  });

  it('never invents a PID: 0 unless the runtime reports one for a running process', () => {
    expect((inspectContainer({ view: view() }).State as { Pid: number }).Pid).toBe(0);
    expect((inspectContainer({ view: view(), pid: 4242 }).State as { Pid: number }).Pid).toBe(4242);
    expect((inspectContainer({ view: view({}, EXITED), pid: 4242 }).State as { Pid: number }).Pid).toBe(0);
  });

  it('stacks the container layer on its -init layer and the image layers, nearest first', () => {
    const data = (inspectContainer({ view: view() }).GraphDriver as { Data: Record<string, string> }).Data;
    const lower = data.LowerDir!.split(':');
    expect(lower).toHaveLength(3);
    expect(lower[0]).toBe(data.UpperDir!.replace(/\/diff$/, '-init/diff'));
    expect(Object.keys(data)).toEqual(['LowerDir', 'MergedDir', 'UpperDir', 'WorkDir']);
  });

  it('shows empty network strings without a network model, and mirrors the bridge endpoint when one is given', () => {
    const empty = inspectContainer({ view: view() }).NetworkSettings as Record<string, unknown>;
    expect(empty).toMatchObject({ IPAddress: '', Gateway: '', MacAddress: '', Networks: {}, Ports: {} });
    const net = inspectContainer({
      view: view(),
      networkSettings: { networks: { bridge: { NetworkID: 'n1', IPAddress: '172.17.0.2', IPPrefixLen: 16, Gateway: '172.17.0.1', MacAddress: 'aa:bb' } }, ports: { '80/tcp': null } },
    }).NetworkSettings as Record<string, Record<string, Record<string, unknown>>>;
    expect(net).toMatchObject({ IPAddress: '172.17.0.2', IPPrefixLen: 16, Gateway: '172.17.0.1', Ports: { '80/tcp': null } });
    expect(Object.keys(net.Networks!.bridge!)).toEqual([
      'IPAMConfig', 'Links', 'Aliases', 'MacAddress', 'DriverOpts', 'GwPriority', 'NetworkID', 'EndpointID', 'Gateway', 'IPAddress',
      'IPPrefixLen', 'IPv6Gateway', 'GlobalIPv6Address', 'GlobalIPv6PrefixLen', 'DNSNames',
    ]);
  });

  it('adds SizeRw and SizeRootFs only when sizes were asked for', () => {
    expect('SizeRw' in inspectContainer({ view: view() })).toBe(false);
    expect(inspectContainer({ view: view(), size: { rw: 0, rootFs: 10 } })).toMatchObject({ SizeRw: 0, SizeRootFs: 10 });
  });

  it('shows the stored HEALTHCHECK in Config and a starting State.Health while it runs', () => {
    const withCheck = { config: { ...view().record.config, Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 30e9 } } };
    const running = inspectContainer({ view: view(withCheck) });
    expect((running.Config as Record<string, unknown>).Healthcheck).toEqual({ Test: ['CMD-SHELL', 'true'], Interval: 30e9 });
    expect((running.State as Record<string, unknown>).Health).toEqual({ Status: 'starting', FailingStreak: 0, Log: [] });
    expect('Health' in (inspectContainer({ view: view(withCheck, CREATED) }).State as object)).toBe(false);
  });
});
