import type { VirtualClock } from '../../core/clock.ts';
import { DockerError, isDockerError } from '../../core/errors.ts';
import { diffTrees } from '../../fs/diff.ts';
import { makeDir } from '../../fs/tree.ts';
import type { DirEntry } from '../../fs/types.ts';
import { union } from '../../fs/union.ts';
import { layerSize } from '../../image/catalog/compute.ts';
import type { ContainerUse } from '../../image/remove.ts';
import type { ImageService } from '../../image/service.ts';
import type { Digest } from '../../image/types.ts';
import type { Kernel, Program } from '../../programs/process.ts';
import { Collector, EMPTY_READER, type Readable } from '../../programs/streams.ts';
import { releaseLayers } from '../../image/store.ts';
import { createContainerLifecycle, restoreContainerLifecycle, type ContainerLifecycle, type ContainerState, type LifecycleCommand, type LifecycleEffects } from '../lifecycle/index.ts';
import { noSuchContainer } from '../lifecycle/errors.ts';
import type { IdSource, VolumeService } from '../volumes/service.ts';
import { isAnonymous } from '../volumes/types.ts';
import type { Fs } from '../../fs/types.ts';
import type { NetworkService } from '../../network/service.ts';
import { connectContainer, type ContainerNetworking } from './networking.ts';
import { linkedChildren } from './links.ts';
import { attachMounts } from '../mounts/attach.ts';
import { MountedFs } from '../../fs/mount-fs.ts';
import { TreeFs } from '../../fs/tree-fs.ts';
import type { CreateOptions } from './config.ts';
import { newContainerRecord } from './create-record.ts';
import { prepareMainProcess, type PreparedProcess } from './process.ts';
import { ContainerCgroup, DEFAULT_RESIDENT_BYTES, PidCounter, type ProcessEntry } from './processes.ts';
import { startExec, type ExecProcess, type ExecRequest } from './exec.ts';
import { execNotRunning, execPaused, execRestarting } from './exec-errors.ts';
import { NO_STATS, sampleStats, type ContainerStats } from './stats.ts';
import { findContainer } from './resolve.ts';
import { pruneCandidates } from './prune.ts';
import { hasHealthcheck } from './health.ts';
import { startHealthMonitor, type HealthState } from './health-monitor.ts';
import { checkRename } from './rename.ts';
import type { Filters } from '../../image/filters.ts';
import type { RestartPolicy } from '../lifecycle/restart-policy.ts';
import type { ContainerRecord, ContainerStore, LogEntry } from './types.ts';
import type { Network } from '../../network/types.ts';
import { endpointRequestOf, membershipOf, type NetworkAttachmentRequest } from './network-membership.ts';
import { connectionFor, disconnectionFor } from './network-changes.ts';

/** What the container service tells the rest of the engine (and the page's pictures). */
export type ContainerEvent = { readonly type: 'containers-changed' };

export interface ContainerServiceOptions {
  readonly clock: VirtualClock;
  readonly ids: IdSource;
  readonly images: ImageService;
  /** The programs a container's files can name (the registry build steps use too). */
  readonly programs: Readonly<Record<string, Program>>;
  readonly kernel?: Kernel;
  /** Volumes for mounts; the runtime tells the volume service which containers use each one. */
  readonly volumes: VolumeService;
  /** The daemon's host filesystem: where bind mounts' sources are. */
  readonly hostFs: Fs;
  /** Networks, endpoints and published ports: a container is connected while its process runs. */
  readonly network: NetworkService;
  readonly announce?: (e: ContainerEvent) => void;
}

/** A container with its state, as listings and commands see it. */
export interface ContainerView {
  readonly record: ContainerRecord;
  readonly state: ContainerState;
}

/** What only exists while the daemon runs: the lifecycle actor, the process, who is attached. */
interface Live {
  readonly lifecycle: ContainerLifecycle;
  process?: { readonly id: string; readonly fs: PreparedProcess['fs']; readonly abort: AbortController; readonly imageRoot: DirEntry; readonly receives: (signal: string) => boolean; readonly linkEnv: readonly string[] };
  /** The next start, checked by `docker start` before the lifecycle moves (runc refusing it leaves the state as is). */
  next?: { readonly prepared: PreparedProcess; readonly stdin: Readable };
  /**
   * The log as it grows (append-only): copying the record for every write would cost quadratic time for a chatty
   * process, so records get a copy only when a snapshot is taken.
   */
  readonly logs: LogEntry[];
  readonly outputs: Set<(entry: LogEntry) => Promise<void>>;
  readonly watchers: Set<(state: ContainerState) => void>;
  /** `rm -v` (and `--rm`): the container's anonymous volumes go with it. */
  removeVolumes?: boolean;
  /** The health monitor while the process runs (a container with a HEALTHCHECK). */
  health?: ReturnType<typeof startHealthMonitor>;
  /** Its processes (main and exec'd), their freezer and their view of the clock. */
  readonly cgroup: ContainerCgroup;
  /** The networking of the current (or next) run: its /etc files follow `network connect` and `disconnect`. */
  networking?: ContainerNetworking;
}

/**
 * The daemon's containers: records (immutable values, in creation order), and for each a lifecycle statechart and,
 * while it runs, its main process. Commands go through the lifecycle, which answers with Docker's refusals and asks
 * for effects (start the process, signal it, delete the container) that this class carries out.
 *
 * `store` is what a snapshot holds. A process cannot be saved, so a container that was running when the snapshot
 * was taken comes back as after a host crash: its process is gone, it is Exited (137) as if killed, and its restart
 * policy (if any) starts it again after the usual back-off. Its writable layer is as it was at the snapshot.
 */
export class ContainerService {
  readonly clock: VirtualClock;
  #records = new Map<string, ContainerRecord>();
  #live = new Map<string, Live>();
  /** The last state of containers removed while this daemon ran, so a wait that comes late still has an answer. */
  #gone = new Map<string, ContainerState>();
  readonly #o: ContainerServiceOptions;
  /** Host PIDs for every container's processes (and their shims). */
  readonly #pids = new PidCounter();

  constructor(options: ContainerServiceOptions) {
    this.#o = options;
    this.clock = options.clock;
    // A volume is in use while any container names it, running or not (moby's volume reference counting).
    options.volumes.usersOf = (name) => [...this.#records.values()].filter((r) => r.mounts.some((m) => m.Name === name)).map((r) => r.id);
  }

  get store(): ContainerStore {
    const records = new Map<string, ContainerRecord>();
    const lifecycles = new Map<string, ReturnType<ContainerLifecycle['snapshot']>>();
    for (const [id, record] of this.#records) {
      const live = this.#live.get(id)!;
      const p = live.process;
      const logs = live.logs.length === record.logs.length ? record.logs : live.logs.slice();
      const layer = p ? diffTrees(p.imageRoot, p.fs.root) : record.layer;
      const saved = layer === record.layer && logs === record.logs ? record : { ...record, layer, logs };
      // Keep the copy: the next snapshot shares it while nothing more is written.
      if (logs !== record.logs) this.#records.set(id, { ...record, logs });
      records.set(id, saved);
      lifecycles.set(id, live.lifecycle.snapshot());
    }
    return { records, lifecycles };
  }

  set store(next: ContainerStore) {
    for (const live of this.#live.values()) this.#discard(live);
    this.#records = new Map(next.records);
    this.#live = new Map();
    for (const [id, saved] of next.lifecycles) {
      const live = this.#open(id, (effects) => restoreContainerLifecycle(saved, effects));
      const phase = live.lifecycle.state().phase;
      if (phase.startsWith('removing')) this.#finishRemoval(id);
      else if (live.lifecycle.state().Running && !phase.startsWith('restarting')) live.lifecycle.send({ type: 'PROCESS_EXITED', signal: 'SIGKILL' });
    }
    this.#announce();
  }

  /**
   * Power-off: every container's processes are killed, and the containers are left as a daemon finds them after
   * it, which is what restoring their own state does (running ones exited on SIGKILL).
   */
  shutdown(): void {
    const saved = this.store;
    this.store = saved;
  }

  /** Every container, newest first (moby `daemon/list.go`). */
  list(): ContainerView[] {
    return [...this.#records.values()].reverse().map((record) => ({ record, state: this.#state(record.id) }));
  }

  get(ref: string): ContainerView {
    const record = findContainer(this.#records.values(), ref);
    return { record, state: this.#state(record.id) };
  }

  /** `docker create`: the image must be local (the CLI pulls it first). */
  create(options: CreateOptions): ContainerRecord {
    const record = newContainerRecord(options, {
      images: this.#o.images,
      network: this.#o.network,
      volumes: this.#o.volumes,
      hostFs: this.#o.hostFs,
      ids: this.#o.ids,
      now: this.clock.now(),
      existing: [...this.#records.values()],
      layerTree: (chainId) => this.#o.images.store.layers.get(chainId)?.tree ?? makeDir(),
    });
    const { id, restartPolicy, config } = record;
    this.#records.set(id, record);
    this.#open(id, (effects) =>
      createContainerLifecycle(
        {
          id,
          name: record.name,
          restartPolicy,
          ...(config.StopSignal ? { stopSignal: config.StopSignal } : {}),
          ...(config.StopTimeout !== undefined ? { stopTimeout: config.StopTimeout } : {}),
        },
        effects,
      ),
    );
    this.#announce();
    return record;
  }

  /**
   * `docker network connect` (moby daemon.ConnectToNetwork): a running container gets its endpoint at once; a
   * stopped one keeps the network in its record and joins it at the next start.
   */
  connectNetwork(ref: string, request: NetworkAttachmentRequest): void {
    const { record, state } = this.get(ref);
    const modeNetwork = this.#o.network.network(membershipOf(record.network)[0]?.networkId ?? record.network.mode);
    const member = connectionFor(record, state, this.#o.network.network(request.target), modeNetwork, request);
    if (state.Running || state.Paused) {
      const endpoint = this.#o.network.connectNetwork(record.id, endpointRequestOf(member), { name: record.name, hostname: record.config.Hostname });
      this.#live.get(record.id)?.networking?.joined(endpoint);
    }
    this.#update(record.id, (r) => ({ ...r, network: { ...r.network, networks: [...membershipOf(r.network), member] } }));
    this.#announce();
  }

  /** `docker network disconnect [-f]`: the network leaves the record, and the endpoint goes if the container runs. */
  disconnectNetwork(ref: string, target: string, force = false): void {
    const { record, state } = this.get(ref);
    let network: Network | undefined;
    try {
      network = this.#o.network.network(target);
    } catch (e) {
      // -f drops a membership even when its network is gone (moby forceEndpointDelete).
      if (!force) throw e;
    }
    const name = disconnectionFor(record, state, network, target);
    if ((state.Running || state.Paused) && network) {
      const endpoint = this.#o.network.endpointsOf(record.id).find((e) => e.networkId === network.id);
      this.#o.network.disconnectNetwork(record.id, network.id);
      if (endpoint) this.#live.get(record.id)?.networking?.left(endpoint);
    }
    this.#update(record.id, (r) => ({ ...r, network: { ...r.network, networks: membershipOf(r.network).filter((m) => m.name !== name) } }));
    this.#announce();
  }

  /** `docker start`: a process runc cannot exec fails here, and the container stays as it was. */
  start(ref: string, stdin: Readable = EMPTY_READER): ContainerView {
    const { record, state } = this.get(ref);
    const live = this.#live.get(record.id)!;
    // Refusals (paused, being removed) come before runc is asked anything.
    if (!state.Running && !state.Paused && !state.Dead && !state.phase.startsWith('removing')) {
      try {
        live.next = { prepared: this.#prepare(record, live), stdin };
      } catch (e) {
        if (isDockerError(e)) this.#update(record.id, (r) => ({ ...r, startFailure: { exitCode: e.code === 'ESTART' ? e.exitCode : 128, error: e.message.replace(/^Error response from daemon: /, '') } }));
        throw e;
      }
    }
    try {
      return this.#send(record, { type: 'START', ref });
    } finally {
      live.next = undefined;
    }
  }

  /** `docker stop`: the stop signal, SIGKILL after the timeout; resolves once the process is gone. */
  async stop(ref: string, timeout?: number, signal?: string): Promise<void> {
    const { record } = this.get(ref);
    this.#send(record, { type: 'STOP', ref, ...(timeout !== undefined ? { timeout } : {}), ...(signal ? { signal } : {}) });
    await this.waitFor(record.id, (s) => !s.Running || s.Restarting);
  }

  /** `docker kill`: delivers the signal and returns at once. */
  kill(ref: string, signal?: string): void {
    const { record } = this.get(ref);
    this.#send(record, { type: 'KILL', ref, ...(signal !== undefined ? { signal } : {}) });
  }

  /** `docker restart`: stop (with the timeout), then start. */
  async restart(ref: string, timeout?: number, signal?: string): Promise<void> {
    const { record } = this.get(ref);
    this.#send(record, { type: 'RESTART', ref, ...(timeout !== undefined ? { timeout } : {}), ...(signal ? { signal } : {}) });
    await this.waitFor(record.id, (s) => s.removed || s.phase === 'running.up' || !s.Running);
  }

  /** `docker rm [-f] [-v]`: resolves once the container is gone (with its anonymous volumes, for `-v`). */
  async remove(ref: string, force = false, removeVolumes = false): Promise<void> {
    const { record } = this.get(ref);
    const live = this.#live.get(record.id)!;
    const before = live.removeVolumes;
    live.removeVolumes = removeVolumes || before;
    try {
      this.#send(record, { type: 'REMOVE', ref, force });
    } catch (e) {
      live.removeVolumes = before;
      throw e;
    }
    await this.waitFor(record.id, (s) => s.removed || s.Dead);
  }

  /** `docker rename`: the container keeps its ID, state and everything else (moby daemon/rename.go). */
  rename(ref: string, newName: string): ContainerRecord {
    const { record } = this.get(ref);
    const name = checkRename(this.#records.values(), record, newName);
    this.#update(record.id, (r) => ({ ...r, name }));
    this.#live.get(record.id)!.lifecycle.send({ type: 'CONFIGURE', name });
    this.#announce();
    return this.#records.get(record.id)!;
  }

  /** `docker update --restart`: the new policy applies from the next exit on (moby UpdateMonitor). */
  updateRestartPolicy(ref: string, policy: RestartPolicy): ContainerRecord {
    const { record } = this.get(ref);
    if (record.autoRemove && policy.Name !== 'no') throw cannotUpdate(record.id, 'Restart policy cannot be updated because AutoRemove is enabled for the container');
    this.#update(record.id, (r) => ({ ...r, restartPolicy: policy }));
    this.#live.get(record.id)!.lifecycle.send({ type: 'CONFIGURE', restartPolicy: policy });
    this.#announce();
    return this.#records.get(record.id)!;
  }

  /**
   * `docker container prune`: removes every container that is not running and passes the filters, as `docker rm`
   * without -v would (anonymous volumes stay); answers the IDs removed and the bytes their writable layers held.
   */
  async prune(filters: Filters): Promise<{ deleted: string[]; spaceReclaimed: number }> {
    const deleted: string[] = [];
    let spaceReclaimed = 0;
    for (const { record } of pruneCandidates(this.list(), filters, this.clock.now())) {
      const size = this.sizeRw(record.id);
      try {
        await this.remove(record.id);
      } catch (e) {
        // The daemon logs a container it could not remove and goes on with the others.
        if (!isDockerError(e)) throw e;
        continue;
      }
      deleted.push(record.id);
      spaceReclaimed += size;
    }
    return { deleted, spaceReclaimed };
  }

  /** Resolves with the first state (now or later) that passes `test`; a removed container ends every wait. */
  waitFor(id: string, test: (state: ContainerState) => boolean): Promise<ContainerState> {
    const live = this.#live.get(id);
    if (!live) return this.#gone.has(id) ? Promise.resolve(this.#gone.get(id)!) : Promise.reject(noSuchContainer(id));
    const now = live.lifecycle.state();
    if (test(now)) return Promise.resolve(now);
    return new Promise((resolve) => {
      const watch = (state: ContainerState) => {
        if (!test(state) && !state.removed) return;
        live.watchers.delete(watch);
        resolve(state);
      };
      live.watchers.add(watch);
    });
  }

  /** Streams what the container's process writes from now on (attach); returns the detach function. */
  attach(id: string, output: (entry: LogEntry) => Promise<void>): () => void {
    const live = this.#live.get(id);
    if (!live) return () => {};
    live.outputs.add(output);
    return () => live.outputs.delete(output);
  }

  /** The log entries so far (the container's record may be gone: then none). */
  logs(id: string): readonly LogEntry[] {
    return this.#live.get(id)?.logs ?? [];
  }

  /** Containers created from an image (`docker rmi` refuses to delete it under them). */
  containersUsing(imageId: Digest): ContainerUse[] {
    return this.list()
      .filter((c) => c.record.imageId === imageId)
      .map((c) => ({ id: c.record.id, running: c.state.Running }));
  }

  /** Bytes in the container's writable layer (`docker ps -s` SIZE, `system df`), moby's directory size of the diff. */
  sizeRw(id: string): number {
    const live = this.#live.get(id);
    const p = live?.process;
    const record = this.#records.get(id);
    if (!record) return 0;
    return layerSize(p ? diffTrees(p.imageRoot, p.fs.root) : record.layer);
  }

  /** The writable layer plus the image's layers: `docker ps -s`'s "virtual" size. */
  sizeRootFs(id: string): number {
    const record = this.#records.get(id);
    if (!record) return 0;
    const image = record.imageLayers.reduce((n, c) => n + (this.#o.images.store.layers.get(c)?.size ?? 0), 0);
    return image + this.sizeRw(id);
  }

  /** A container's writable layer sits on its image's layers: they stay while the container exists. */
  layerInUse(chainId: Digest): boolean {
    return [...this.#records.values()].some((r) => r.imageLayers.includes(chainId));
  }

  /** `docker pause`: freezes every process of the container (the lifecycle's freeze effect). */
  pause(ref: string): ContainerView {
    const { record } = this.get(ref);
    return this.#send(record, { type: 'PAUSE', ref });
  }

  /** `docker unpause`: thaws them; held timers fire, held writes go out. */
  unpause(ref: string): ContainerView {
    const { record } = this.get(ref);
    return this.#send(record, { type: 'UNPAUSE', ref });
  }

  /** `docker exec`: a new process in the running container (see exec.ts); refused as moby's getActiveContainer does. */
  exec(ref: string, request: ExecRequest): ExecProcess {
    const { record, state } = this.get(ref);
    const live = this.#live.get(record.id)!;
    if (!state.Running || !live.process) throw execNotRunning(record.id);
    if (state.Paused) throw execPaused(ref);
    if (state.Restarting) throw execRestarting(record.id);
    const net = this.#o.network.stackOf(record.id);
    return startExec({ record, fs: live.process.fs, cgroup: live.cgroup, linkEnv: live.process.linkEnv, ...(net ? { services: { net } } : {}) }, request, this.#hostOf(live));
  }

  /** State.Health while the container runs a health check. */
  health(id: string): HealthState | undefined {
    return this.#live.get(id)?.health?.state();
  }

  /** One health probe: the check runs as an exec (moby's monitor does the same), output collected. */
  async #probe(id: string, cmd: readonly string[], signal: AbortSignal): Promise<{ exitCode: number; output: string }> {
    const out = new Collector();
    const exec = this.exec(id, { cmd, stdin: EMPTY_READER, stdout: out, stderr: out });
    const kill = () => exec.kill('SIGKILL');
    signal.addEventListener('abort', kill, { once: true });
    try {
      return { exitCode: await exec.exit, output: out.text() };
    } finally {
      signal.removeEventListener('abort', kill);
    }
  }

  /** `docker stats`: one sample of the container's counters (all zero when it does not run). */
  stats(id: string): ContainerStats {
    const record = this.#records.get(id);
    const live = this.#live.get(id);
    if (!record || !live?.process) return NO_STATS;
    return sampleStats(record, live.cgroup.list(), live.process.fs);
  }

  /** The container's processes, main first (empty when it does not run). */
  processes(id: string): readonly ProcessEntry[] {
    return this.#live.get(id)?.cgroup.list() ?? [];
  }

  /**
   * The running container's filesystem (mounts included), or undefined when it is not running: what exec'd
   * processes, `docker cp` and `docker stats` (tmpfs contents) look at.
   */
  liveFs(id: string): Fs | undefined {
    return this.#live.get(id)?.process?.fs;
  }

  /** The root filesystem as it stands: the image's layers (merged) and the writable layer, for diff, cp and commit. */
  rootfs(id: string): { readonly imageRoot: DirEntry; readonly layer: DirEntry } {
    const record = this.#records.get(id);
    if (!record) throw noSuchContainer(id);
    const p = this.#live.get(id)?.process;
    return p ? { imageRoot: p.imageRoot, layer: diffTrees(p.imageRoot, p.fs.root) } : { imageRoot: union(this.#imageLayers(record)), layer: record.layer };
  }

  /** Replaces a stopped container's writable layer (`docker cp` into it); a running one writes through its fs. */
  setLayer(id: string, layer: DirEntry): void {
    if (this.#live.get(id)?.process) throw new Error('a running container writes through its filesystem');
    this.#update(id, (r) => ({ ...r, layer }));
    this.#announce();
  }

  /**
   * The container's filesystem for `docker cp`, running or not: a stopped container's root filesystem with its
   * mounts attached as the daemon mounts them for an archive request; `save` keeps what was written into its root
   * filesystem as its writable layer (a running one's writes are in place already).
   */
  archiveFs(id: string): { readonly fs: Fs; save(): void } {
    const live = this.#live.get(id)?.process;
    if (live) return { fs: live.fs, save: () => {} };
    const record = this.#records.get(id);
    if (!record) throw noSuchContainer(id);
    const { imageRoot, layer } = this.rootfs(id);
    const now = () => this.clock.nowSeconds();
    const rootfs = new TreeFs(union([imageRoot, layer]), now);
    const mounts = attachMounts(record.mounts, rootfs, { volumes: this.#o.volumes, hostFs: this.#o.hostFs, now });
    return { fs: mounts.length > 0 ? new MountedFs(rootfs, mounts) : rootfs, save: () => this.setLayer(id, diffTrees(imageRoot, rootfs.root)) };
  }

  #hostOf(live: Live): ContainerServiceOptions {
    return { ...this.#o, clock: live.cgroup.clock };
  }

  #state(id: string): ContainerState {
    const live = this.#live.get(id);
    const state = live!.lifecycle.state();
    const failure = this.#records.get(id)?.startFailure;
    // A failed start leaves the lifecycle untouched; Docker still reports the code and message.
    return failure && !state.Running ? { ...state, ExitCode: failure.exitCode, Error: failure.error } : state;
  }

  #send(record: ContainerRecord, command: LifecycleCommand): ContainerView {
    const result = this.#live.get(record.id)!.lifecycle.send(command);
    if (!result.ok) throw result.error;
    return { record: this.#records.get(record.id) ?? record, state: this.#state(record.id) };
  }

  #open(id: string, make: (effects: LifecycleEffects) => ContainerLifecycle): Live {
    const holder: { live?: Live } = {};
    const effects: LifecycleEffects = {
      clock: this.clock,
      onStartProcess: () => this.#startProcess(holder.live!, id),
      onSignal: (signal) => {
        const p = holder.live?.process;
        if (p?.receives(signal)) p.abort.abort(signal);
      },
      onRemove: () => this.#finishRemoval(id),
      onPause: () => holder.live?.cgroup.freezer.freeze(),
      onUnpause: () => holder.live?.cgroup.freezer.thaw(),
      onChange: (state) => {
        for (const watch of [...(holder.live?.watchers ?? [])]) watch(state);
        if (state.Status === 'exited' && this.#records.get(id)?.autoRemove) queueMicrotask(() => this.#autoRemove(id));
        this.#announce();
      },
    };
    const cgroup = new ContainerCgroup(this.clock, this.#pids);
    const live: Live = { lifecycle: make(effects), logs: [...(this.#records.get(id)?.logs ?? [])], outputs: new Set(), watchers: new Set(), cgroup };
    holder.live = live;
    this.#live.set(id, live);
    return live;
  }

  /**
   * The next start's process: connected to its network first (a taken port fails here), then prepared as runc
   * would; a failure leaves nothing connected.
   */
  #prepare(record: ContainerRecord, live: Live): PreparedProcess {
    const running = (id: string) => this.#live.get(id)?.lifecycle.state().Running ?? false;
    // Legacy links work on the default bridge only; on user-defined networks the embedded DNS resolves names.
    const links = record.network.mode === 'bridge' ? linkedChildren(record, this.#records.values(), running, (id) => this.#o.network.endpointsOf(id)[0]?.ipAddress) : [];
    const networking = connectContainer(this.#o.network, record, this.#o.hostFs, () => this.clock.nowSeconds(), links);
    live.networking = networking;
    try {
      return prepareMainProcess(record, this.#rootOf(record), this.#hostOf(live), networking);
    } catch (e) {
      this.#o.network.disconnect(record.id);
      throw e;
    }
  }

  #rootOf(record: ContainerRecord): DirEntry {
    return union([...this.#imageLayers(record), record.layer]);
  }

  #imageLayers(record: Pick<ContainerRecord, 'imageLayers'>): DirEntry[] {
    return record.imageLayers.map((c) => this.#o.images.store.layers.get(c)?.tree ?? makeDir());
  }

  #startProcess(live: Live, id: string): void {
    const record = this.#records.get(id)!;
    const imageRoot = union(this.#imageLayers(record));
    const abort = new AbortController();
    let next = live.next;
    live.next = undefined;
    if (!next) {
      try {
        next = { prepared: this.#prepare(record, live), stdin: EMPTY_READER };
      } catch (e) {
        if (!isDockerError(e)) throw e;
        const exitCode = e.code === 'ESTART' ? e.exitCode : 128;
        this.#update(id, (r) => ({ ...r, startFailure: { exitCode, error: e.message.replace(/^Error response from daemon: /, '') } }));
        // A policy restart whose command has gone: the start counts as an immediate exit (and may be retried).
        queueMicrotask(() => live.lifecycle.send({ type: 'PROCESS_EXITED', code: exitCode }));
        return;
      }
    }
    this.#update(id, (r) => {
      const { startFailure: _, ...rest } = r;
      return rest;
    });
    const { prepared, stdin } = next;
    live.process = { id, fs: prepared.fs, abort, imageRoot, receives: prepared.receives, linkEnv: prepared.linkEnv };
    // containerd's shim is the main process's parent (and every exec'd process's): it takes the PID before it.
    const shim = this.#pids.next();
    live.cgroup.add({
      ppid: shim,
      uid: prepared.uid,
      argv: [record.path, ...record.args],
      started: this.clock.now(),
      ...(record.config.Tty ? { tty: live.cgroup.allocateTty() } : {}),
      residentBytes: prepared.program?.residentBytes ?? DEFAULT_RESIDENT_BYTES,
    });
    const { freezer } = live.cgroup;
    const exit = prepared.launch({ stdin, stdout: freezer.writer(this.#log(live, id, 'stdout')), stderr: freezer.writer(this.#log(live, id, 'stderr')), signal: abort.signal });
    if (hasHealthcheck(record)) {
      live.health = startHealthMonitor({
        clock: live.cgroup.clock,
        config: record.config.Healthcheck!,
        test: record.config.Healthcheck!.Test!,
        exec: (cmd, signal) => this.#probe(id, cmd, signal),
        onChange: () => this.#announce(),
      });
    }
    void exit.then((code) => {
      if (this.#live.get(id) !== live || live.process?.fs !== prepared.fs) return;
      live.health?.stop();
      live.health = undefined;
      live.cgroup.killAll();
      live.process = undefined;
      this.#o.network.disconnect(id);
      this.#update(id, (r) => ({ ...r, layer: diffTrees(imageRoot, prepared.fs.root) }));
      live.lifecycle.send({ type: 'PROCESS_EXITED', code });
    });
  }

  /** The process's output into the log; a process discarded by a snapshot restore writes nowhere. */
  #log(live: Live, id: string, stream: 'stdout' | 'stderr') {
    const decoder = new TextDecoder();
    return {
      write: async (data: string | Uint8Array) => {
        const text = typeof data === 'string' ? data : decoder.decode(data, { stream: true });
        if (text === '' || this.#live.get(id) !== live) return;
        // With a tty (`-t`) the process has one terminal for both: everything is stdout, as `docker logs` shows it.
        const entry: LogEntry = { stream: this.#records.get(id)?.config.Tty ? 'stdout' : stream, time: this.clock.now(), text };
        live.logs.push(entry);
        await Promise.all([...live.outputs].map((out) => out(entry)));
      },
    };
  }

  #autoRemove(id: string): void {
    const live = this.#live.get(id);
    if (!live || live.lifecycle.state().Status !== 'exited') return;
    live.removeVolumes = true;
    live.lifecycle.send({ type: 'REMOVE' });
  }

  #finishRemoval(id: string): void {
    queueMicrotask(() => {
      const live = this.#live.get(id);
      const record = this.#records.get(id);
      this.#records.delete(id);
      this.#live.delete(id);
      if (live?.removeVolumes && record) this.#removeAnonymousVolumes(record);
      // The image's layers this container alone kept (its image force-removed) go with it.
      if (record) this.#o.images.update((store) => releaseLayers(store, record.imageLayers, (l) => this.layerInUse(l)));
      live?.lifecycle.send({ type: 'REMOVED' });
      if (live) this.#gone.set(id, live.lifecycle.state());
      for (const watch of [...(live?.watchers ?? [])]) watch(live!.lifecycle.state());
      live?.lifecycle.dispose();
      this.#announce();
    });
  }

  /** moby's removeMountPoints with rm: only anonymous volumes, and only those no other container still uses. */
  #removeAnonymousVolumes(record: ContainerRecord): void {
    for (const m of record.mounts) {
      if (m.Type !== 'volume' || !m.Name) continue;
      try {
        if (isAnonymous(this.#o.volumes.get(m.Name))) this.#o.volumes.remove(m.Name);
      } catch {
        // In use by another container, or already gone: the daemon logs it and carries on.
      }
    }
  }

  #discard(live: Live): void {
    live.health?.stop();
    const p = live.process;
    if (p) this.#o.network.disconnect(p.id);
    live.process = undefined;
    live.cgroup.killAll();
    p?.abort.abort('SIGKILL');
    live.lifecycle.dispose();
  }

  #update(id: string, change: (r: ContainerRecord) => ContainerRecord): void {
    const record = this.#records.get(id);
    if (record) this.#records.set(id, change(record));
  }

  #announce(): void {
    this.#o.announce?.({ type: 'containers-changed' });
  }
}




/** moby errCannotUpdate: the update's refusal, wrapped with the container's ID. */
function cannotUpdate(id: string, message: string): DockerError {
  return new DockerError(`Error response from daemon: Cannot update container ${id}: ${message}`, 1, 'EUPDATE');
}
