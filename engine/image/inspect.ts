import { digestBytes } from '../fs/digest.ts';
import { familiarRef, isDigestReference, referencesOf } from './get.ts';
import { imageSize, type ImageStore } from './store.ts';
import type { ContainerConfig, Digest, Image } from './types.ts';

/**
 * `GET /images/{name}/json` of Docker 28.2 (API 1.50) with the classic store, as plain data in the daemon's field
 * order. Since 28.2 `Config` is the image's own config (moby's DockerOCIImageConfig, every field omitempty) rather
 * than a container config padded with empty Hostname, AttachStdin... fields; Parent, Comment, DockerVersion and
 * Author are still always present, Variant and OsVersion only when set.
 */
export interface ImageInspect {
  readonly Id: Digest;
  readonly RepoTags: readonly string[];
  readonly RepoDigests: readonly string[];
  readonly Parent: string;
  readonly Comment: string;
  readonly Created: string;
  readonly DockerVersion: string;
  readonly Author: string;
  readonly Config: ImageConfigView;
  readonly Architecture: string;
  readonly Variant?: string;
  readonly Os: string;
  readonly OsVersion?: string;
  readonly Size: number;
  readonly GraphDriver: { readonly Data: Readonly<Record<string, string>>; readonly Name: 'overlay2' };
  readonly RootFS: { readonly Type: string; readonly Layers?: readonly Digest[] };
  readonly Metadata: { readonly LastTagTime: string };
}

/** DockerOCIImageConfig: image-spec's ImageConfig fields, then Docker's Healthcheck, OnBuild and Shell. */
export type ImageConfigView = Readonly<Partial<Record<(typeof CONFIG_FIELDS)[number], unknown>>>;

export const CONFIG_FIELDS = [
  'User', 'ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Volumes', 'WorkingDir', 'Labels', 'StopSignal', 'ArgsEscaped',
  'Healthcheck', 'OnBuild', 'Shell',
] as const;

const HEALTHCHECK_FIELDS = ['Test', 'Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries'] as const;

/** Where overlay2 keeps the layer directories. */
export const OVERLAY2_ROOT = '/var/lib/docker/overlay2';

/** Go's zero time.Time, which images that were never tagged locally (pulled, loaded) report as LastTagTime. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

export function inspectImage(store: ImageStore, image: Image): ImageInspect {
  const refs = referencesOf(store, image.id);
  const c = image.config;
  const raw = rawConfig(image.configJson);
  const diffIds = c.rootfs.diff_ids;
  const variant = c.variant ?? '';
  const osVersion = typeof raw['os.version'] === 'string' ? raw['os.version'] : '';
  return {
    Id: image.id,
    RepoTags: refs.filter((r) => !isDigestReference(r)).map(familiarRef),
    RepoDigests: refs.filter(isDigestReference).map(familiarRef),
    Parent: image.parent ?? '',
    Comment: c.comment ?? '',
    Created: rfc3339Nano(c.created),
    DockerVersion: typeof raw.docker_version === 'string' ? raw.docker_version : '',
    Author: c.author ?? '',
    Config: configView(c.config),
    Architecture: c.architecture,
    ...(variant !== '' ? { Variant: variant } : {}),
    Os: c.os,
    ...(osVersion !== '' ? { OsVersion: osVersion } : {}),
    Size: imageSize(store, image),
    GraphDriver: { Data: graphDriverData(image.layers), Name: 'overlay2' },
    RootFS: { Type: c.rootfs.type, ...(diffIds.length > 0 ? { Layers: diffIds } : {}) },
    Metadata: { LastTagTime: image.lastTagTime !== undefined ? rfc3339Nano(new Date(image.lastTagTime).toISOString()) : ZERO_TIME },
  };
}

function rawConfig(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The config with Go's omitempty applied: empty strings, lists, maps and false are left out. */
function configView(config: ContainerConfig): ImageConfigView {
  const out: Record<string, unknown> = {};
  const source = config as Record<string, unknown>;
  for (const key of CONFIG_FIELDS) {
    let v = source[key];
    if (key === 'Healthcheck' && v && typeof v === 'object') {
      const h = v as Record<string, unknown>;
      const kept: Record<string, unknown> = {};
      for (const f of HEALTHCHECK_FIELDS) if (!isEmpty(h[f])) kept[f] = h[f];
      v = kept;
      // A pointer to a struct is never empty, even when every field inside is.
      out[key] = v;
      continue;
    }
    if (!isEmpty(v)) out[key] = v;
  }
  return out;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

/**
 * overlay2's layer metadata: the top layer's directory holds diff (UpperDir), merged and work; the layers below
 * are the LowerDir list, nearest first. overlay2 names each directory by a random cache ID; here it is derived from
 * the chainID, so the paths stay the same from run to run.
 */
export function graphDriverData(chain: readonly Digest[]): Record<string, string> {
  if (chain.length === 0) return {};
  const dir = (chainId: Digest) => `${OVERLAY2_ROOT}/${overlayId(chainId)}`;
  const top = dir(chain.at(-1)!);
  const lower = chain.slice(0, -1).reverse().map((c) => `${dir(c)}/diff`);
  return {
    ...(lower.length > 0 ? { LowerDir: lower.join(':') } : {}),
    MergedDir: `${top}/merged`,
    UpperDir: `${top}/diff`,
    WorkDir: `${top}/work`,
  };
}

/** The overlay2 directory name (the layer's cache-id) of a layer. */
export function overlayId(chainId: Digest): string {
  return digestBytes(`overlay2 cache-id ${chainId}`).slice(7);
}

/**
 * Go's time.Format(RFC3339Nano) of a parsed RFC 3339 date: the fraction without trailing zeros (gone when zero) and
 * a zero offset written `Z`. Text that is not a date is passed through.
 */
export function rfc3339Nano(text: string): string {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|z|[+-]\d\d:\d\d)$/.exec(text);
  if (!m) return text;
  const fraction = (m[2] ?? '').slice(0, 9).replace(/0+$/, '');
  const zone = m[3] === 'z' || m[3] === '+00:00' || m[3] === '-00:00' ? 'Z' : m[3]!;
  return `${m[1]}${fraction ? '.' + fraction : ''}${zone}`;
}
