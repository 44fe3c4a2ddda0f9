import { BuildFailure } from '../../build/errors.ts';
import { putContext } from '../../build/cache.ts';
import { BuildContextError, contextFollowPaths, loadBuildContextSliced, type LoadedContext } from '../../build/context/index.ts';
import { EMPTY_DIR } from '../../fs/tree.ts';
import { readAll } from '../../programs/streams.ts';
import { checkReport } from '../../build/progress/check.ts';
import { progressColors } from '../../build/progress/colors.ts';
import { cliErrorDisplay, dockerfileErrorDisplay, solveErrorDisplay } from '../../build/progress/error-display.ts';
import { builderDescription, PlainPrinter } from '../../build/progress/plain.ts';
import { QuietPrinter } from '../../build/progress/quiet.ts';
import { RawJsonPrinter } from '../../build/progress/rawjson.ts';
import { TtyPrinter } from '../../build/progress/tty.ts';
import type { ProgressWriter, VertexWarning } from '../../build/progress/types.ts';
import { warningsSummary, type ProgressMode } from '../../build/progress/warnings.ts';
import type { BuildRequest } from '../../build/types.ts';
import { DockerError } from '../../core/errors.ts';
import { lintParsedSliced, type LintWarning } from '../../dockerfile/lint/index.ts';
import { parseDockerfileSliced } from '../../dockerfile/parser/index.ts';
import { parseSliced } from '../../dockerfile/instructions/index.ts';
import { parseFailure } from '../../build/errors.ts';
import { builderChoice } from '../builder-choice.ts';
import { legacyBuildCommand } from './build-legacy.ts';
import { resolvePath } from '../../fs/path.ts';
import { canonicalString, parseReference, withDefaultTag } from '../../image/reference.ts';
import type { Command, CommandContext } from '../command.ts';
import { keyValueMap } from '../key-values.ts';

const MODES: readonly ProgressMode[] = ['auto', 'quiet', 'plain', 'tty', 'rawjson'];

/**
 * `docker build` as Docker 28 runs it: the buildx plugin's `build` (docker/cli forwards `docker build`, `docker
 * image build` and `docker builder build` to it). The client reads the context and the Dockerfile, shows BuildKit's
 * progress on stderr, then the warnings summary, and on failure the Dockerfile excerpt and `ERROR: failed to solve:`.
 * `-q` prints only the image ID, on stdout.
 */
export const buildCommand: Command = {
  paths: ['docker buildx build', 'docker image build', 'docker build', 'docker builder build'],
  args: { kind: 'exact', n: 1 },
  async run(ctx) {
    // DOCKER_BUILDKIT=0: docker/cli builds with the classic builder instead of handing the command to buildx.
    const choice = builderChoice(ctx.env);
    if (choice.kind === 'invalid') throw new DockerError(choice.message, 1);
    if (choice.kind === 'legacy') return legacyBuildCommand(ctx);
    try {
      return await build(ctx);
    } catch (e) {
      if (e instanceof BuildContextError || e instanceof BuildFailure) {
        await ctx.stderr.write(cliErrorDisplay(e.message));
        return 1;
      }
      throw e;
    }
  },
};

async function build(ctx: CommandContext): Promise<number> {
  const builder = ctx.engine.builder;
  const host = ctx.host;
  if (!builder || !host) throw new DockerError('ERROR: no builder available', 1);
  const flags = ctx.flags;
  const quiet = flags.bool('quiet');
  let mode = (flags.string('progress') || 'auto') as ProgressMode;
  if (!MODES.includes(mode)) throw new DockerError(`ERROR: invalid progress mode ${mode}`, 1);
  if (quiet) mode = 'quiet';
  const tags = flags.list('tag').map((t) => {
    try {
      return canonicalString(withDefaultTag(parseReference(t)));
    } catch (e) {
      throw new DockerError(`ERROR: invalid tag "${t}": ${e instanceof Error ? e.message : String(e)}`, 1);
    }
  });
  const buildArgs = buildArgValues(flags.list('build-arg'), ctx.env);
  const secrets = readSecrets(flags.list('secret'), ctx);
  const labels = keyValueMap(flags.list('label'));
  const contextArg = ctx.args[0]!;
  if (/^(https?|git):\/\//.test(contextArg) || contextArg.startsWith('git@')) {
    throw new DockerError(`ERROR: failed to solve: failed to read dockerfile: remote contexts need the network, and this machine is offline`, 1);
  }
  const file = flags.string('file');
  let loaded: Pick<LoadedContext, 'root' | 'transferredBytes' | 'dockerignoreTransferredBytes'> & { dockerfile: { name: string; transferredBytes?: number } };
  let dockerfile: string;
  let contextDir: string | undefined;
  if (contextArg === '-') {
    // `docker build - < Dockerfile`: the Dockerfile comes on stdin and there is no context to send.
    if (file) throw new DockerError('ERROR: failed to solve: failed to read dockerfile: the Dockerfile comes from stdin; -f cannot name another one', 1);
    dockerfile = new TextDecoder().decode(await readAll(host.stdin));
    loaded = { root: EMPTY_DIR, transferredBytes: 0, dockerfile: { name: 'Dockerfile' } };
  } else {
    contextDir = resolvePath(host.cwd, contextArg);
    // `-f -`: the Dockerfile comes on stdin, the context from the directory.
    const stdinDockerfile = file === '-' ? await readAll(host.stdin) : undefined;
    const options = { contextArg, ...(stdinDockerfile ? { stdinDockerfile } : file ? { dockerfile: resolvePath(host.cwd, file) } : {}) };
    // The frontend reads the Dockerfile first, then asks only for the context paths its COPY and ADD read.
    const pause = () => ctx.engine.images.clock.yield();
    const first = await loadBuildContextSliced(host.fs, contextDir, { ...options, dockerfileOnly: true }, pause);
    dockerfile = new TextDecoder().decode(first.dockerfile.bytes);
    const followPaths = contextFollowPaths((await contextSources(dockerfile, pause)) ?? ['.']);
    const previous = builder.cache.contexts.get(contextDir);
    loaded = await loadBuildContextSliced(host.fs, contextDir, { ...options, ...(followPaths ? { followPaths } : {}), ...(previous ? { previous } : {}) }, pause);
  }
  const filename = file && file !== '-' ? file : loaded.dockerfile.name;

  if (flags.bool('check') || flags.string('call') === 'check') return check(ctx, filename, dockerfile, buildArgs);

  const stderrTty = ctx.stderr.tty;
  if (mode === 'auto') mode = stderrTty ? 'tty' : 'plain';
  const desc = builderDescription();
  const sink = { write: (text: string) => ctx.stderr.write(text) };
  const now = () => ctx.engine.images.clock.now();
  let writer: ProgressWriter;
  const quietPrinter = new QuietPrinter();
  if (mode === 'plain') writer = new PlainPrinter({ out: sink, desc: desc.text, now });
  else if (mode === 'tty') writer = new TtyPrinter({ out: sink, tty: stderrTty ?? { columns: 80, rows: 24, redraws: false }, desc: desc.console, colors: progressColors(ctx.env), now });
  else if (mode === 'rawjson') writer = new RawJsonPrinter(sink);
  else writer = quietPrinter;
  const warnings: VertexWarning[] = [];
  let stopTicker = () => {};
  const collecting: ProgressWriter = {
    write: (s) => {
      warnings.push(...s.warnings);
      return writer.write(s);
    },
    done: (at) => {
      // The last frame must not be redrawn by a late tick.
      stopTicker();
      return writer.done(at);
    },
  };

  const request: BuildRequest = {
    context: loaded.root,
    contextBytes: loaded.transferredBytes,
    dockerfile,
    dockerfileName: filename,
    ...(loaded.dockerfile.transferredBytes !== undefined ? { dockerfileTransferBytes: loaded.dockerfile.transferredBytes } : {}),
    ignoreFileBytes: loaded.dockerignoreTransferredBytes ?? 0,
    buildArgs,
    ...(flags.string('target') ? { target: flags.string('target') } : {}),
    noCache: flags.bool('no-cache'),
    pull: flags.bool('pull'),
    labels,
    tags,
    ...(secrets.size > 0 ? { secrets } : {}),
  };
  if (contextDir !== undefined) builder.cache = putContext(builder.cache, contextDir, loaded.root);
  // On a live terminal the view redraws every 150 ms of (virtual) time, so the timers move while a step is silent.
  if (writer instanceof TtyPrinter && stderrTty?.redraws) {
    const clock = ctx.engine.images.clock;
    const tty = writer;
    const tick = () => {
      void tty.refresh(clock.now());
      stopTicker = clock.after(150, tick);
    };
    stopTicker = clock.after(150, tick);
  }
  let imageId: string;
  try {
    imageId = (await builder.build(request, collecting, ctx.signal)).imageId;
  } catch (e) {
    if (ctx.signal?.aborted) {
      // buildx traps the interrupt, cancels the solve and ends as any failed build does.
      await ctx.stderr.write(solveErrorDisplay('Canceled: context canceled'));
      return 1;
    }
    await ctx.stderr.write(warningsSummary(warnings, { mode, debug: ctx.globals.debug }));
    if (e instanceof BuildFailure) {
      await ctx.stderr.write(dockerfileErrorDisplay({ filename, source: dockerfile, message: e.message, ...(e.lines ? { range: e.lines } : {}) }));
      return 1;
    }
    if (e instanceof DockerError) {
      await ctx.stderr.write(solveErrorDisplay(e.message.replace(/^failed to solve: /, '')));
      return 1;
    }
    throw e;
  }
  await ctx.stderr.write(warningsSummary(warnings, { mode, debug: ctx.globals.debug }));
  if (quiet) await ctx.stdout.write(`${imageId}\n`);
  const iidfile = flags.string('iidfile');
  if (iidfile) host.fs.writeFile(resolvePath(host.cwd, iidfile), imageId);
  return 0;
}

/** `--check`: the build checks only, nothing built. */
async function check(ctx: CommandContext, filename: string, dockerfile: string, buildArgs: Readonly<Record<string, string>>): Promise<number> {
  const source = { filename, data: dockerfile };
  const pause = () => ctx.engine.images.clock.yield();
  let error;
  let warnings: LintWarning[] = [];
  try {
    const syntax = await parseDockerfileSliced(dockerfile, pause);
    await parseSliced(syntax.ast, pause);
    warnings = await lintParsedSliced(syntax, { buildArgs }, pause);
  } catch (e) {
    const failure = parseFailure(e);
    if (!failure) throw e;
    error = { message: failure.message, range: failure.lines ?? { start: 1, end: 1 } };
  }
  const report = checkReport(source, warnings, error);
  await ctx.stdout.write(report.stdout);
  if (report.error !== undefined) await ctx.stderr.write(cliErrorDisplay(report.error));
  return report.exitCode;
}

/** `--build-arg KEY=VALUE`; a bare `KEY` takes the client's environment value, or is dropped when unset (listToMap). */
function buildArgValues(items: readonly string[], env: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq >= 0) out[item.slice(0, eq)] = item.slice(eq + 1);
    else if (Object.hasOwn(env, item)) out[item] = env[item]!;
  }
  return out;
}

/**
 * The context paths the Dockerfile's COPY and ADD read (no `--from`), or undefined when they cannot be known before
 * the build (a variable in a source, or a Dockerfile that does not parse): then the whole context is sent.
 */
async function contextSources(dockerfile: string, pause: () => Promise<void>): Promise<string[] | undefined> {
  let stages;
  try {
    // In slices, as the first to read it: the build and its checks then find the file already parsed.
    stages = (await parseSliced((await parseDockerfileSliced(dockerfile, pause)).ast, pause)).stages;
  } catch {
    return undefined;
  }
  const sources: string[] = [];
  for (const stage of stages) {
    for (const c of stage.commands) {
      if ((c.kind !== 'copy' && c.kind !== 'add') || (c.kind === 'copy' && c.from !== '')) continue;
      if (c.sourcePaths.some((p) => p.includes('$'))) return undefined;
      sources.push(...c.sourcePaths.filter((p) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(p)));
    }
  }
  return sources;
}

/**
 * `--secret id=x,src=path` / `id=x,env=VAR` / `id=x` (buildx parseSecret, then BuildKit's NormalizeSecretSource: a
 * bare id is an environment variable of that name if set, else a file of that name). Read by the client.
 */
function readSecrets(values: readonly string[], ctx: CommandContext): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const value of values) {
    let id = '';
    let src = '';
    let envName = '';
    let type = '';
    for (const field of value.split(',')) {
      const eq = field.indexOf('=');
      if (eq < 0) throw new DockerError(`ERROR: invalid field '${field}' must be a key=value pair`, 1);
      const key = field.slice(0, eq).toLowerCase();
      const v = field.slice(eq + 1);
      if (key === 'type') {
        if (v !== 'file' && v !== 'env') throw new DockerError(`ERROR: unsupported secret type "${v}"`, 1);
        type = v;
      } else if (key === 'id') id = v;
      else if (key === 'source' || key === 'src') src = v;
      else if (key === 'env') envName = v;
      else throw new DockerError(`ERROR: unexpected key '${key}' in '${field}'`, 1);
    }
    if (type === 'env' && envName === '') [envName, src] = [src, ''];
    if (src === '' && envName === '') {
      if (Object.hasOwn(ctx.env, id)) envName = id;
      else src = id;
    }
    if (envName !== '') {
      const v = ctx.env[envName];
      if (v === undefined) throw new DockerError(`ERROR: secret env "${envName}" not set`, 1);
      out.set(id || envName, new TextEncoder().encode(v));
      continue;
    }
    try {
      out.set(id || src.slice(src.lastIndexOf('/') + 1), ctx.host!.fs.readFile(resolvePath(ctx.host!.cwd, src)));
    } catch {
      throw new DockerError(`ERROR: failed to stat ${src}: stat ${src}: no such file or directory`, 1);
    }
  }
  return out;
}
