import type { ContainerConfig, Digest, ImageConfig } from '../types.ts';
import { goJson, sortedMap } from './go-json.ts';
import type { ImageSpec, LayerSpec, Step } from './source/types.ts';

/**
 * From the source description to the exact bytes registries serve: the config JSON (its digest is the image ID)
 * and the OCI manifest (its digest is the RepoDigest). Both the generator and the runtime use this, so the bytes
 * the engine shows are the bytes whose digests the generator computed.
 */

export const MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';
/** Uncompressed layers, so a layer blob's digest is its diffID and the store never needs gzip. */
export const LAYER_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar';

export interface LayerFacts {
  readonly diffId: Digest;
  /** The tar's length in bytes (the manifest's layer size). */
  readonly tarSize: number;
}

/** All history entries, base image first. */
export function historyOf(spec: ImageSpec): Step[] {
  return [...(spec.base ? historyOf(spec.base) : []), ...spec.steps];
}

/** The image's layers, bottom first (one per non-empty history entry). */
export function layersOf(spec: ImageSpec): LayerSpec[] {
  return historyOf(spec).flatMap((s) => (s.layer ? [s.layer] : []));
}

/**
 * The config in the shape BuildKit writes: top-level keys sorted (it re-marshals a map), `config` in the
 * order of Docker's image-spec struct (User, ExposedPorts, Env, Entrypoint, Cmd, Volumes, WorkingDir, Labels,
 * StopSignal, ArgsEscaped, Healthcheck, OnBuild, Shell), Go maps sorted, empty fields omitted.
 */
export function imageConfig(spec: ImageSpec, diffIds: readonly Digest[]): ImageConfig {
  const history = historyOf(spec);
  const c = spec.config;
  const config: Record<string, unknown> = {};
  const put = (k: keyof ContainerConfig, v: unknown): void => {
    if (v !== undefined && v !== null && v !== '') config[k] = v;
  };
  put('User', c.User);
  put('ExposedPorts', c.ExposedPorts && sortedMap(c.ExposedPorts));
  put('Env', c.Env);
  put('Entrypoint', c.Entrypoint);
  put('Cmd', c.Cmd);
  put('Volumes', c.Volumes && sortedMap(c.Volumes));
  put('WorkingDir', c.WorkingDir);
  put('Labels', c.Labels && sortedMap(c.Labels));
  put('StopSignal', c.StopSignal);
  put('ArgsEscaped', c.ArgsEscaped);
  put('Healthcheck', c.Healthcheck);
  put('OnBuild', c.OnBuild);
  put('Shell', c.Shell);
  return {
    architecture: 'amd64',
    config: config as ContainerConfig,
    created: history[history.length - 1]!.created,
    history: history.map((s, i) => ({
      created: s.created,
      created_by: createdBy(s, diffIds[history.slice(0, i).filter((h) => h.layer).length]),
      ...(s.comment === undefined ? {} : { comment: s.comment }),
      ...(s.layer ? {} : { empty_layer: true }),
    })),
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [...diffIds] },
  };
}

function createdBy(step: Step, diffId: Digest | undefined): string {
  if (typeof step.createdBy === 'string') return step.createdBy;
  if (!step.layer || diffId === undefined) throw new Error(`history line at ${step.created} names a layer's content but has no layer`);
  return step.createdBy(diffId.slice('sha256:'.length));
}

export function configJson(spec: ImageSpec, diffIds: readonly Digest[]): string {
  return goJson(imageConfig(spec, diffIds));
}

/** The OCI image manifest (Go struct order: schemaVersion, mediaType, config, layers; descriptors mediaType, digest, size). */
export function manifestJson(configDigest: Digest, configSize: number, layers: readonly LayerFacts[]): string {
  return goJson({
    schemaVersion: 2,
    mediaType: MANIFEST_MEDIA_TYPE,
    config: { mediaType: CONFIG_MEDIA_TYPE, digest: configDigest, size: configSize },
    layers: layers.map((l) => ({ mediaType: LAYER_MEDIA_TYPE, digest: l.diffId, size: l.tarSize })),
  });
}

/** UTF-8 length, the `size` of a descriptor. */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}
