import type { CliOutput, CommandContext } from '../command.ts';
import { keyValueMap } from '../key-values.ts';
import { pullDisplay } from '../pull-progress.ts';
import { DockerError } from '../../core/errors.ts';
import { resolvePath } from '../../fs/path.ts';
import { canonicalString, parseReference, withDefaultTag } from '../../image/reference.ts';
import { exitStatusForSignal } from '../../programs/process.ts';
import { readAll } from '../../programs/streams.ts';
import { LEGACY_BUILDER_DEPRECATED, sendingBuildContext, sendingBuildContextUpdate } from '../../build/progress/legacy.ts';
import { LegacyBuildFailure, type LegacyBuildRequest } from '../../build/legacy/builder.ts';
import { loadLegacyContext } from '../../build/legacy/context.ts';
import { LegacyBuildError } from '../../build/legacy/errors.ts';

/**
 * `docker build` with DOCKER_BUILDKIT=0: docker/cli's own build command (cli/command/image/build.go) instead of
 * buildx. It prints the deprecation banner, reads its flags, tars the context (`Sending build context to Docker
 * daemon`), and shows the daemon's stream on stdout; an error goes to stderr and a failed RUN's exit code becomes
 * the client's. `-q` holds all of that back and prints only the image ID, or, when the build fails, everything it
 * held back on stderr before the error.
 */
export async function legacyBuildCommand(ctx: CommandContext): Promise<number> {
  await ctx.stderr.write(LEGACY_BUILDER_DEPRECATED);
  const flagProblem = flagError(ctx);
  if (flagProblem !== undefined) {
    // docker/cli's usage line for the command; which alias was typed is not known here, so `docker build`'s.
    await ctx.stderr.write(`${flagProblem}\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nRun 'docker build --help' for more information\n`);
    return 125;
  }
  const builder = ctx.engine.builder;
  const host = ctx.host;
  if (!builder || !host) throw new DockerError('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', 1);
  const { flags } = ctx;
  const quiet = flags.bool('quiet');
  const iidfile = flags.string('iidfile');
  const iidPath = iidfile ? resolvePath(host.cwd, iidfile) : undefined;
  // A stale ID file is removed before anything can fail.
  if (iidPath && host.fs.exists(iidPath)) host.fs.rm(iidPath);

  let held = '';
  const buffer: CliOutput = { write: async (d) => void (held += typeof d === 'string' ? d : new TextDecoder().decode(d)) };
  const progress = quiet ? buffer : ctx.stdout;
  const daemonOut = quiet ? buffer : ctx.stdout;

  let request: LegacyBuildRequest;
  try {
    const file = flags.string('file');
    const contextArg = ctx.args[0]!;
    const stdin = contextArg === '-' || file === '-' ? await readAll(host.stdin) : undefined;
    const context = loadLegacyContext(host.fs, { cwd: host.cwd, contextArg, ...(file ? { file } : {}), ...(stdin ? { stdin } : {}) });
    await sendContext(ctx, progress, context.sentBytes);
    request = {
      context: context.root,
      dockerfile: context.dockerfile,
      dockerfileName: context.dockerfileName,
      buildArgs: buildArgs(flags.list('build-arg'), ctx.env),
      ...(flags.string('target') ? { target: flags.string('target') } : {}),
      noCache: flags.bool('no-cache'),
      pull: flags.bool('pull'),
      labels: keyValueMap(flags.list('label')),
      tags: tags(flags.list('tag')),
      rm: flags.bool('rm'),
      forceRm: flags.bool('force-rm'),
    };
  } catch (e) {
    if (!(e instanceof LegacyBuildError)) throw e;
    await ctx.stderr.write(`${held}${e.message}\n`);
    return e.exitCode;
  }

  let imageId: string;
  try {
    const out = { write: (text: string) => daemonOut.write(text), pullDisplay: (write: (text: string) => Promise<void>) => pullDisplay({ write, ...(daemonOut.tty ? { tty: daemonOut.tty } : {}) }) };
    imageId = (await builder.legacyBuild(request, out, ctx.signal)).imageId;
  } catch (e) {
    if (ctx.signal?.aborted) return exitStatusForSignal(ctx.signal.reason);
    if (!(e instanceof LegacyBuildFailure)) throw e;
    await ctx.stderr.write(`${held}${e.streamed ? '' : 'Error response from daemon: '}${e.message}\n`);
    return e.exitCode;
  }
  // With -q the daemon's only output is the ID line, which the client prints, and writes to --iidfile, as is.
  const shown = quiet ? `${imageId}\n` : imageId;
  if (quiet) await ctx.stdout.write(shown);
  if (iidPath) host.fs.writeFile(iidPath, shown);
  return 0;
}

/** buildx's flags that docker/cli's build command does not have: pflag stops at them (`unknown flag: --progress`). */
const BUILDX_ONLY: readonly { long: string; short?: string }[] = [
  { long: 'allow' },
  { long: 'annotation' },
  { long: 'attest' },
  { long: 'build-context' },
  { long: 'builder' },
  { long: 'cache-to' },
  { long: 'call' },
  { long: 'check' },
  { long: 'debug', short: 'D' },
  { long: 'load' },
  { long: 'metadata-file' },
  { long: 'no-cache-filter' },
  { long: 'output', short: 'o' },
  { long: 'progress' },
  { long: 'provenance' },
  { long: 'push' },
  { long: 'sbom' },
  { long: 'secret' },
  { long: 'ssh' },
];

/**
 * What docker/cli's flag parsing refuses. The command line was parsed with buildx's flag set, so which unknown
 * flag came first is not known: the first in name order is reported.
 */
function flagError(ctx: CommandContext): string | undefined {
  for (const f of BUILDX_ONLY) {
    if (!ctx.flags.changed(f.long)) continue;
    return f.short && ctx.flags.viaShorthand(f.long) ? `unknown shorthand flag: '${f.short}' in -${f.short}` : `unknown flag: --${f.long}`;
  }
  for (const t of ctx.flags.list('tag')) {
    try {
      parseReference(t);
    } catch (e) {
      return `invalid argument ${JSON.stringify(t)} for "-t, --tag" flag: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  for (const a of ctx.flags.list('build-arg')) {
    if (a.split('=')[0] === '') return `invalid argument ${JSON.stringify(a)} for "--build-arg" flag: invalid environment variable: ${a}`;
  }
  // docker/cli's opts.ValidateLabel: a bare name is fine (an empty value), whitespace and an empty name are not.
  for (const l of ctx.flags.list('label')) {
    const name = l.split('=')[0]!;
    if (/\s/.test(name)) return `invalid argument ${JSON.stringify(l)} for "--label" flag: label '${l}' contains whitespaces`;
    if (name === '') return `invalid argument ${JSON.stringify(l)} for "--label" flag: invalid label '${l}': empty name`;
  }
  return undefined;
}

/**
 * The upload's progress (progress.NewProgressReader): on a terminal an update at most every 100 ms while the tar
 * streams out; otherwise (lastProgressOutput) only the final line.
 */
async function sendContext(ctx: CommandContext, out: CliOutput, bytes: number): Promise<void> {
  const clock = ctx.engine.images.clock;
  // The tar goes over the daemon's unix socket: fast, but a big context takes a visible moment.
  const RATE = 250_000_000;
  const STEP_MS = 100;
  let sent = 0;
  for (let ms = Math.round((bytes / RATE) * 1000); ms > STEP_MS; ms -= STEP_MS) {
    await clock.sleep(STEP_MS, ctx.signal);
    sent = Math.min(bytes, sent + Math.round((RATE * STEP_MS) / 1000));
    if (out.tty) await out.write(sendingBuildContextUpdate(sent));
  }
  await out.write(sendingBuildContext(bytes));
}

/** opts.ValidateEnv, then ConvertKVStringsToMapWithNil: a bare NAME takes the client's value, or stays nil. */
function buildArgs(items: readonly string[], env: Readonly<Record<string, string>>): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq >= 0) out.set(item.slice(0, eq), item.slice(eq + 1));
    else out.set(item, Object.hasOwn(env, item) ? env[item] : undefined);
  }
  return out;
}

/** sanitizeRepoAndTags: `:latest` added, duplicates dropped, a digest refused. */
function tags(items: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of items) {
    if (t === '') continue;
    const ref = parseReference(t);
    if (ref.digest !== undefined) throw new LegacyBuildError('Error response from daemon: build tag cannot be an image digest');
    const canonical = canonicalString(withDefaultTag(ref));
    if (!out.includes(canonical)) out.push(canonical);
  }
  return out;
}
