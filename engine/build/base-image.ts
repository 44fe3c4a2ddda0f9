import { familiarString, parseReference, type Reference } from '../image/reference.ts';
import type { Registry, RegistryImage } from '../image/registry.ts';
import { resolveImage, type ImageStore, type NewLayer } from '../image/store.ts';
import type { ImageConfig } from '../image/types.ts';
import { BuildFailure } from './errors.ts';

/** An image a stage starts from (or a `COPY --from` reads), as metadata resolution found it. */
export interface BaseImage {
  /** Canonical reference as written: `docker.io/library/node:20`. */
  readonly ref: string;
  /** `docker.io/library/node:20@sha256:…` as the FROM vertex names it. */
  readonly pinned: string;
  /** The cache key of the image source: what makes a new digest miss everything after it. */
  readonly key: string;
  readonly config: ImageConfig;
  /** Present when the image is in the daemon's store already. */
  readonly layers?: readonly NewLayer[];
  /** Present when it must come from the registry. */
  readonly remote?: RegistryImage;
}

/**
 * Moby's builder resolves a FROM against the local image store first (unless `--pull`), then the registry; the
 * classic store does not tag what BuildKit pulls for itself.
 */
export function resolveBase(ref: string, store: ImageStore, registry: Registry, pull: boolean): BaseImage {
  const parsed = parseReference(ref);
  if (!pull) {
    const local = resolveImage(store, ref);
    if (local) {
      const digest = local.repoDigests.find((d) => d.startsWith(`${parsed.domain}/${parsed.path}@`))?.split('@')[1];
      return {
        ref,
        pinned: digest ? `${ref}@${digest}` : ref,
        key: `image:${local.id}`,
        config: local.config,
        layers: local.layers.map((chainId) => {
          const l = store.layers.get(chainId)!;
          return { diffId: l.diffId, size: l.size, tree: l.tree };
        }),
      };
    }
  }
  const remote = fromRegistry(registry, parsed, ref);
  return { ref, pinned: `${ref}@${remote.manifestDigest}`, key: `image:${remote.id}`, config: remote.config, remote };
}

function fromRegistry(registry: Registry, ref: Reference, text: string): RegistryImage {
  const answer = registry.resolve(ref.domain, ref.path, { ...(ref.tag !== undefined ? { tag: ref.tag } : {}), ...(ref.digest !== undefined ? { digest: ref.digest } : {}) });
  const prefix = `${familiarString(ref)}: failed to resolve source metadata for ${text}`;
  switch (answer.kind) {
    case 'found':
      return answer.image;
    case 'no-repository':
      throw new BuildFailure(`${prefix}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`);
    case 'no-tag':
      throw new BuildFailure(`${prefix}: ${text}: not found`);
    case 'unreachable':
      throw new BuildFailure(`${prefix}: failed to do request: Head "https://${ref.domain}/v2/${ref.path}/manifests/${ref.tag ?? ref.digest}": dial tcp: lookup ${ref.domain}: no such host`);
  }
}

