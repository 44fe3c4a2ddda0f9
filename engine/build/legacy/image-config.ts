import { goJson } from '../../image/catalog/go-json.ts';
import { rfc3339Nano } from '../../image/inspect.ts';
import type { Digest, HistoryEntry, ImageConfig } from '../../image/types.ts';
import { runConfigJson, type RunConfig } from './run-config.ts';

/**
 * The image config the classic daemon writes for every step the legacy builder commits (moby image.NewChildImage,
 * then Image.MarshalJSON). It is the V1 image: beside `config` it keeps the `container` the step ran in, that
 * container's `container_config` (whose Cmd names the step: the cache compares it) and the `docker_version`.
 * MarshalJSON re-encodes the top level through a map, so its keys come out sorted; `config` and `container_config`
 * keep container.Config's field order. The image ID is the digest of these bytes.
 */

/** What a child image takes from its parent (or from `scratch`, which has no config of its own). */
export interface ParentImage {
  readonly architecture: string;
  readonly variant?: string;
  readonly os: string;
  readonly osVersion?: string;
  readonly osFeatures?: readonly string[];
  readonly history: readonly HistoryEntry[];
  readonly diffIds: readonly Digest[];
}

export const SCRATCH_PARENT: ParentImage = { architecture: 'amd64', os: 'linux', history: [], diffIds: [] };

export interface ChildConfig {
  /** The container committed; absent for COPY and ADD, which write a layer without one. */
  readonly containerId?: string;
  /** MAINTAINER's text, which the image also records as its author. */
  readonly author?: string;
  /** `docker commit -m`: kept in the new history line only. */
  readonly comment?: string;
  readonly containerConfig: RunConfig;
  readonly config: RunConfig;
  /** The step's layer, or undefined when its diff was empty (no rootfs entry, `empty_layer` history). */
  readonly diffId?: Digest;
  /** RFC 3339 time of the commit: the image's `created` and its new history line's. */
  readonly created: string;
  readonly dockerVersion: string;
}

/** The parent fields a child inherits, read from a stored image's config bytes. */
export function parentOf(configJson: string): ParentImage {
  const raw = JSON.parse(configJson) as Record<string, unknown>;
  const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : undefined);
  const rootfs = (raw.rootfs ?? {}) as { diff_ids?: Digest[] };
  return {
    architecture: str('architecture') ?? 'amd64',
    ...(str('variant') ? { variant: str('variant')! } : {}),
    os: str('os') ?? 'linux',
    ...(str('os.version') ? { osVersion: str('os.version')! } : {}),
    ...(Array.isArray(raw['os.features']) ? { osFeatures: raw['os.features'] as string[] } : {}),
    history: Array.isArray(raw.history) ? (raw.history as HistoryEntry[]) : [],
    diffIds: rootfs.diff_ids ?? [],
  };
}

export function childImageConfig(parent: ParentImage, child: ChildConfig): { json: string; config: ImageConfig } {
  const history: Record<string, unknown>[] = parent.history.map(historyJson);
  history.push(
    historyJson({
      created: child.created,
      created_by: (child.containerConfig.Cmd ?? []).join(' '),
      ...(child.author ? { author: child.author } : {}),
      ...(child.comment ? { comment: child.comment } : {}),
      ...(child.diffId === undefined ? { empty_layer: true } : {}),
    }),
  );
  const diffIds = child.diffId === undefined ? [...parent.diffIds] : [...parent.diffIds, child.diffId];
  // Keys in byte order, as MarshalJSON's second pass through a map writes them.
  const image: Record<string, unknown> = { architecture: parent.architecture };
  if (child.author) image.author = child.author;
  image.config = runConfigJson(child.config);
  if (child.containerId) image.container = child.containerId;
  image.container_config = runConfigJson(child.containerConfig);
  image.created = child.created;
  image.docker_version = child.dockerVersion;
  image.history = history;
  image.os = parent.os;
  if (parent.osFeatures && parent.osFeatures.length > 0) image['os.features'] = parent.osFeatures;
  if (parent.osVersion) image['os.version'] = parent.osVersion;
  image.rootfs = diffIds.length > 0 ? { type: 'layers', diff_ids: diffIds } : { type: 'layers' };
  if (parent.variant) image.variant = parent.variant;
  const json = goJson(image);
  return { json, config: JSON.parse(json) as ImageConfig };
}

/** An OCI history entry re-encoded (ocispec.History: created, created_by, author, comment, empty_layer). */
function historyJson(h: HistoryEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (h.created) out.created = rfc3339Nano(h.created);
  if (h.created_by) out.created_by = h.created_by;
  if (h.author) out.author = h.author;
  if (h.comment) out.comment = h.comment;
  if (h.empty_layer) out.empty_layer = true;
  return out;
}
