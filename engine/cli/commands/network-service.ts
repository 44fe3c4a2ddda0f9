import { DockerError } from '../../core/errors.ts';
import type { NetworkService } from '../../network/service.ts';
import type { CommandContext } from '../command.ts';

/** The daemon's network service; every machine has one, so its absence is an engine bug, not a user error. */
export function networkService(ctx: CommandContext): NetworkService {
  const service = ctx.engine.network;
  if (!service) throw new DockerError('Error response from daemon: networks are not supported by this engine', 1);
  return service;
}
