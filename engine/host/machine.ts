import type { EngineEvent, Machine, MachineOptions, MachineViews, Snapshot, Terminal, TerminalIO } from '../api.ts';
import { VirtualClock } from '../core/clock.ts';
import { EventStream } from '../core/events.ts';
import { oncePerMacrotask } from '../core/batch.ts';
import { initialIds, type IdState } from '../core/ids.ts';
import { TreeFs } from '../fs/tree-fs.ts';
import type { DirEntry } from '../fs/types.ts';
import type { EngineView } from '../cli/engine-view.ts';
import { BuildService } from '../build/service.ts';
import type { BuildCache } from '../build/cache.ts';
import type { BuildRecord } from '../build/history.ts';
import { buildsView } from '../build/views.ts';
import { imagesView } from '../image/views.ts';
import { cacheUsage } from '../build/disk-usage.ts';
import type { DiskUsageSources } from '../cli/commands/system-df.ts';
import { lazyPrograms, loadProgramTables } from '../programs/lazy.ts';
import { CONTAINER_PROGRAM_NAMES, HOST_EXTRA_PROGRAM_NAMES } from '../programs/program-names.ts';
import { catalogSearchIndex, LAZY_CATALOG_REGISTRY } from '../image/lazy-catalog-registry.ts';
import { ImageService } from '../image/service.ts';
import type { ImageStore } from '../image/store.ts';
import { VolumeService } from '../runtime/volumes/service.ts';
import { NetworkService } from '../network/service.ts';
import type { NetworkState } from '../network/types.ts';
import type { VolumeStore } from '../runtime/volumes/types.ts';
import { ContainerService } from '../runtime/containers/service.ts';
import { containersView } from '../runtime/views.ts';
import { networkView } from '../network/views.ts';
import { EMPTY_CONTAINER_STORE, type ContainerStore } from '../runtime/containers/types.ts';
import { hostCoreutils } from '../programs/host-coreutils.ts';
import { createDockerProgram } from '../programs/docker.ts';
import type { Program, System } from '../programs/process.ts';
import { SHELL_PROGRAMS, ShellSession } from '../programs/shell/index.ts';
import type { Machine as ProcessHost } from '../programs/spawn.ts';
import { EMPTY_READER, terminalReader } from '../programs/streams.ts';
import { driveHeadless, IgnoredInterrupt, settleBackground } from './driver.ts';
import { populateHost } from './host-fs.ts';
import { HOME_DIR, HOST_KERNEL, HOST_NAME, HOST_PATH, PROJECT_DIR, USER_GID, USER_NAME, USER_UID } from './layout.ts';
import { TerminalWriter } from './terminal-output.ts';
import { completeLine } from './completion/index.ts';
import { engineSources } from '../cli/completion/sources.ts';

/**
 * The daemon's services behind a machine, for code inside the engine that reads state Docker's API would show
 * (scenario checks) without running commands on the student's machine. Not part of the public API.
 */
export interface MachineInternals {
  readonly mode: 'headless' | 'interactive';
  readonly runtime: ContainerService;
  readonly images: ImageService;
  readonly volumes: VolumeService;
  readonly network: NetworkService;
  readonly builder: BuildService;
}

const INTERNALS = new WeakMap<Machine, MachineInternals>();

export function machineInternals(machine: Machine): MachineInternals {
  const internals = INTERNALS.get(machine);
  if (!internals) throw new Error('not a machine made by createMachine');
  return internals;
}

/** How far a headless run moves the clock before each command: a person takes a moment to type. */
export const COMMAND_STEP_MS = 1_000;

/** What a snapshot holds: every piece of engine state, each an immutable value. */
interface EngineState {
  readonly now: number;
  readonly ids: IdState;
  readonly hostRoot: DirEntry;
  readonly images: ImageStore;
  readonly buildCache: BuildCache;
  readonly volumes: VolumeStore;
  readonly networks: NetworkState;
  readonly containers: ContainerStore;
  /** The last few builds the build picture shows. */
  readonly builds: readonly BuildRecord[];
}

/**
 * Every program the host has installed, by the name its file carries. The shell, the common coreutils and docker
 * come with the engine; the other coreutils and the network and database clients load on first use, so the terminal
 * is ready sooner.
 */
function hostPrograms(): Record<string, Program> {
  const extras = lazyPrograms(HOST_EXTRA_PROGRAM_NAMES, async () => (await loadProgramTables()).HOST_EXTRA_PROGRAMS);
  return { ...SHELL_PROGRAMS, ...hostCoreutils(), ...extras, docker: createDockerProgram() };
}

export function createMachine(options: MachineOptions = {}): Machine {
  const mode = options.mode ?? 'interactive';
  const clock = new VirtualClock(options.startTime);
  const events = new EventStream<EngineEvent>();
  let ids = initialIds(options.seed ?? 0);
  const registry = hostPrograms();
  const hostFs = new TreeFs(undefined, () => clock.nowSeconds());
  populateHost(hostFs, Object.keys(registry), options.project ?? [], clock.nowSeconds());
  // The editor and explorer follow the host's files while a command writes them, not only once it is done.
  hostFs.onChange = oncePerMacrotask(() => events.emit({ type: 'fs-changed', where: 'host' }));

  const images = new ImageService(options.registry ?? LAZY_CATALOG_REGISTRY, clock, (e) => events.emit(e));
  // What containers and build steps run (servers, runtimes, package managers) loads the first time one starts.
  const programs = lazyPrograms(CONTAINER_PROGRAM_NAMES, async () => (await loadProgramTables()).CONTAINER_PROGRAMS);
  const builder = new BuildService({ clock, images, programs, kernel: HOST_KERNEL, announce: (e) => events.emit(e) });
  const idSource = { get: () => ids, set: (next: typeof ids) => (ids = next) };
  const volumes = new VolumeService({ clock, ids: idSource, announce: (e) => events.emit(e) });
  const network = new NetworkService({
    clock,
    ids: idSource,
    hostname: HOST_NAME,
    hostHosts: () => (hostFs.exists('/etc/hosts') ? hostFs.readText('/etc/hosts') : undefined),
    announce: (e) => events.emit(e),
  });
  const runtime = new ContainerService({ clock, ids: idSource, images, programs, kernel: HOST_KERNEL, volumes, hostFs, network, announce: (e) => events.emit(e) });
  // The daemon, as the docker CLI reaches it.
  const docker: EngineView & DiskUsageSources = {
    containers: () => runtime.list().map((c) => ({ state: c.state.Status })),
    containersUsing: (imageId) => runtime.containersUsing(imageId),
    layerInUse: (chainId) => runtime.layerInUse(chainId),
    containerSizes: () => runtime.list().map((c) => ({ state: c.state.Status, sizeRw: runtime.sizeRw(c.record.id) })),
    runtime,
    images,
    builder,
    volumes,
    network,
    searchIndex: catalogSearchIndex,
    buildCache: () => cacheUsage(builder.cache),
  };
  const views: MachineViews = {
    images: () => imagesView(images.store, clock.now()),
    builds: () => buildsView(builder.history),
    containers: () => containersView({ runtime, volumes, network, images: () => images.store, now: () => clock.now() }),
    network: () => networkView(network.state, HOST_NAME, network.lastConnection),
  };
  const system: System = { hostname: HOST_NAME, kernel: HOST_KERNEL, services: { docker, net: network.host } };
  const host: ProcessHost = { fs: hostFs, clock, system, registry };

  const loginShell = () =>
    new ShellSession({
      machine: host,
      cwd: PROJECT_DIR,
      uid: USER_UID,
      gid: USER_GID,
      env: {
        HOME: HOME_DIR,
        USER: USER_NAME,
        LOGNAME: USER_NAME,
        SHELL: '/bin/bash',
        PATH: HOST_PATH,
        TERM: 'xterm-256color',
        LANG: 'C.UTF-8',
        HOSTNAME: HOST_NAME,
        PWD: PROJECT_DIR,
      },
    });

  const openTerminal = (): Terminal => {
    let session = loginShell();
    return {
      get cwd() {
        return session.cwd;
      },
      prompt: () => `${USER_NAME}@${HOST_NAME}:${tildePath(session.cwd)}$ `,
      needsMore: (text) => session.needsMore(text),
      complete: (line, cursor) => {
        const state = session.state;
        return completeLine(
          {
            fs: hostFs,
            cwd: session.cwd,
            variables: new Map([...state.vars].map(([name, v]) => [name, v.value])),
            functions: [...state.functions.keys()],
            aliases: [...state.aliases.keys()],
            docker: engineSources(docker, () => state.environment()),
          },
          line,
          cursor,
        );
      },
      run: async (line, io) => {
        const status = await runLine(session, line, io);
        if (session.exited) {
          // Interactive bash says `exit` as it leaves; the tab then gets a fresh shell, as reopening a terminal would.
          io.stderr('exit\n');
          session = loginShell();
        }
        return status;
      },
    };
  };

  // The command lines running in terminals, for shutdown.
  const running = new Set<AbortController>();

  const runLine = async (session: ShellSession, line: string, io: TerminalIO): Promise<number> => {
    if (mode === 'headless') {
      await settleBackground(clock);
      clock.advance(COMMAND_STEP_MS);
    }
    const interrupt = new AbortController();
    running.add(interrupt);
    const forward = () => interrupt.abort(io.signal?.reason ?? 'SIGINT');
    if (io.signal?.aborted) forward();
    io.signal?.addEventListener('abort', forward, { once: true });
    // A transcript cannot redraw lines, so animations fall back to their line-by-line form there.
    const tty = { columns: io.columns ?? 80, rows: io.rows ?? 24, redraws: mode === 'interactive' };
    const work = session.run(line, {
      stdout: new TerminalWriter(io.stdout, tty),
      stderr: new TerminalWriter(io.stderr, tty),
      stdin: terminalReader(io.stdin ?? EMPTY_READER, tty),
      signal: interrupt.signal,
    });
    const ctrlC = () => {
      io.echo?.('^C\n');
      interrupt.abort('SIGINT');
    };
    try {
      const exitCode = mode === 'headless' ? await driveHeadless(clock, work, ctrlC) : await work;
      // A headless run's state after a command must not depend on how fast code loads: a container started by
      // `docker run -d` may still be fetching its program, and a snapshot taken now (grading, saves) must see it run.
      if (mode === 'headless') await settleBackground(clock);
      events.emit({ type: 'command', line, exitCode, at: clock.now() });
      return exitCode;
    } catch (e) {
      if (e instanceof IgnoredInterrupt) {
        io.stderr(`dockyard: ${e.message}\n`);
        return 130;
      }
      // An engine bug must cost one command, never the session: say so plainly and carry on.
      io.stderr(`dockyard: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    } finally {
      running.delete(interrupt);
      io.signal?.removeEventListener('abort', forward);
    }
  };

  const machine: Machine = {
    clock,
    events,
    hostFs,
    openTerminal,
    views,
    snapshot: (): Snapshot => ({
      version: 1,
      state: { now: clock.now(), ids, hostRoot: hostFs.root, images: images.store, buildCache: builder.cache, volumes: volumes.store, networks: network.state, containers: runtime.store, builds: builder.history } satisfies EngineState,
    }),
    restore: (snapshot: Snapshot) => {
      const state = snapshot.state as EngineState;
      clock.set(state.now);
      ids = state.ids;
      hostFs.root = state.hostRoot;
      images.store = state.images;
      builder.cache = state.buildCache;
      // Snapshots from before builds were remembered hold none.
      builder.history = state.builds ?? [];
      volumes.store = state.volumes;
      // Snapshots from before the runtime existed hold no containers.
      runtime.store = state.containers ?? EMPTY_CONTAINER_STORE;
      // After the runtime: its containers come back stopped, so nothing is connected.
      if (state.networks) network.restore(state.networks);
    },
    shutdown: () => {
      for (const line of running) line.abort('SIGKILL');
      runtime.shutdown();
    },
  };
  INTERNALS.set(machine, { mode, runtime, images, volumes, network, builder });
  return machine;
}

/** `~/project` for paths under the home directory, as bash's `\w` shows them. */
function tildePath(path: string): string {
  if (path === HOME_DIR) return '~';
  return path.startsWith(HOME_DIR + '/') ? '~' + path.slice(HOME_DIR.length) : path;
}
