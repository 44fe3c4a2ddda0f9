import { DockerError, isDockerError } from '../../core/errors.ts';
import { networkInspectValue } from './network-inspect.ts';
import { volumeInspectValue } from './volume-inspect.ts';
import type { Command, CommandContext } from '../command.ts';
import { containerInspectValue } from './inspect-container.ts';
import { imageInspectValue } from './inspect-image.ts';
import { containerService } from './container-service.ts';
import { writeInspect } from './inspect-output.ts';

/** `docker image inspect IMAGE...`: the daemon's JSON for each image; a missing one is the daemon's 404. */
export const imageInspectCommand: Command = {
  paths: ['docker image inspect'],
  args: { kind: 'min', n: 1 },
  run: (ctx) => writeInspect(ctx, ctx.args, ctx.flags.string('format'), (ref) => imageInspectValue(ctx.engine.images.store, ref)),
};

/** `docker container inspect [-s] CONTAINER...`: the daemon's JSON for each container (ID, name or unique prefix). */
export const containerInspectCommand: Command = {
  paths: ['docker container inspect'],
  args: { kind: 'min', n: 1 },
  run: (ctx) => writeInspect(ctx, ctx.args, ctx.flags.string('format'), (ref) => containerInspectValue(containerService(ctx), ref, ctx.flags.bool('size'), ctx.engine.network)),
};

/** The object types `docker inspect --type` accepts, in the CLI's order for its error message. */
const ALL_TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];
const SWARM_TYPES = new Set(['service', 'task', 'node', 'secret', 'config']);

interface ObjectKind {
  readonly type: string;
  /** Only containers have a size to compute; the others warn that `--size` is ignored. */
  readonly sizeSupported?: boolean;
  readonly find: (ctx: CommandContext, ref: string, size: boolean) => unknown;
}

const notFound = (message: string) => () => {
  throw new DockerError(`Error response from daemon: ${message}`, 1, 'ENOTFOUND');
};

/**
 * What `docker inspect` tries, in docker/cli's order (system/inspect.go inspectAll). Swarm objects are skipped because this daemon is no swarm manager.
 */
const KINDS: readonly ObjectKind[] = [
  {
    type: 'container',
    sizeSupported: true,
    find: (ctx, ref, size) => (ctx.engine.runtime ? containerInspectValue(ctx.engine.runtime, ref, size, ctx.engine.network) : notFound(`No such container: ${ref}`)()),
  },
  { type: 'image', find: (ctx, ref) => imageInspectValue(ctx.engine.images.store, ref) },
  { type: 'network', find: (ctx, ref) => (ctx.engine.network ? networkInspectValue(ctx.engine.network, ctx.engine.network.network(ref)) : notFound(`network ${ref} not found`)()) },
  { type: 'volume', find: (ctx, ref) => (ctx.engine.volumes ? volumeInspectValue(ctx.engine.volumes.get(ref)) : notFound(`get ${ref}: no such volume`)()) },
  { type: 'plugin', find: (_ctx, ref) => notFound(`plugin "${ref}" not found`)() },
];

const SWARM_ERROR =
  'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';

/** Errors that send `docker inspect` on to the next type: not found, and names that are no valid reference. */
function skippable(e: DockerError): boolean {
  return e.code === 'ENOIMAGE' || e.code === 'ENOTFOUND' || e.code === 'ENOCONTAINER' || e.message.includes('not supported') || e.message.includes('invalid reference format');
}

/**
 * `docker inspect [--type T] NAME...` (docker/cli system/inspect.go): each name is looked up as a container, an
 * image, a network, a volume, then a plugin, and the first match is printed; with `--type` only that kind is tried
 * and its own error is reported. Docker 28 words a name found nowhere `Error: No such object: NAME`.
 */
export const inspectCommand: Command = {
  paths: ['docker inspect'],
  args: { kind: 'min', n: 1 },
  async run(ctx) {
    const type = ctx.flags.string('type');
    if (ctx.flags.changed('type') && type === '') {
      throw new DockerError(`type is empty: must be one of "${ALL_TYPES.join('", "')}"`, 1);
    }
    if (type !== '' && !ALL_TYPES.includes(type)) {
      throw new DockerError(`unknown type: ${JSON.stringify(type)}: must be one of "${ALL_TYPES.join('", "')}"`, 1);
    }
    const size = ctx.flags.bool('size');
    return writeInspect(ctx, ctx.args, ctx.flags.string('format'), async (ref) => {
      if (SWARM_TYPES.has(type)) throw new DockerError(SWARM_ERROR, 1);
      for (const kind of KINDS) {
        if (type !== '' && kind.type !== type) continue;
        let found: unknown;
        try {
          found = kind.find(ctx, ref, size);
        } catch (e) {
          if (type === '' && isDockerError(e) && skippable(e)) continue;
          throw e;
        }
        if (size && !kind.sizeSupported) await ctx.stderr.write(`WARNING: --size ignored for ${kind.type}\n`);
        return found;
      }
      throw new DockerError(`Error: No such object: ${ref}`, 1);
    });
  },
};
