import { nextHexId, type IdState } from '../../core/ids.ts';
import { makeDir } from '../../fs/tree.ts';
import { volumeOpError } from './errors.ts';
import { putVolume } from './store.ts';
import { ANONYMOUS_LABEL, LOCAL_DRIVER, type StringMap, type Volume, type VolumeStore } from './types.ts';
import { volumeNameProblem, volumeOptionsProblem } from './validate.ts';

export interface CreateVolumeRequest {
  /** Empty or absent: an anonymous volume with a generated 64-hex name. */
  readonly name?: string;
  /** Empty or absent: `local`. */
  readonly driver?: string;
  /** `null` when the caller sent none (a container's mount), `{}` for `docker volume create` without `--label`. */
  readonly labels?: StringMap | null;
  readonly options?: StringMap | null;
  /** Virtual-clock milliseconds. */
  readonly now: number;
  /** The machine's seeded ID state; the next one comes back. */
  readonly ids: IdState;
}

export interface CreateVolumeResult {
  readonly store: VolumeStore;
  readonly volume: Volume;
  readonly ids: IdState;
  /** False when a volume of that name already existed and was returned unchanged. */
  readonly created: boolean;
}

/**
 * moby's VolumesService.Create and VolumeStore.create: a nameless volume gets a random name and the anonymous
 * label; an existing name is returned as it is (its labels and options untouched, as moby's TODO admits), so
 * `docker volume create data` twice is not an error. Every failure is `create <name>: <cause>`.
 */
export function createVolume(store: VolumeStore, req: CreateVolumeRequest): CreateVolumeResult {
  let ids = req.ids;
  let name = req.name ?? '';
  let labels = req.labels ?? null;
  if (name === '') {
    [name, ids] = nextHexId(ids, 'volume');
    labels = { ...labels, [ANONYMOUS_LABEL]: '' };
  }
  const driver = req.driver || LOCAL_DRIVER;
  if (driver !== LOCAL_DRIVER) {
    // Looking the driver up comes first, for a new name and an existing one alike.
    throw volumeOpError('create', name, `error looking up volume plugin ${driver}: plugin "${driver}" not found`, 'ENOPLUGIN');
  }
  const existing = store.volumes.get(name);
  if (existing) return { store, volume: existing, ids, created: false };
  const problem = volumeNameProblem(name) ?? volumeOptionsProblem(req.options ?? null);
  if (problem) throw volumeOpError('create', name, problem, 'EINVAL');
  const volume: Volume = {
    name,
    driver,
    labels,
    options: req.options ?? null,
    createdAt: req.now,
    // The local driver makes `_data` 0755, owned by root.
    content: makeDir([], { mode: 0o755, mtime: Math.floor(req.now / 1000) }),
  };
  return { store: putVolume(store, volume), volume, ids, created: true };
}
