import type { StringMap } from '../../runtime/volumes/types.ts';
import type { VolumeService } from '../../runtime/volumes/service.ts';
import { DockerError } from '../../core/errors.ts';
import type { CommandContext } from '../command.ts';

/** The daemon's volume service; every machine has one, so its absence is an engine bug, not a user error. */
export function volumeService(ctx: CommandContext): VolumeService {
  const service = ctx.engine.volumes;
  if (!service) throw new DockerError('Error response from daemon: volumes are not supported by this engine', 1);
  return service;
}

/**
 * opts.ConvertKVStringsToMap and MapOpts: `k=v` pairs as a map, a bare `k` as `k` with an empty value, the last
 * of a repeated key winning. Always a map, even an empty one: the client sends `{}`, never null.
 */
export function keyValueMap(values: readonly string[]): StringMap {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) out[v] = '';
    else out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}
