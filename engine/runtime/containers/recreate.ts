import type { ContainerConfig as ImageContainerConfig } from '../../image/types.ts';
import type { CreateOptions } from './config.ts';
import { membershipOf } from './network-membership.ts';
import type { ContainerRecord } from './types.ts';

/**
 * The `docker run` options that would make a container like `record` again: its image as typed, command, env,
 * mounts (named volumes and bind mounts by source, anonymous ones new), ports, networks with aliases, restart
 * policy and name. What a student re-running the same command would get: the old writable layer is not kept.
 */
export function recreateOptions(record: ContainerRecord, image: ImageContainerConfig, isAnonymousVolume: (name: string) => boolean): CreateOptions {
  const c = record.config;
  const same = (a: readonly string[] | null | undefined, b: readonly string[] | null | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const entrypointChanged = !same(c.Entrypoint, image.Entrypoint);
  const entrypoint = c.Entrypoint ?? [];
  const { Name, MaximumRetryCount } = record.restartPolicy;
  const anonymous = record.mounts.filter((m) => m.Type === 'volume' && isAnonymousVolume(m.Name ?? ''));
  return {
    image: c.Image,
    name: record.name,
    // A changed entrypoint is given as its first word; the rest of it leads the command, so the process is the same.
    ...(entrypointChanged ? { entrypoint: entrypoint[0] ?? '' } : {}),
    command: entrypointChanged ? [...entrypoint.slice(1), ...(c.Cmd ?? [])] : [...(c.Cmd ?? [])],
    env: c.Env,
    workdir: c.WorkingDir,
    user: c.User,
    tty: c.Tty,
    openStdin: c.OpenStdin,
    autoRemove: record.autoRemove,
    restart: Name === 'on-failure' && MaximumRetryCount > 0 ? `on-failure:${MaximumRetryCount}` : Name,
    ...(record.binds ? { binds: record.binds } : {}),
    ...(record.mountRequests ? { mounts: record.mountRequests } : {}),
    volumes: anonymous.filter((m) => !record.mountRequests?.some((r) => r.target === m.Destination)).map((m) => m.Destination),
    tmpfs: Object.entries(record.tmpfs ?? {}).map(([path, opts]) => (opts ? `${path}:${opts}` : path)),
    networks: membershipOf(record.network).map((m) => ({ target: m.name, ...(m.aliases ? { aliases: m.aliases } : {}), ...(m.ipv4Address ? { ipv4Address: m.ipv4Address } : {}) })),
    networkMode: record.network.mode,
    ports: record.network.ports,
    publishAll: record.network.publishAll,
    expose: record.network.exposedPorts,
    ...(c.Labels ? { labels: c.Labels } : {}),
    ...(c.Hostname && c.Hostname !== record.id.slice(0, 12) ? { hostname: c.Hostname } : {}),
    ...(record.extraHosts ? { extraHosts: record.extraHosts } : {}),
    ...(record.links ? { links: record.links } : {}),
    ...(c.StopSignal ? { stopSignal: c.StopSignal } : {}),
    ...(c.StopTimeout !== undefined ? { stopTimeout: c.StopTimeout } : {}),
    ...(c.Healthcheck ? { healthcheck: c.Healthcheck } : {}),
  };
}
