import { humanDuration, humanSize } from '../core/units.ts';
import { efficiency, type Efficiency } from './efficiency.ts';
import { NO_FILTERS } from './filters.ts';
import { listImages } from './list.ts';
import type { ImageStore } from './store.ts';
import type { Digest, Image } from './types.ts';

/**
 * The images picture's model: every image `docker images` lists, as its stack of layers, with the layers other
 * images share marked, and dive's efficiency. Plain data, so it can cross a worker boundary.
 */
export interface ImagesView {
  /** Newest first, as `docker images` lists them. */
  readonly images: readonly ImageView[];
}

export interface ImageView {
  readonly id: Digest;
  /** 12 hex digits. */
  readonly shortId: string;
  /** Familiar `repo:tag`s; empty for a dangling image. */
  readonly tags: readonly string[];
  /** What to call it: its first tag, or `<none>` and its short ID when dangling. */
  readonly name: string;
  readonly dangling: boolean;
  /** Unix seconds, and `2 weeks ago` as `docker images` says it. */
  readonly created: number;
  readonly createdSince: string;
  readonly size: number;
  /** `8.31MB`, as `docker images` prints sizes. */
  readonly sizeText: string;
  /** Bottom first. */
  readonly layers: readonly LayerView[];
  /** History entries that made no layer (ENV, CMD, EXPOSE...): config only, oldest first. */
  readonly configOnly: readonly string[];
  readonly efficiency: EfficiencyView;
}

export interface LayerView {
  /** 0 for the bottom layer. */
  readonly index: number;
  readonly chainId: Digest;
  readonly diffId: Digest;
  /** The diffID's first 12 hex digits. */
  readonly shortDiffId: string;
  readonly size: number;
  readonly sizeText: string;
  /** The history line that made the layer (`RUN /bin/sh -c npm ci # buildkit`), '' when the history has none. */
  readonly createdBy: string;
  /** Names of the other images that have this very layer (same chainID: same content on the same layers). */
  readonly sharedWith: readonly string[];
  /** For a shared layer, a number the same in every image that has it (1, 2, ...): one colour and mark per layer. */
  readonly shareGroup?: number;
}

export interface EfficiencyView {
  /** 0..1 */
  readonly score: number;
  /** `97 %` */
  readonly scoreText: string;
  readonly wastedBytes: number;
  readonly wastedText: string;
  /** The largest few paths written in more than one layer. */
  readonly topWasted: readonly { readonly path: string; readonly count: number; readonly size: number; readonly sizeText: string }[];
}

/** How many wasted paths an image lists. */
const TOP_WASTED = 5;

export function imagesView(store: ImageStore, now: number): ImagesView {
  const summaries = listImages(store, { filters: NO_FILTERS, now });
  const named = summaries.map((s) => {
    const image = store.images.get(s.id)!;
    const dangling = s.repoTags.length === 1 && s.repoTags[0] === '<none>:<none>';
    const tags = dangling ? [] : s.repoTags;
    const shortId = s.id.slice(7, 19);
    return { s, image, dangling, tags, shortId, name: tags[0] ?? `<none> ${shortId}` };
  });
  const users = new Map<Digest, string[]>();
  for (const n of named) for (const l of n.image.layers) users.set(l, [...(users.get(l) ?? []), n.name]);
  const groups = new Map<Digest, number>();
  for (const n of named) for (const l of n.image.layers) if (users.get(l)!.length > 1 && !groups.has(l)) groups.set(l, groups.size + 1);

  return {
    images: named.map(({ s, image, dangling, tags, shortId, name }) => {
      const history = image.config.history;
      const createdBy = history.filter((h) => !h.empty_layer).map((h) => h.created_by ?? '');
      const layers = image.layers.map((chainId, index): LayerView => {
        const layer = store.layers.get(chainId)!;
        const group = groups.get(chainId);
        return {
          index,
          chainId,
          diffId: layer.diffId,
          shortDiffId: layer.diffId.slice(7, 19),
          size: layer.size,
          sizeText: humanSize(layer.size),
          createdBy: createdBy[index] ?? '',
          sharedWith: users.get(chainId)!.filter((u) => u !== name),
          ...(group === undefined ? {} : { shareGroup: group }),
        };
      });
      return {
        id: s.id,
        shortId,
        tags,
        name,
        dangling,
        created: s.created,
        createdSince: `${humanDuration(now - s.created * 1000)} ago`,
        size: s.size,
        sizeText: humanSize(s.size),
        layers,
        configOnly: history.filter((h) => h.empty_layer).map((h) => h.created_by ?? ''),
        efficiency: efficiencyView(imageEfficiency(store, image)),
      };
    }),
  };
}

function efficiencyView(e: Efficiency): EfficiencyView {
  return {
    score: e.score,
    scoreText: `${Math.floor(e.score * 10000) / 100} %`,
    wastedBytes: e.wastedBytes,
    wastedText: humanSize(e.wastedBytes),
    topWasted: e.inefficiencies.slice(0, TOP_WASTED).map((i) => ({ path: i.path, count: i.count, size: i.totalSize, sizeText: humanSize(i.totalSize) })),
  };
}

/**
 * An image's ID is the digest of its config, which names its layers' diffIDs: the same ID always has the same
 * layer trees, so its efficiency is worked out once.
 */
const computed = new Map<Digest, Efficiency>();
const COMPUTED_KEPT = 256;

function imageEfficiency(store: ImageStore, image: Image): Efficiency {
  let e = computed.get(image.id);
  if (!e) {
    e = efficiency(image.layers.map((l) => store.layers.get(l)!.tree));
    if (computed.size >= COMPUTED_KEPT) computed.delete(computed.keys().next().value!);
    computed.set(image.id, e);
  }
  return e;
}
