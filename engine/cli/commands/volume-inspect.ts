import { mountpoint, type Volume } from '../../runtime/volumes/types.ts';
import type { Command } from '../command.ts';
import { goStruct, NIL_MAP } from '../template/index.ts';
import { writeInspect } from './inspect-output.ts';
import { volumeService } from './volume-service.ts';

/**
 * A volume as the API returns it (moby api/types/volume.Volume), fields in declaration order: CreatedAt in RFC 3339
 * (the daemon's zone is UTC), Labels and Options `null` when the creator sent none and `{}` when it sent an empty
 * map, as `docker volume create` does. Status and UsageData are omitted when empty, as the local driver leaves them.
 */
export function volumeInspectValue(v: Volume): unknown {
  return goStruct(
    { name: 'volume.Volume', omitEmpty: ['CreatedAt'] },
    {
      CreatedAt: new Date(Math.floor(v.createdAt / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z'),
      Driver: v.driver,
      Labels: v.labels ? { ...v.labels } : NIL_MAP,
      Mountpoint: mountpoint(v.name),
      Name: v.name,
      Options: v.options ? { ...v.options } : NIL_MAP,
      Scope: 'local',
    },
  );
}

/** `docker volume inspect [-f FORMAT] VOLUME...` (docker/cli volume/inspect.go): exact names only. */
export const volumeInspectCommand: Command = {
  paths: ['docker volume inspect'],
  args: { kind: 'min', n: 1 },
  run: (ctx) => writeInspect(ctx, ctx.args, ctx.flags.string('format'), (name) => volumeInspectValue(volumeService(ctx).get(name))),
};
