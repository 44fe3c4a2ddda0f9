import { DockerError } from '../../core/errors.ts';
import { SERVER } from '../../core/version-info.ts';
import { rfc3339 } from '../../build/image-config.ts';
import { commitImage } from '../../build/legacy/cache.ts';
import { childImageConfig, parentOf, SCRATCH_PARENT } from '../../build/legacy/image-config.ts';
import { runConfigOf, type RunConfig } from '../../build/legacy/run-config.ts';
import { newLayer } from '../../build/snapshot.ts';
import { digestBytes, EMPTY_LAYER_DIFF_ID } from '../../fs/digest.ts';
import type { DirEntry } from '../../fs/types.ts';
import { parseReference } from '../../image/reference.ts';
import type { ImageService } from '../../image/service.ts';
import { setTag } from '../../image/store.ts';
import type { Digest } from '../../image/types.ts';
import { applyChanges } from './commit-changes.ts';
import type { ContainerRecord } from './types.ts';

/** `docker commit`'s options (moby backend.CreateImageConfig). */
export interface CommitRequest {
  /** `[REPOSITORY[:TAG]]`; none leaves the image dangling. */
  readonly reference?: string;
  readonly author?: string;
  readonly comment?: string;
  readonly changes?: readonly string[];
}

/**
 * moby's CreateImageFromContainer on the classic store: the writable layer becomes a layer (its diffID the digest of
 * its tar; none when the container changed nothing), the config is the container's Config with the `--change`s
 * applied, and the image is a child of the container's image (NewChildImage: the parent's history plus a line
 * whose created_by is the container's Cmd, with the author and comment). Returns the new image's ID.
 */
export function commitContainer(record: ContainerRecord, layer: DirEntry, images: ImageService, now: number, req: CommitRequest): Digest {
  const ref = req.reference ? referenceOf(req.reference) : undefined;
  const parentImage = images.store.images.get(record.imageId);
  const containerConfig = containerRunConfig(record, parentImage ? (JSON.parse(parentImage.configJson) as { config?: unknown }).config : undefined);
  const config = applyChanges(containerConfig, req.changes ?? []);
  const created = newLayer(layer);
  const empty = created.diffId === EMPTY_LAYER_DIFF_ID;
  const { json, config: imageConfig } = childImageConfig(parentImage ? parentOf(parentImage.configJson) : SCRATCH_PARENT, {
    containerId: record.id,
    ...(req.author ? { author: req.author } : {}),
    ...(req.comment ? { comment: req.comment } : {}),
    containerConfig,
    config,
    ...(empty ? {} : { diffId: created.diffId }),
    created: rfc3339(now),
    dockerVersion: SERVER.version,
  });
  const id = images.update((store) => {
    const below = record.imageLayers.map((c) => store.layers.get(c)!).filter(Boolean);
    const stack = [...below.map((l) => ({ diffId: l.diffId, size: l.size, tree: l.tree })), ...(empty ? [] : [created])];
    const imageId = digestBytes(json);
    let next = commitImage(store, { id: imageId, json, config: imageConfig, layers: stack, parent: record.imageId });
    if (ref) next = setTag(next, ref, imageId).store;
    return { store: next, imageId };
  }).imageId;
  return id;
}

/** The container's Config as the daemon holds it: the image's config under the container's own fields. */
function containerRunConfig(record: ContainerRecord, imageConfig: unknown): RunConfig {
  const base = runConfigOf(imageConfig);
  const c = record.config;
  return {
    ...base,
    Hostname: c.Hostname,
    User: c.User,
    Tty: c.Tty,
    OpenStdin: c.OpenStdin,
    StdinOnce: c.OpenStdin,
    AttachStdin: c.OpenStdin,
    Env: [...c.Env],
    Cmd: c.Cmd && [...c.Cmd],
    Entrypoint: c.Entrypoint && [...c.Entrypoint],
    WorkingDir: c.WorkingDir,
    Image: c.Image,
    StopSignal: c.StopSignal ?? base.StopSignal,
  };
}

function referenceOf(text: string) {
  try {
    return parseReference(text);
  } catch (e) {
    if (e instanceof DockerError) throw e;
    throw new DockerError('invalid reference format', 1, 'EREF');
  }
}
