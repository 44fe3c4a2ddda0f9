import { networkSettingsOf } from '../../runtime/containers/network-settings.ts';
import type { NetworkService } from '../../network/service.ts';
import { inspectContainer } from '../../runtime/containers/inspect.ts';
import type { ContainerService } from '../../runtime/containers/service.ts';
import { goStruct, NIL_MAP, NIL_SLICE } from '../template/index.ts';

/** How one Go struct of the response is typed: its name, Go field -> JSON name where they differ, nested structs. */
interface StructSpec {
  readonly name: string;
  readonly json?: Readonly<Record<string, string>>;
  readonly fields?: Readonly<Record<string, StructSpec>>;
  /** A map whose values are this struct (NetworkSettings.Networks). */
  readonly mapOf?: Readonly<Record<string, StructSpec>>;
  /** A slice of this struct (Mounts). */
  readonly sliceOf?: Readonly<Record<string, StructSpec>>;
}

const CPU_JSON = {
  CPUShares: 'CpuShares', NanoCPUs: 'NanoCpus', CPUPeriod: 'CpuPeriod', CPUQuota: 'CpuQuota', CPURealtimePeriod: 'CpuRealtimePeriod',
  CPURealtimeRuntime: 'CpuRealtimeRuntime', CPUCount: 'CpuCount', CPUPercent: 'CpuPercent', DNS: 'Dns', DNSOptions: 'DnsOptions', DNSSearch: 'DnsSearch',
};

const SPEC: StructSpec = {
  name: 'container.InspectResponse',
  json: { ID: 'Id' },
  fields: {
    State: { name: '*container.State', fields: { Health: { name: '*container.Health', fields: { Log: { name: '[]*container.HealthcheckResult', sliceOf: { item: { name: '*container.HealthcheckResult' } } } } } } },
    HostConfig: {
      name: '*container.HostConfig',
      json: CPU_JSON,
      fields: { LogConfig: { name: 'container.LogConfig' }, RestartPolicy: { name: 'container.RestartPolicy' } },
    },
    GraphDriver: { name: 'storage.DriverData' },
    Mounts: { name: '[]container.MountPoint', sliceOf: { item: { name: 'container.MountPoint' } } },
    Config: { name: '*container.Config', fields: { Healthcheck: { name: '*container.HealthConfig' } } },
    NetworkSettings: { name: '*container.NetworkSettings', fields: { Networks: { name: 'map', mapOf: { item: { name: '*network.EndpointSettings' } } } } },
  },
};

/** Fields that Go keeps as nil slices (`[]` in templates, null in JSON) and nil maps when they are null. */
const NIL_SLICES = new Set([
  'Args', 'ExecIDs', 'Binds', 'VolumesFrom', 'CapAdd', 'CapDrop', 'Dns', 'DnsOptions', 'DnsSearch', 'ExtraHosts', 'GroupAdd', 'Links',
  'SecurityOpt', 'DeviceCgroupRules', 'DeviceRequests', 'Env', 'Cmd', 'Entrypoint', 'OnBuild', 'Aliases', 'DNSNames',
  'SecondaryIPAddresses', 'SecondaryIPv6Addresses', 'Shell',
]);
const NIL_MAPS = new Set(['Volumes', 'Labels', 'DriverOpts', 'Ports']);

/**
 * A container as `docker inspect` templates see it: the daemon's JSON (runtime/containers/inspect.ts) given Go's
 * types, so `{{.State.Status}}`, `{{.HostConfig.CPUShares}}` and `{{json .Config}}` behave as with the real client.
 * Omitted fields (omitempty) are absent here too, which templates see as a missing field.
 */
export function containerInspectValue(service: ContainerService, ref: string, size: boolean, network?: NetworkService): unknown {
  const view = service.get(ref);
  const data = inspectContainer({
    view,
    networkSettings: networkSettingsOf(network, view.record, view.state.Running),
    ...(service.health(view.record.id) ? { health: service.health(view.record.id)! } : {}),
    ...(size ? { size: { rw: service.sizeRw(view.record.id), rootFs: service.sizeRootFs(view.record.id) } } : {}),
  });
  return typed(data, SPEC);
}

function typed(data: Record<string, unknown>, spec: StructSpec): unknown {
  const goName = Object.fromEntries(Object.entries(spec.json ?? {}).map(([go, json]) => [json, go]));
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const child = spec.fields?.[key];
    fields[goName[key] ?? key] = child ? typedChild(value, child) : value === null ? (NIL_SLICES.has(key) ? NIL_SLICE : NIL_MAPS.has(key) ? NIL_MAP : null) : value;
  }
  return goStruct({ name: spec.name, ...(spec.json ? { json: spec.json } : {}) }, fields);
}

function typedChild(value: unknown, spec: StructSpec): unknown {
  if (value === null || value === undefined) return null;
  if (spec.sliceOf) return (value as Record<string, unknown>[]).map((v) => typed(v, spec.sliceOf!.item!));
  if (spec.mapOf) return Object.fromEntries(Object.entries(value as Record<string, Record<string, unknown>>).map(([k, v]) => [k, typed(v, spec.mapOf!.item!)]));
  return typed(value as Record<string, unknown>, spec);
}
