import { DockerError, isDockerError } from '../../core/errors.ts';
import { resolvePath } from '../../fs/path.ts';
import { parseReference, familiarString, withDefaultTag } from '../../image/reference.ts';
import { resolveImage } from '../../image/store.ts';
import type { CreateOptions } from '../../runtime/containers/config.ts';
import type { ContainerService } from '../../runtime/containers/service.ts';
import type { LogEntry } from '../../runtime/containers/types.ts';
import type { CommandContext } from '../command.ts';
import { pullDisplay } from '../pull-progress.ts';
import { parseMountOption } from '../mount-option.ts';
import { volumeFlags } from '../volume-option.ts';
import { parsePortRange, parsePublishSpecs } from '../../network/publish-spec.ts';
import { metadataOptions } from '../create-flags.ts';
import { parseNetworkFlags } from '../network-option.ts';

/** The daemon's container runtime; every machine has one, so its absence is an engine bug, not a user error. */
export function containerService(ctx: CommandContext): ContainerService {
  const service = ctx.engine.runtime;
  if (!service) throw new DockerError('Error response from daemon: containers are not supported by this engine', 1);
  return service;
}

/**
 * The client's implicit pull before `create`/`run` (docker/cli container/create.go pullAndTagImage): only when the
 * daemon says the image is missing, announced as `Unable to find image 'x:latest' locally`, progress on stderr and
 * no final reference line.
 */
export async function ensureImage(ctx: CommandContext, image: string): Promise<void> {
  if (resolveImage(ctx.engine.images.store, image)) return;
  let shown: string;
  try {
    shown = familiarString(withDefaultTag(parseReference(image)));
  } catch (e) {
    if (!isDockerError(e)) throw e;
    throw new DockerError(`invalid reference format`, 1, e.code);
  }
  await ctx.stderr.write(`Unable to find image '${shown}' locally\n`);
  const display = pullDisplay(ctx.stderr);
  try {
    await ctx.engine.images.pull(image, { ...(ctx.signal ? { signal: ctx.signal } : {}), onProgress: display.onProgress });
  } finally {
    await display.flush();
  }
}

/** The flags `create` and `run` share, read into what the daemon is asked for. */
export function createOptions(ctx: CommandContext, command: 'run' | 'create' = 'run'): CreateOptions {
  const f = ctx.flags;
  const env = envFlags(ctx);
  const cwd = ctx.host?.cwd ?? '/';
  const { binds, volumes } = volumeFlags(f.list('volume'), cwd);
  return {
    image: ctx.args[0]!,
    command: ctx.args.slice(1),
    ...(f.changed('name') ? { name: f.string('name') } : {}),
    ...(f.changed('entrypoint') ? { entrypoint: f.string('entrypoint') } : {}),
    env,
    ...(f.changed('workdir') ? { workdir: f.string('workdir') } : {}),
    ...(f.changed('user') ? { user: f.string('user') } : {}),
    tty: f.bool('tty'),
    openStdin: f.bool('interactive'),
    autoRemove: f.bool('rm'),
    ...(f.changed('restart') ? { restart: f.string('restart') } : {}),
    binds,
    volumes,
    mounts: f.list('mount').map((m) => parseMountOption(m, cwd)),
    tmpfs: f.list('tmpfs'),
    ports: parsePublishSpecs(f.list('publish')),
    publishAll: f.bool('publish-all'),
    expose: f.list('expose').map(checkExpose),
    ...networkOptions(ctx, command),
    ...(f.list('link').length > 0 ? { links: f.list('link') } : {}),
    ...metadataOptions(ctx, command),
  };
}

/** `--network` (repeatable), `--network-alias` and `--ip` as the networks to join; client errors as `docker: ...`. */
function networkOptions(ctx: CommandContext, command: 'run' | 'create'): Pick<CreateOptions, 'networkMode' | 'networks'> {
  const f = ctx.flags;
  let networks;
  try {
    networks = parseNetworkFlags(f.list('network'), { aliases: f.list('network-alias'), ip: f.string('ip') });
  } catch (e) {
    if (e instanceof Error) throw runError(e.message, 125, command);
    throw e;
  }
  return networks.length > 0 ? { networkMode: networks[0]!.target, networks } : {};
}

/** The client's check of `--expose` values (container/opts.go): a port or range, with an optional protocol. */
function checkExpose(value: string): string {
  const [range] = value.split('/');
  if (parsePortRange(range!) === undefined) {
    throw new DockerError(`invalid range format for --expose: ${value}, error: strconv.ParseUint: parsing ${JSON.stringify(range)}: invalid syntax`, 125, 'EEXPOSE');
  }
  return value;
}

/** `--env-file` then `-e`, as `create`, `run` and `exec` read them. */
export function envFlags(ctx: CommandContext): string[] {
  const f = ctx.flags;
  return [...f.list('env-file').flatMap((path) => envFile(ctx, path)), ...f.list('env').flatMap((e) => envValue(ctx, e))];
}

/** opts.ValidateEnv: `KEY=value` as given; a bare `KEY` takes the client's value, or is dropped when it has none. */
function envValue(ctx: CommandContext, text: string): string[] {
  if (text.includes('=')) return [text];
  const value = ctx.env[text];
  return value === undefined ? [] : [`${text}=${value}`];
}

/** opts.ParseEnvFile: one variable a line, `#` comments and blank lines skipped, a bare name read from the client. */
function envFile(ctx: CommandContext, path: string): string[] {
  const fs = ctx.host?.fs;
  const full = resolvePath(ctx.host?.cwd ?? '/', path);
  if (!fs || !fs.exists(full)) throw new DockerError(`open ${path}: no such file or directory`, 125, 'ENOENT');
  const text = new TextDecoder().decode(fs.readFile(full));
  return text
    .split('\n')
    .map((l) => l.replace(/^\s+/, ''))
    .filter((l) => l !== '' && !l.startsWith('#'))
    .flatMap((l) => envValue(ctx, l));
}

/** Copies what the container writes to the client's streams from now on (attach); returns the detach function. */
export function attachOutput(ctx: CommandContext, service: ContainerService, id: string): () => void {
  return service.attach(id, async (entry: LogEntry) => {
    try {
      await (entry.stream === 'stdout' ? ctx.stdout : ctx.stderr).write(entry.text);
    } catch {
      // The client went away (a closed pipe): the container keeps running and logging.
    }
  });
}

/**
 * How `run` and `create` report an error (docker/cli container/run.go, create.go withHelp): `docker: ` + text + the
 * help hint, exit 125.
 */
export function runError(message: string, exitCode = 125, command: 'run' | 'create' = 'run'): DockerError {
  return new DockerError(`docker: ${message}\n\nRun 'docker ${command} --help' for more information`, exitCode, 'ERUN');
}

/**
 * sig-proxy (on by default for `run` and `start -a`): a signal the client gets (Ctrl-C) is sent on to the container's
 * process; returns the function that stops forwarding.
 */
export function proxySignals(ctx: CommandContext, service: ContainerService, id: string): () => void {
  const forward = () => {
    try {
      service.kill(id, typeof ctx.signal?.reason === 'string' ? ctx.signal.reason : 'SIGINT');
    } catch {
      // Already stopped or gone: nothing to forward to.
    }
  };
  ctx.signal?.addEventListener('abort', forward, { once: true });
  return () => ctx.signal?.removeEventListener('abort', forward);
}
