import { goQuote } from '../../core/go-quote.ts';
import { formatGoDuration, type AddCommand, type Command, type CopyCommand, type RunCommand } from '../../dockerfile/instructions/index.ts';
import { resolvePath } from '../../fs/path.ts';
import { TreeFs } from '../../fs/tree-fs.ts';
import type { DirEntry } from '../../fs/types.ts';
import { union } from '../../fs/union.ts';
import { applyCopy, BuildContextError, resolveChown, type CopySource, type Owner } from '../context/index.ts';
import { SolveProgress } from '../solve-progress.ts';
import { executeRun } from '../steps/run.ts';
import { resolveUser } from '../user.ts';
import { copyInfos, sourceHash } from './copy-info.ts';
import type { LegacyDaemon } from './daemon.ts';
import { LegacyBuildError } from './errors.ts';
import { copyRunConfig, type HealthConfig } from './run-config.ts';
import type { StageResults } from './stages.ts';
import { envRecord, expandWord, expandWords, expansionEnv, shellOf, shortId, type DispatchState } from './state.ts';

/**
 * The legacy builder's dispatchers (moby daemon/builder/dockerfile/dispatchers.go). Every instruction commits an
 * image: the metadata ones through a container that changes nothing, with a `#(nop)` Cmd that names the step,
 * so each one is a cache lookup of its own and a changed LABEL or CMD misses every step after it.
 */
export interface DispatchContext {
  readonly daemon: LegacyDaemon;
  /** The build context the daemon extracted. */
  readonly context: DirEntry;
  readonly stages: StageResults;
  readonly pull: boolean;
  /** The LABEL instructions `--label` added: their text is not expanded. */
  readonly literal: ReadonlySet<Command>;
}

const REQUIRES_BUILDKIT = 'requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled';

export async function dispatchInstruction(ctx: DispatchContext, st: DispatchState, cmd: Command): Promise<void> {
  const rc = st.runConfig;
  switch (cmd.kind) {
    case 'env': {
      const env = expansionEnv(st);
      const list = [...(rc.Env ?? [])];
      let message = 'ENV';
      for (const kv of cmd.env) {
        const key = expandWord(st, kv.key, env);
        const entry = `${key}=${expandWord(st, kv.value, env)}`;
        message += ` ${entry}`;
        const i = list.findIndex((e) => e.split('=')[0] === key);
        if (i >= 0) list[i] = entry;
        else list.push(entry);
      }
      rc.Env = list;
      return commitMetadata(ctx, st, message);
    }
    case 'maintainer':
      st.maintainer = cmd.maintainer;
      return commitMetadata(ctx, st, `MAINTAINER ${cmd.maintainer}`);
    case 'label': {
      const env = expansionEnv(st);
      const word = (w: string) => (ctx.literal.has(cmd) ? w : expandWord(st, w, env));
      const labels = { ...(rc.Labels ?? {}) };
      let message = 'LABEL';
      for (const kv of cmd.labels) {
        const key = word(kv.key);
        const value = word(kv.value);
        labels[key] = value;
        message += ` ${key}=${value}`;
      }
      rc.Labels = labels;
      return commitMetadata(ctx, st, message);
    }
    case 'add':
    case 'copy':
      return dispatchCopy(ctx, st, cmd);
    case 'onbuild':
      rc.OnBuild = [...(rc.OnBuild ?? []), cmd.expression];
      return commitMetadata(ctx, st, `ONBUILD ${cmd.expression}`);
    case 'workdir':
      return dispatchWorkdir(ctx, st, expandWord(st, cmd.path));
    case 'run':
      return dispatchRun(ctx, st, cmd);
    case 'cmd': {
      const line = resolveCmdLine(st, cmd);
      rc.Cmd = line;
      rc.ArgsEscaped = false;
      await commitMetadata(ctx, st, `CMD ${goQuotedList(line)}`);
      if ((cmd.cmdLine ?? []).length > 0) st.cmdSet = true;
      return;
    }
    case 'healthcheck': {
      const old = rc.Healthcheck?.Test;
      if (old && old.length > 0 && old[0] !== 'NONE') await ctx.daemon.stream.stdout(`Note: overriding previous HEALTHCHECK: [${old.join(' ')}]\n`);
      const h = cmd.health;
      const health: HealthConfig = {
        Test: [...h.test],
        ...(h.interval ? { Interval: h.interval } : {}),
        ...(h.timeout ? { Timeout: h.timeout } : {}),
        ...(h.startPeriod ? { StartPeriod: h.startPeriod } : {}),
        ...(h.startInterval ? { StartInterval: h.startInterval } : {}),
        ...(h.retries ? { Retries: h.retries } : {}),
      };
      rc.Healthcheck = health;
      // Go's %q of the *HealthConfig: durations through their String method, the retry count as a quoted rune.
      const d = (ns: number) => goQuote(formatGoDuration(ns));
      const retries = `'\\x${h.retries.toString(16).padStart(2, '0')}'`;
      return commitMetadata(ctx, st, `HEALTHCHECK &{${goQuotedList(h.test)} ${d(h.interval)} ${d(h.timeout)} ${d(h.startPeriod)} ${d(h.startInterval)} ${retries}}`);
    }
    case 'entrypoint': {
      const line = resolveCmdLine(st, cmd);
      rc.Entrypoint = line;
      rc.ArgsEscaped = false;
      if (!st.cmdSet) rc.Cmd = null;
      return commitMetadata(ctx, st, `ENTRYPOINT ${goQuotedList(line)}`);
    }
    case 'expose': {
      const env = expansionEnv(st);
      const ports = cmd.ports.flatMap((p) => expandWords(st, p, env));
      const set = { ...(rc.ExposedPorts ?? {}) };
      for (const p of ports) for (const port of portSpecs(p)) set[port] = {};
      rc.ExposedPorts = set;
      return commitMetadata(ctx, st, `EXPOSE ${ports.join(' ')}`);
    }
    case 'user':
      rc.User = expandWord(st, cmd.user);
      return commitMetadata(ctx, st, `USER ${rc.User}`);
    case 'volume': {
      const env = expansionEnv(st);
      const volumes = cmd.volumes.map((v) => expandWord(st, v, env));
      const set = { ...(rc.Volumes ?? {}) };
      for (const v of volumes) {
        if (v === '') throw new LegacyBuildError('VOLUME specified can not be an empty string');
        set[v] = {};
      }
      rc.Volumes = set;
      return commitMetadata(ctx, st, `VOLUME [${volumes.join(' ')}]`);
    }
    case 'stopsignal': {
      const signal = expandWord(st, cmd.signal);
      if (!validSignal(signal)) throw new LegacyBuildError(`Invalid signal: ${signal}`);
      rc.StopSignal = signal;
      return commitMetadata(ctx, st, `STOPSIGNAL ${signal}`);
    }
    case 'arg': {
      const env = expansionEnv(st);
      const parts: string[] = [];
      for (const a of cmd.args) {
        const key = expandWord(st, a.key, env);
        const value = a.value === undefined ? undefined : expandWord(st, a.value, env);
        parts.push(value === undefined ? key : `${key}=${value}`);
        st.buildArgs.addArg(key, value);
      }
      return commitMetadata(ctx, st, `ARG ${parts.join(' ')}`);
    }
    case 'shell':
      rc.Shell = [...cmd.shell];
      return commitMetadata(ctx, st, `SHELL [${cmd.shell.join(' ')}]`);
  }
}

/** commit: the config change goes into an image through a container created with a `#(nop)` command. */
async function commitMetadata(ctx: DispatchContext, st: DispatchState, comment: string): Promise<void> {
  const config = copyRunConfig(st.runConfig, { Cmd: [...shellOf(st.runConfig), '#(nop) ', comment] });
  const id = await ctx.daemon.probeAndCreate(st, config);
  if (id === '') return;
  await ctx.daemon.commit(st, config, st.snapshot.root, id);
}

/** `["node" "index.js"]`: Go's %q of a string slice. */
function goQuotedList(items: readonly string[]): string {
  return `[${items.map(goQuote).join(' ')}]`;
}

/** resolveCmdLine on Linux: a shell form runs under the stage's shell; ArgsEscaped is always false. */
function resolveCmdLine(st: DispatchState, cmd: { readonly cmdLine: readonly string[] | undefined; readonly prependShell: boolean }): string[] {
  const line = cmd.cmdLine ?? [];
  if (line.length === 0) return [];
  return cmd.prependShell ? [...shellOf(st.runConfig), ...line] : [...line];
}

/**
 * RUN: the cache key is the command with the build args in scope written before it (`|1 VERSION=2 /bin/sh -c
 * …`), which is also the history line; the container runs with those args in its environment.
 */
async function dispatchRun(ctx: DispatchContext, st: DispatchState, cmd: RunCommand): Promise<void> {
  if (cmd.flagsUsed.length > 0) throw new LegacyBuildError(`the --${cmd.flagsUsed[0]} option ${REQUIRES_BUILDKIT}`);
  const rc = st.runConfig;
  const line = resolveCmdLine(st, cmd);
  const args = st.buildArgs.filterAllowed(rc.Env);
  let saveCmd = line;
  if (args.length > 0) {
    const shown = args.filter((kv) => st.buildArgs.isReferencedOrNotBuiltin(kv.split('=')[0]!)).sort();
    saveCmd = [`|${shown.length}`, ...shown, ...line];
  }
  const probe = copyRunConfig(rc, { Cmd: saveCmd, ArgsEscaped: false, ...(saveCmd.length > 0 ? { Entrypoint: null } : {}) });
  if (await ctx.daemon.probeCache(st, probe)) return;

  const id = await ctx.daemon.create(st);
  const root = st.snapshot.root;
  const { uid, gid } = runUser(root, rc.User);
  // The daemon's container environment: PATH and HOSTNAME first, then the config's (build args included).
  const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: shortId(id), ...envRecord([...(rc.Env ?? []), ...args]) };
  const { clock, programs, kernel, signal } = ctx.daemon.env;
  const stream = ctx.daemon.stream;
  // executeRun reports output as BuildKit log records; here they go straight to the client.
  const progress = new SolveProgress(clock, {
    write: async (s) => {
      for (const log of s.logs) await (log.stream === 1 ? stream.stdout(log.data) : stream.stderr(log.data));
    },
    done: () => {},
  });
  const outcome = await executeRun(root, { argv: line, env, cwd: rc.WorkingDir || '/', uid, gid }, id, { clock, programs, ...(kernel ? { kernel } : {}), ...(signal ? { signal } : {}), progress, hostname: shortId(id) });
  if (signal?.aborted) throw new LegacyBuildError('Build cancelled');
  if (outcome.startError) {
    // containerd's wrapping of runc's error as Docker 28 shows a container that cannot start (wording inferred).
    throw new LegacyBuildError(`failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${outcome.startError}: unknown`);
  }
  if (outcome.exitCode !== 0) {
    throw new LegacyBuildError(`The command '${line.join(' ')}' returned a non-zero code: ${outcome.exitCode}`, outcome.exitCode);
  }
  await ctx.daemon.commit(st, probe, outcome.root, id);
}

function runUser(root: DirEntry, user: string): { uid: number; gid: number } {
  try {
    return resolveUser(root, user);
  } catch (e) {
    // runc refuses to start the container (wording of containerd's wrap inferred, as for a missing command).
    throw new LegacyBuildError(`failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${e instanceof Error ? e.message : String(e)}: unknown`);
  }
}

/**
 * WORKDIR: the directory is made in the step's container (root-owned, 0755, only what is missing), so an existing
 * directory gives an empty diff and the image no new layer.
 */
async function dispatchWorkdir(ctx: DispatchContext, st: DispatchState, requested: string): Promise<void> {
  if (requested === '') throw new LegacyBuildError('cannot normalize nothing');
  const rc = st.runConfig;
  rc.WorkingDir = resolvePath(rc.WorkingDir || '/', requested);
  const config = copyRunConfig(rc, { Cmd: [...shellOf(rc), `#(nop) WORKDIR ${rc.WorkingDir}`] });
  const id = await ctx.daemon.probeAndCreate(st, config);
  if (id === '') return;
  const { clock } = ctx.daemon.env;
  const fs = new TreeFs(st.snapshot.root, () => clock.nowSeconds());
  if (fs.exists(rc.WorkingDir)) {
    if (fs.entry(rc.WorkingDir, true).type !== 'dir') throw new LegacyBuildError(`Cannot mkdir: ${rc.WorkingDir} is not a directory`);
  } else fs.mkdir(rc.WorkingDir, { recursive: true, mode: 0o755 });
  await ctx.daemon.commit(st, config, fs.root, id);
}

/**
 * COPY/ADD: the sources' hash goes into the `#(nop) COPY file:… in /dest ` command the cache compares; the copy
 * is written straight into a layer, with no container.
 */
async function dispatchCopy(ctx: DispatchContext, st: DispatchState, cmd: CopyCommand | AddCommand): Promise<void> {
  const name = cmd.kind === 'copy' ? 'COPY' : 'ADD';
  if (cmd.chmod !== '') throw new LegacyBuildError(`the --chmod option ${REQUIRES_BUILDKIT}`);
  const env = expansionEnv(st);
  const from = cmd.kind === 'copy' ? cmd.from : '';
  const chown = expandWord(st, cmd.chown, env);
  const sources = cmd.sourcePaths.map((s) => expandWord(st, s, env));
  const dest = expandWord(st, cmd.destPath, env);
  const root = from === '' ? ctx.context : await sourceImageRoot(ctx, from);
  const infos = copyInfos(root, sources, dest, {
    cmdName: name,
    fromImage: from !== '',
    download: (url) => {
      const host = /^https?:\/\/([^/:?#]+)/.exec(url)?.[1] ?? url;
      return `Get ${goQuote(url)}: dial tcp: lookup ${host}: no such host`;
    },
  });
  const rc = st.runConfig;
  const comment = `${name} ${chown ? `--chown=${chown} ` : ''}${sourceHash(infos)} in ${dest} `;
  const config = copyRunConfig(rc, { Cmd: [...shellOf(rc), `#(nop) ${comment}`] });
  if (await ctx.daemon.probeCache(st, config)) return;

  const input = st.snapshot.root;
  let owner: Owner | undefined;
  if (chown !== '') {
    try {
      owner = resolveChown(chown, input);
    } catch (e) {
      throw new LegacyBuildError(`unable to convert uid/gid chown string to host mapping: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else if (from === '') owner = { uid: 0, gid: 0 };
  const selected: CopySource[] = infos.map((i) => ({ path: i.path, entry: i.entry, name: i.name, wildcard: false }));
  const destPath = normalizeDest(rc.WorkingDir, dest);
  let after: DirEntry;
  try {
    after = await applyCopy(input, selected, { dest: destPath, ...(owner ? { chown: owner } : {}), unpack: cmd.kind === 'add', now: ctx.daemon.env.clock.nowSeconds() });
  } catch (e) {
    if (e instanceof BuildContextError) throw new LegacyBuildError(`failed to copy files: ${e.message}`);
    throw e;
  }
  await ctx.daemon.commit(st, config, after);
}

/** `COPY --from`: an earlier stage's image, or any image (pulled if it is not here). */
async function sourceImageRoot(ctx: DispatchContext, from: string): Promise<DirEntry> {
  try {
    const stage = ctx.stages.get(from);
    const image = await ctx.daemon.getImage(stage ?? from, { localOnly: stage !== undefined, pull: false });
    return union(ctx.daemon.snapshotOfImage(image).layers.map((l) => l.tree));
  } catch (e) {
    if (e instanceof LegacyBuildError) throw new LegacyBuildError(`invalid from flag value ${from}: ${e.message}`);
    throw e;
  }
}

/** normalizeDest: a relative destination is joined to WORKDIR, keeping a trailing slash. */
function normalizeDest(workdir: string, dest: string): string {
  if (dest.startsWith('/')) return dest;
  const joined = resolvePath(workdir || '/', dest);
  return dest.endsWith('/') && joined !== '/' ? `${joined}/` : joined;
}

/** nat.ParsePortSpecs for EXPOSE: `3000`, `3000/udp`, `8000-8002`; anything else is refused. */
export function portSpecs(spec: string): string[] {
  const m = /^(\d+)(?:-(\d+))?(?:\/([a-zA-Z]+))?$/.exec(spec);
  const proto = (m?.[3] ?? 'tcp').toLowerCase();
  if (!m) throw new LegacyBuildError(`invalid containerPort: ${spec.split('/')[0]}`);
  if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new LegacyBuildError(`invalid proto: ${proto}`);
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (to < from) throw new LegacyBuildError(`invalid containerPort: ${spec.split('/')[0]}`);
  const out: string[] = [];
  for (let p = from; p <= to; p++) out.push(`${p}/${proto}`);
  return out;
}

const SIGNALS = new Set([
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL', 'PROF', 'PWR',
  'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'USR1', 'USR2', 'VTALRM', 'WINCH',
  'XCPU', 'XFSZ', 'RTMIN', 'RTMAX',
]);

/** moby/sys/signal.ParseSignal: a non-zero number, or a Linux signal name with or without `SIG`. */
function validSignal(s: string): boolean {
  if (/^\d+$/.test(s)) return Number(s) !== 0;
  const name = s.toUpperCase().replace(/^SIG/, '');
  return SIGNALS.has(name) || /^RTMIN\+([1-9]|1[0-5])$/.test(name) || /^RTMAX-([1-9]|1[0-4])$/.test(name);
}
