import type { VirtualClock } from '../core/clock.ts';
import { DockerError } from '../core/errors.ts';
import { chainIds } from '../fs/digest.ts';
import { canonicalString, familiarName, familiarString, parseReference, withDefaultTag, type Reference } from './reference.ts';
import type { Registry, RegistryImage, RegistryLayer } from './registry.ts';
import { addLayers, putImage, setTag, type ImageStore } from './store.ts';
import type { Digest } from './types.ts';

/** What the daemon reports while pulling, in the order it happens (the CLI turns it into Docker's lines or bars). */
export type PullProgress =
  | { readonly kind: 'pulling-from'; readonly tag: string; readonly repository: string }
  | { readonly kind: 'layer'; readonly id: string; readonly status: LayerStatus; readonly current?: number; readonly total?: number }
  | { readonly kind: 'digest'; readonly digest: Digest }
  | { readonly kind: 'status'; readonly text: string };

export type LayerStatus =
  | 'Already exists'
  | 'Pulling fs layer'
  | 'Waiting'
  | 'Downloading'
  | 'Verifying Checksum'
  | 'Download complete'
  | 'Extracting'
  | 'Pull complete';

export interface PullResult {
  readonly store: ImageStore;
  readonly id: Digest;
  /** `docker.io/library/node:20`, the line `docker pull` ends with. */
  readonly canonical: string;
  readonly upToDate: boolean;
}

/** The daemon's default `max-concurrent-downloads`. */
const CONCURRENT_DOWNLOADS = 3;
/** A classroom connection: bytes per virtual second, shared by the downloads in flight. */
const BANDWIDTH = 60_000_000;
/** Unpacking runs at disk speed. */
const EXTRACT_RATE = 250_000_000;
/** How often a progress bar moves. */
const TICK_MS = 200;

export interface PullOptions {
  readonly registry: Registry;
  readonly clock: VirtualClock;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: PullProgress) => void;
  /** Virtual milliseconds since the epoch (a pull itself leaves LastTagTime unset, as the classic daemon does). */
  readonly now: () => number;
}

/**
 * `docker pull`: resolves the reference in the registry, fetches the layers the store lacks (three at a time, then
 * unpacked in order), and tags the image. Time passes on the virtual clock as the bytes would arrive. `getStore`
 * is read when the pull commits, so work done meanwhile (another pull) is kept.
 */
export async function pull(text: string, getStore: () => ImageStore, options: PullOptions): Promise<PullResult> {
  const ref = withDefaultTag(parseReference(text));
  const image = resolveInRegistry(options.registry, ref);
  const emit = options.onProgress ?? (() => {});
  emit({ kind: 'pulling-from', tag: ref.digest ?? ref.tag!, repository: ref.domain === 'docker.io' ? ref.path : `${ref.domain}/${ref.path}` });

  const canonical = canonicalString(ref);
  const before = getStore();
  const chains = chainIds(image.layers.map((l) => l.diffId));
  const upToDate = before.images.has(image.id) && (ref.digest !== undefined || before.tags.get(canonical) === image.id);
  if (!upToDate) await fetchLayers(image.layers, chains, before, options, emit);

  const { store: withLayers } = addLayers(getStore(), image.layers.map((l) => ({ diffId: l.diffId, size: l.size, tree: l.tree() })));
  const repoDigest = canonicalString({ domain: ref.domain, path: ref.path, digest: image.manifestDigest });
  const existing = withLayers.images.get(image.id);
  let store = putImage(withLayers, {
    id: image.id,
    configJson: image.configJson,
    config: image.config,
    layers: chains,
    repoDigests: existing?.repoDigests.includes(repoDigest) ? existing.repoDigests : [...(existing?.repoDigests ?? []), repoDigest],
    // The classic daemon tags a pulled image straight in the reference store, without stamping LastTagTime, so
    // inspect shows Go's zero time for it until `docker tag` or a build names it.
    ...(existing?.lastTagTime !== undefined ? { lastTagTime: existing.lastTagTime } : {}),
  });
  if (ref.digest === undefined) store = setTag(store, ref, image.id).store;

  emit({ kind: 'digest', digest: image.manifestDigest });
  const shown = familiarString(ref);
  emit({ kind: 'status', text: upToDate ? `Image is up to date for ${shown}` : `Downloaded newer image for ${shown}` });
  return { store, id: image.id, canonical, upToDate };
}

function resolveInRegistry(registry: Registry, ref: Reference): RegistryImage {
  const answer = registry.resolve(ref.domain, ref.path, { ...(ref.tag !== undefined ? { tag: ref.tag } : {}), ...(ref.digest !== undefined ? { digest: ref.digest } : {}) });
  switch (answer.kind) {
    case 'found':
      return answer.image;
    case 'no-repository':
      // The graphdriver store appends the registry's own reason.
      throw new DockerError(
        `Error response from daemon: pull access denied for ${familiarName(ref)}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
        1,
        'ENOREPOSITORY',
      );
    case 'no-tag':
      throw new DockerError(`Error response from daemon: manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`, 1, 'ENOMANIFEST');
    case 'unreachable':
      throw new DockerError(`Error response from daemon: Get "https://${ref.domain}/v2/": dial tcp: lookup ${ref.domain.replace(/:\d+$/, '')}: no such host`, 1, 'EREGISTRY');
  }
}

async function fetchLayers(
  layers: readonly RegistryLayer[],
  chains: readonly Digest[],
  store: ImageStore,
  options: PullOptions,
  emit: (p: PullProgress) => void,
): Promise<void> {
  const { clock, signal } = options;
  const shortId = (l: RegistryLayer) => l.diffId.slice(7, 19);
  const missing = layers.map((_, i) => !store.layers.has(chains[i]!));
  layers.forEach((l, i) => emit({ kind: 'layer', id: shortId(l), status: missing[i] ? 'Pulling fs layer' : 'Already exists' }));
  const queue = layers.filter((_, i) => missing[i]);
  queue.slice(CONCURRENT_DOWNLOADS).forEach((l) => emit({ kind: 'layer', id: shortId(l), status: 'Waiting' }));

  let inFlight = 0;
  const download = async (l: RegistryLayer) => {
    inFlight++;
    try {
      for (let got = 0; got < l.compressedSize; ) {
        await clock.sleep(TICK_MS, signal);
        // Downloads in flight share the connection.
        got = Math.min(l.compressedSize, got + Math.ceil(((BANDWIDTH / inFlight) * TICK_MS) / 1000));
        emit({ kind: 'layer', id: shortId(l), status: 'Downloading', current: got, total: l.compressedSize });
      }
      emit({ kind: 'layer', id: shortId(l), status: 'Verifying Checksum' });
      emit({ kind: 'layer', id: shortId(l), status: 'Download complete' });
    } finally {
      inFlight--;
    }
  };

  // Three workers take layers in order, as Docker's download manager does; each layer is unpacked, bottom-up,
  // once it has arrived and the one below it is in place.
  const arrived: Promise<void>[] = [];
  const started: ((p: Promise<void>) => void)[] = [];
  for (let k = 0; k < queue.length; k++) {
    const p = new Promise<Promise<void>>((resolve) => started.push(resolve)).then((d) => d);
    // A failed download (Ctrl-C) is reported once, by the loop below; the rest must not go unhandled.
    p.catch(() => {});
    arrived.push(p);
  }
  let next = 0;
  const workers = Array.from({ length: Math.min(CONCURRENT_DOWNLOADS, queue.length) }, async () => {
    while (next < queue.length) {
      const k = next++;
      const done = download(queue[k]!);
      started[k]!(done);
      await done;
    }
  });
  try {
    for (let k = 0; k < queue.length; k++) {
      const l = queue[k]!;
      await arrived[k];
      for (let done = 0; done < l.size; ) {
        await clock.sleep(TICK_MS, signal);
        done = Math.min(l.size, done + Math.ceil((EXTRACT_RATE * TICK_MS) / 1000));
        emit({ kind: 'layer', id: shortId(l), status: 'Extracting', current: done, total: l.size });
      }
      emit({ kind: 'layer', id: shortId(l), status: 'Pull complete' });
    }
  } finally {
    await Promise.allSettled(workers);
  }
}
