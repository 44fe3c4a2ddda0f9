import { parse, parseInstruction, InstructionParseError, type Command, type LabelCommand, type ParsedDockerfile } from '../../dockerfile/instructions/index.ts';
import { DockerfileParseError, parseDockerfile, type ParseResult } from '../../dockerfile/parser/index.ts';
import { processWord } from '../../dockerfile/words/index.ts';
import { EMPTY_DIR } from '../../fs/tree.ts';
import type { DirEntry } from '../../fs/types.ts';
import { familiarString, parseReference } from '../../image/reference.ts';
import { setTag } from '../../image/store.ts';
import type { Digest } from '../../image/types.ts';
import { snapshotOf } from '../snapshot.ts';
import type { BuildResult, StepRecord } from '../types.ts';
import { BuildArgs } from './build-args.ts';
import { LegacyDaemon, type LegacyEnv } from './daemon.ts';
import { dispatchInstruction, type DispatchContext } from './dispatch.ts';
import { LegacyBuildError } from './errors.ts';
import { emptyRunConfig, runConfigOf } from './run-config.ts';
import { StageResults } from './stages.ts';
import { shortId, type DispatchState } from './state.ts';
import { DaemonStream, type LegacyOutput } from './stream.ts';

export type { LegacyEnv } from './daemon.ts';

/** What the legacy client sends the daemon (POST /build, version 1), once it has read its flags and the context. */
export interface LegacyBuildRequest {
  /** The context the daemon extracted: ignored files gone, and the Dockerfile and .dockerignore too if ignored. */
  readonly context: DirEntry;
  readonly dockerfile: string;
  /** The Dockerfile's path in the context (`Dockerfile`), as the daemon's errors name it. */
  readonly dockerfileName: string;
  /** `--build-arg`s; undefined for a bare `NAME` the client's environment did not have (Go's nil). */
  readonly buildArgs: ReadonlyMap<string, string | undefined>;
  readonly target?: string;
  readonly noCache: boolean;
  readonly pull: boolean;
  readonly labels: Readonly<Record<string, string>>;
  /** Canonical tag references. */
  readonly tags: readonly string[];
  /** `--rm` (default true): remove a step's container once the step succeeded. */
  readonly rm: boolean;
  /** `--force-rm`: remove it even when the step failed. */
  readonly forceRm: boolean;
}

export type LegacyBuildResult = BuildResult;

/** Thrown when the build failed: `message` for stderr, `exitCode`, and whether the daemon had sent anything yet. */
export class LegacyBuildFailure extends LegacyBuildError {
  constructor(
    message: string,
    exitCode: number,
    /** False: the daemon refused the request, which the client prints as `Error response from daemon: …`. */
    readonly streamed: boolean,
  ) {
    super(message, exitCode);
  }
}

/**
 * The classic builder (moby daemon/builder/dockerfile) behind `DOCKER_BUILDKIT=0 docker build`: every stage up to
 * the target runs in file order, every instruction is a numbered step that commits an image on top of the last
 * one, and the image store is the cache. Output goes to `out` as the client prints the daemon's stream.
 */
export async function runLegacyBuild(req: LegacyBuildRequest, env: LegacyEnv, out: LegacyOutput): Promise<LegacyBuildResult> {
  const stream = new DaemonStream(out);
  const daemon = new LegacyDaemon(env, stream, req.noCache);
  try {
    return await build(req, daemon);
  } catch (e) {
    if (env.signal?.aborted) throw e;
    if (e instanceof LegacyBuildError) throw new LegacyBuildFailure(e.message, e.exitCode, stream.started);
    throw e;
  }
}

async function build(req: LegacyBuildRequest, daemon: LegacyDaemon): Promise<LegacyBuildResult> {
  const { stream, env } = daemon;
  const { parsed, syntax } = parseFile(req);
  let stages = [...parsed.stages];
  if (req.target) {
    const i = stages.findIndex((s) => s.name.toLowerCase() === req.target!.toLowerCase());
    if (i < 0) throw new LegacyBuildError(`target stage ${JSON.stringify(req.target)} could not be found`);
    stages = stages.slice(0, i + 1);
  }
  // `--label`s become LABEL instructions at the end of the last stage, in key order.
  const literal = new Set<Command>();
  const commands = stages.map((s) => [...s.commands]);
  for (const key of Object.keys(req.labels).sort()) {
    const label: LabelCommand = { kind: 'label', name: 'label', code: `LABEL ${key}=${req.labels[key]}`, startLine: 0, endLine: 0, labels: [{ key, value: req.labels[key]!, noDelim: false }] };
    literal.add(label);
    commands[commands.length - 1]!.push(label);
  }

  for (const w of syntax.warnings) await stream.stderr(`[WARNING]: ${w.short}\n`);
  if (syntax.warnings.length > 0) await stream.stderr('[WARNING]: Empty continuation lines will become errors in a future release.\n');

  const total = parsed.metaArgs.length + stages.length + commands.reduce((n, c) => n + c.length, 0);
  let n = 1;
  const step = (text: string) => stream.stdout(`Step ${n++}/${total} : ${text}\n`);
  const buildArgs = new BuildArgs(req.buildArgs);
  for (const meta of parsed.metaArgs) {
    await step(meta.code);
    for (const a of meta.args) {
      const value = a.value === undefined ? undefined : expandMeta(a.value, Object.fromEntries(buildArgs.allowed()), syntax.escapeToken);
      buildArgs.addArg(a.key, value);
      buildArgs.addMetaArg(a.key, value);
    }
  }

  const results = new StageResults();
  const steps: StepRecord[] = [];
  let st: DispatchState | undefined;
  for (const [index, stage] of stages.entries()) {
    results.checkNameAvailable(stage.name);
    await step(stage.sourceCode);
    const current = (st = await initializeStage(daemon, stage.baseName, stage.name, buildArgs.forStage(), results, req.pull, syntax.escapeToken));
    const ctx: DispatchContext = { daemon, context: req.context, stages: results, pull: req.pull, literal };
    // dispatch: the step's containers go once it succeeded (--rm), or whatever happened (--force-rm).
    const dispatch = async (cmd: Command) => {
      daemon.beginStep();
      try {
        await dispatchInstruction(ctx, current, cmd);
      } catch (e) {
        if (req.forceRm) await daemon.removeAll();
        else daemon.dropContainers();
        throw e;
      }
      if (req.rm || req.forceRm) await daemon.removeAll();
      else daemon.dropContainers();
    };
    // The base image's ONBUILD triggers run as part of FROM, and are not passed on.
    const triggers = st.runConfig.OnBuild ?? [];
    if (triggers.length > 0) {
      st.runConfig.OnBuild = null;
      await stream.stdout(`# Executing ${triggers.length} build trigger${triggers.length > 1 ? 's' : ''}\n`);
      for (const trigger of triggers) {
        st.runConfig.Image = st.imageId;
        await dispatch(parseTrigger(trigger));
      }
    }
    st.runConfig.Image = st.imageId;
    await stream.stdout(` ---> ${shortId(st.imageId)}\n`);
    for (const cmd of commands[index]!) {
      if (env.signal?.aborted) {
        await stream.stdout('Build cancelled\n');
        throw new LegacyBuildError('Build cancelled');
      }
      const label = `Step ${n}/${total} : ${cmd.code}`;
      await step(cmd.code);
      await dispatch(cmd);
      st.runConfig.Image = st.imageId;
      await stream.stdout(` ---> ${shortId(st.imageId)}\n`);
      steps.push({
        stage: stage.name || String(index),
        label,
        instruction: cmd.code,
        line: cmd.startLine,
        cached: daemon.cached,
        reason: daemon.reason,
        ...(daemon.layer ? { diffId: daemon.layer.diffId, size: daemon.layer.size } : {}),
      });
    }
    buildArgs.mergeReferenced(st.buildArgs);
    results.commit(st.stageName, st.imageId);
  }
  const unused = buildArgs.unused();
  if (unused.length > 0) await stream.stdout(`[Warning] One or more build-args [${unused.join(' ')}] were not consumed\n`);
  const imageId = st?.imageId ?? '';
  if (imageId === '') throw new LegacyBuildError('No image was generated. Is your Dockerfile empty?');

  await stream.stdout(`Successfully built ${shortId(imageId)}\n`);
  const displaced: Digest[] = [];
  for (const tag of req.tags) {
    const ref = parseReference(tag);
    env.images.update((store) => {
      const moved = setTag(store, ref, imageId);
      if (moved.previous) displaced.push(moved.previous);
      const image = moved.store.images.get(imageId)!;
      const images = new Map(moved.store.images);
      images.set(imageId, { ...image, lastTagTime: env.clock.now() });
      return { store: { ...moved.store, images } };
    });
    await stream.stdout(`Successfully tagged ${familiarString(ref)}\n`);
  }
  return { imageId, steps, displaced };
}

/**
 * The daemon reads the Dockerfile before it answers: an empty file, a syntax error or an instruction it cannot
 * type is refused outright (the client shows `Error response from daemon: …`).
 */
function parseFile(req: LegacyBuildRequest): { parsed: ParsedDockerfile; syntax: ParseResult } {
  if (req.dockerfile.length === 0) throw new LegacyBuildError(`the Dockerfile (${req.dockerfileName}) cannot be empty`);
  let syntax: ParseResult;
  try {
    syntax = parseDockerfile(req.dockerfile);
  } catch (e) {
    if (e instanceof DockerfileParseError) throw new LegacyBuildError(`failed to parse ${req.dockerfileName}: ${e.message}`);
    throw e;
  }
  try {
    return { parsed: parse(syntax.ast), syntax };
  } catch (e) {
    if (e instanceof InstructionParseError) throw new LegacyBuildError(e.message);
    if (e instanceof DockerfileParseError) throw new LegacyBuildError(`dockerfile parse error on line ${e.startLine}: ${e.message}`);
    throw e;
  }
}

/** An ONBUILD trigger, parsed as the one instruction it must be. */
function parseTrigger(trigger: string): Command {
  let nodes;
  try {
    nodes = parseDockerfile(trigger).ast.children;
  } catch (e) {
    if (e instanceof DockerfileParseError) throw new LegacyBuildError(e.message);
    throw e;
  }
  if (nodes.length !== 1) throw new LegacyBuildError('onbuild trigger should be a single expression');
  try {
    const cmd = parseInstruction(nodes[0]!);
    if (cmd.kind === 'from') throw new LegacyBuildError('FROM isn\'t allowed as an ONBUILD trigger');
    return cmd;
  } catch (e) {
    if (e instanceof InstructionParseError) throw new LegacyBuildError(e.reason);
    throw e;
  }
}

function expandMeta(word: string, env: Record<string, string>, escapeToken: string): string {
  try {
    return processWord(word, env, escapeToken);
  } catch (e) {
    throw new LegacyBuildError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * FROM: the base name expanded with the meta ARGs, then an earlier stage's image, `scratch`, or an image (pulled
 * if it is not here, or always with `--pull`); the stage starts from its config with a default PATH.
 */
async function initializeStage(daemon: LegacyDaemon, baseName: string, stageName: string, buildArgs: BuildArgs, results: StageResults, pull: boolean, escapeToken: string): Promise<DispatchState> {
  daemon.resetProber();
  const name = expandMeta(baseName, Object.fromEntries(buildArgs.meta()), escapeToken);
  if (name === '') throw new LegacyBuildError(`base name (${baseName}) should not be blank`);
  const stage = results.byName(name);
  const st: DispatchState = {
    runConfig: emptyRunConfig(),
    maintainer: '',
    cmdSet: false,
    imageId: '',
    stageName,
    buildArgs,
    snapshot: snapshotOf([], '', EMPTY_DIR),
    escapeToken,
  };
  if (stage === undefined && name === 'scratch') return withDefaultPath(st);
  let image;
  try {
    image = await daemon.getImage(stage ?? name, { localOnly: stage !== undefined, pull });
  } catch (e) {
    if (e instanceof LegacyBuildError || !(e instanceof Error) || daemon.env.signal?.aborted) throw e;
    // A reference that does not parse.
    throw new LegacyBuildError(e.message.replace(/^Error response from daemon: /, ''));
  }
  st.imageId = image.id;
  st.runConfig = runConfigOf((JSON.parse(image.configJson) as { config?: unknown }).config);
  st.snapshot = daemon.snapshotOfImage(image);
  return withDefaultPath(st);
}

function withDefaultPath(st: DispatchState): DispatchState {
  const env = st.runConfig.Env ?? [];
  if (!env.some((kv) => kv.split('=')[0] === 'PATH')) st.runConfig.Env = [...env, 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'];
  st.runConfig.OpenStdin = false;
  st.runConfig.StdinOnce = false;
  return st;
}
