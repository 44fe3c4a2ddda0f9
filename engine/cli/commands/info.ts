import type { Command, CommandContext } from '../command.ts';
import { goStruct, NIL_SLICE } from '../template/index.ts';
import { bytesSize } from '../../core/units.ts';
import { CLIENT, SERVER } from '../../core/version-info.ts';
import { writeFormatted } from './format.ts';

/** `docker info` / `docker system info`: the client's and the daemon's configuration and object counts. */
export const infoCommand: Command = {
  paths: ['docker info', 'docker system info'],
  args: { kind: 'none' },
  async run(ctx) {
    const counts = countContainers(ctx);
    if (ctx.flags.changed('format')) {
      return writeFormatted(ctx.flags.string('format'), infoData(ctx, counts), '', (s) => ctx.stdout.write(s));
    }
    await ctx.stdout.write(defaultText(ctx, counts));
    return 0;
  },
};

interface Counts {
  readonly total: number;
  readonly running: number;
  readonly paused: number;
  readonly stopped: number;
  readonly images: number;
}

function countContainers(ctx: CommandContext): Counts {
  const states = ctx.engine.containers().map((c) => c.state);
  // As the daemon counts: restarting containers are running, everything not running or paused is stopped.
  const running = states.filter((s) => s === 'running' || s === 'restarting').length;
  const paused = states.filter((s) => s === 'paused').length;
  return { total: states.length, running, paused, stopped: states.length - running - paused, images: ctx.engine.images.store.images.size };
}

const NETWORK_PLUGINS = ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'];
const LOG_PLUGINS = ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'];
const DRIVER_STATUS = [
  ['Backing Filesystem', 'extfs'],
  ['Supports d_type', 'true'],
  ['Using metacopy', 'false'],
  ['Native Overlay Diff', 'true'],
  ['userxattr', 'false'],
];

function defaultText(ctx: CommandContext, c: Counts): string {
  return [
    'Client:',
    ` Version:    ${CLIENT.version}`,
    ` Context:    ${ctx.globals.context}`,
    ` Debug Mode: ${ctx.globals.debug}`,
    '',
    'Server:',
    ` Containers: ${c.total}`,
    `  Running: ${c.running}`,
    `  Paused: ${c.paused}`,
    `  Stopped: ${c.stopped}`,
    ` Images: ${c.images}`,
    ` Server Version: ${SERVER.version}`,
    ' Storage Driver: overlay2',
    ...DRIVER_STATUS.map(([k, v]) => `  ${k}: ${v}`),
    ' Logging Driver: json-file',
    ' Cgroup Driver: systemd',
    ' Cgroup Version: 2',
    ' Plugins:',
    '  Volume: local',
    `  Network: ${NETWORK_PLUGINS.join(' ')}`,
    `  Log: ${LOG_PLUGINS.join(' ')}`,
    ' CDI spec directories:',
    '  /etc/cdi',
    '  /var/run/cdi',
    ' Swarm: inactive',
    ' Runtimes: io.containerd.runc.v2 runc',
    ' Default Runtime: runc',
    ' Init Binary: docker-init',
    ` containerd version: ${SERVER.containerd.commit}`,
    ` runc version: ${SERVER.runc.commit}`,
    ` init version: ${SERVER.init.commit}`,
    ' Security Options:',
    '  apparmor',
    '  seccomp',
    '   Profile: builtin',
    '  cgroupns',
    ` Kernel Version: ${SERVER.kernelVersion}`,
    ` Operating System: ${SERVER.operatingSystem}`,
    ' OSType: linux',
    ` Architecture: ${SERVER.architecture}`,
    ` CPUs: ${SERVER.cpus}`,
    ` Total Memory: ${bytesSize(SERVER.memTotal)}`,
    ` Name: ${ctx.hostname}`,
    ` ID: ${SERVER.id}`,
    ' Docker Root Dir: /var/lib/docker',
    ' Debug Mode: false',
    ' Experimental: false',
    ' Insecure Registries:',
    '  ::1/128',
    '  127.0.0.0/8',
    ' Live Restore Enabled: false',
    '',
    '',
  ].join('\n');
}

/** docker's dockerInfo (system.Info plus ClientInfo) as templates and `--format json` see it. */
function infoData(ctx: CommandContext, c: Counts) {
  const runtime = () =>
    goStruct(
      { name: 'system.RuntimeWithStatus', json: { Path: 'path', Status: 'status' } },
      { Path: 'runc', Status: new Map([['org.opencontainers.runtime-spec.features', '{}']]) },
    );
  const commit = (id: string) => goStruct({ name: 'system.Commit' }, { ID: id });
  return goStruct(
    { name: 'system.dockerInfo' },
    {
      ID: SERVER.id,
      Containers: c.total,
      ContainersRunning: c.running,
      ContainersPaused: c.paused,
      ContainersStopped: c.stopped,
      Images: c.images,
      Driver: 'overlay2',
      DriverStatus: DRIVER_STATUS,
      Plugins: goStruct(
        { name: 'system.PluginsInfo' },
        { Volume: ['local'], Network: NETWORK_PLUGINS, Authorization: NIL_SLICE, Log: LOG_PLUGINS },
      ),
      MemoryLimit: true,
      SwapLimit: true,
      CpuCfsPeriod: true,
      CpuCfsQuota: true,
      CPUShares: true,
      CPUSet: true,
      PidsLimit: true,
      IPv4Forwarding: true,
      Debug: false,
      NFd: 24,
      OomKillDisable: false,
      NGoroutines: 42,
      SystemTime: '2025-06-01T10:00:00.000000000Z',
      LoggingDriver: 'json-file',
      CgroupDriver: 'systemd',
      CgroupVersion: '2',
      NEventsListener: 0,
      KernelVersion: SERVER.kernelVersion,
      OperatingSystem: SERVER.operatingSystem,
      OSVersion: SERVER.osVersion,
      OSType: 'linux',
      Architecture: SERVER.architecture,
      IndexServerAddress: 'https://index.docker.io/v1/',
      RegistryConfig: goStruct(
        { name: 'registry.ServiceConfig' },
        {
          IndexConfigs: new Map([
            ['docker.io', goStruct(
              // The client re-encodes the daemon's JSON, whose keys come sorted.
              { name: 'registry.IndexInfo', jsonOrder: ['Mirrors', 'Name', 'Official', 'Secure'] },
              { Name: 'docker.io', Mirrors: [], Secure: true, Official: true },
            )],
          ]),
          InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
          Mirrors: NIL_SLICE,
        },
      ),
      NCPU: SERVER.cpus,
      MemTotal: SERVER.memTotal,
      GenericResources: NIL_SLICE,
      DockerRootDir: '/var/lib/docker',
      HttpProxy: '',
      HttpsProxy: '',
      NoProxy: '',
      Name: ctx.hostname,
      Labels: [],
      ExperimentalBuild: false,
      ServerVersion: SERVER.version,
      Runtimes: new Map([
        ['io.containerd.runc.v2', runtime()],
        ['runc', runtime()],
      ]),
      DefaultRuntime: 'runc',
      Swarm: goStruct(
        { name: 'swarm.Info' },
        { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: NIL_SLICE },
      ),
      LiveRestoreEnabled: false,
      Isolation: '',
      InitBinary: 'docker-init',
      ContainerdCommit: commit(SERVER.containerd.commit),
      RuncCommit: commit(SERVER.runc.commit),
      InitCommit: commit(SERVER.init.commit),
      SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
      FirewallBackend: goStruct({ name: 'system.FirewallInfo' }, { Driver: 'iptables' }),
      CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
      Containerd: goStruct(
        { name: 'system.ContainerdInfo' },
        {
          Address: '/run/containerd/containerd.sock',
          Namespaces: goStruct({ name: 'system.ContainerdNamespaces' }, { Containers: 'moby', Plugins: 'plugins.moby' }),
        },
      ),
      Warnings: NIL_SLICE,
      ClientInfo: goStruct(
        { name: 'system.clientInfo' },
        {
          Debug: ctx.globals.debug,
          Version: CLIENT.version,
          DefaultAPIVersion: CLIENT.apiVersion,
          GitCommit: CLIENT.gitCommit,
          GoVersion: CLIENT.goVersion,
          Os: CLIENT.os,
          Arch: CLIENT.arch,
          BuildTime: CLIENT.built,
          Context: ctx.globals.context,
          Plugins: [],
          Warnings: NIL_SLICE,
        },
      ),
    },
  );
}
