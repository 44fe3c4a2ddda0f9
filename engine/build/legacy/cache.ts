import { addLayers, putImage, type ImageStore, type NewLayer } from '../../image/store.ts';
import type { Digest, Image, ImageConfig } from '../../image/types.ts';
import { runConfigOf, sameRunConfig, type RunConfig } from './run-config.ts';

/**
 * The legacy builder's cache is the image store itself (moby daemon/images/cache: LocalImageCache): every step
 * commits an image whose parent is the image before it and whose `container_config` describes the step, so a step
 * hits when some child of the current image has a container config equal to the one the step would commit, the
 * newest such child winning. Nothing else is kept: the parent links live in the store (as moby's imagedb keeps
 * them), and the one piece of per-build state, that the cache was busted, is the builder's, reset at each FROM.
 * Removing the images (`docker rmi`, `image prune`) is what clears this cache.
 */
export function probeCache(store: ImageStore, parent: Digest, config: RunConfig): Image | undefined {
  let match: Image | undefined;
  for (const image of store.images.values()) {
    if ((image.parent ?? '') !== parent) continue;
    const committed = containerConfigOf(image);
    if (committed === undefined || !sameRunConfig(committed, config)) continue;
    if (!match || Date.parse(match.config.created) < Date.parse(image.config.created)) match = image;
  }
  return match;
}

/** The children of an image: what the cache looks through, and what `docker images` hides without `-a`. */
export function childrenOf(store: ImageStore, parent: Digest): Image[] {
  return [...store.images.values()].filter((i) => (i.parent ?? '') === parent);
}

const containerConfigs = new WeakMap<Image, RunConfig | null>();

/** The `container_config` an image was committed with; undefined for images that have none (pulled, BuildKit's). */
export function containerConfigOf(image: Image): RunConfig | undefined {
  let rc = containerConfigs.get(image);
  if (rc === undefined) {
    const raw = (JSON.parse(image.configJson) as { container_config?: unknown }).container_config;
    rc = raw === undefined ? null : runConfigOf(raw);
    containerConfigs.set(image, rc);
  }
  return rc ?? undefined;
}

/**
 * The daemon's CreateImage / CommitImage for a build step: the layers stored (an empty diff adds none), the config
 * stored under its digest, and the parent recorded (moby's imagedb `parent` metadata); `FROM scratch` has none.
 */
export function commitImage(store: ImageStore, image: { id: Digest; json: string; config: ImageConfig; layers: readonly NewLayer[]; parent: Digest }): ImageStore {
  const { store: withLayers, chain } = addLayers(store, image.layers);
  const existing = withLayers.images.get(image.id);
  return putImage(withLayers, {
    id: image.id,
    configJson: image.json,
    config: image.config,
    layers: chain,
    repoDigests: existing?.repoDigests ?? [],
    ...(existing?.lastTagTime !== undefined ? { lastTagTime: existing.lastTagTime } : {}),
    ...(image.parent !== '' ? { parent: image.parent } : {}),
  });
}
