import { putSource } from './cache.ts';
import { resolveBase, type BaseImage } from './base-image.ts';
import type { BuilderEnv } from './builder.ts';
import type { SolveProgress } from './solve-progress.ts';
import type { ImageService } from '../image/service.ts';
import type { NewLayer } from '../image/store.ts';

/** A classroom connection, as `docker pull` assumes (engine/image/pull.ts). */
const BANDWIDTH = 60_000_000;
const EXTRACT_RATE = 250_000_000;

export function baseImageFor(ref: string, images: ImageService, pull: boolean): BaseImage {
  return resolveBase(ref, images.store, images.registry, pull);
}

/** The layers of an image this build already brought in (local, or fetched into the cache). */
export function baseLayers(image: BaseImage, env: BuilderEnv): readonly NewLayer[] {
  return image.layers ?? env.getCache().sources.get(image.remote!.manifestDigest)!.layers;
}

/**
 * The FROM vertex: a local image is there already; one from the registry is fetched into the build cache (the
 * classic store does not tag it), unless an earlier build fetched the same manifest.
 */
export async function pullBase(image: BaseImage, label: string, env: BuilderEnv, progress: SolveProgress): Promise<readonly NewLayer[]> {
  const { clock } = env;
  if (image.layers) {
    const v = await progress.start(label);
    await progress.done(v);
    return image.layers;
  }
  const remote = image.remote!;
  const cached = env.getCache().sources.get(remote.manifestDigest);
  const v = await progress.start(label);
  if (cached) {
    env.setCache(putSource(env.getCache(), { ...cached, lastUsedAt: clock.now() }));
    await progress.done(v);
    return cached.layers;
  }
  await progress.status(v, `resolve ${image.pinned}`);
  const layers: NewLayer[] = [];
  for (const l of remote.layers) {
    const started = clock.now();
    const blob = `sha256:${l.diffId.slice(7)}`;
    await clock.sleep(Math.max(50, Math.round((l.compressedSize / BANDWIDTH) * 1000)), env.signal);
    await progress.progressStatus({ id: `${v}:${blob}`, vertex: v, name: blob, current: l.compressedSize, total: l.compressedSize, units: 'bytes', started, completed: clock.now() });
    layers.push({ diffId: l.diffId, size: l.size, tree: l.tree() });
  }
  for (const l of remote.layers) {
    const started = clock.now();
    await clock.sleep(Math.max(20, Math.round((l.size / EXTRACT_RATE) * 1000)), env.signal);
    await progress.status(v, `extracting sha256:${l.diffId.slice(7)}`, {}, started);
  }
  await progress.done(v);
  env.setCache(putSource(env.getCache(), { ref: image.ref, manifestDigest: remote.manifestDigest, layers, createdAt: clock.now(), lastUsedAt: clock.now() }));
  return layers;
}
