import { DockerError } from '../core/errors.ts';
import { chainIds } from '../fs/digest.ts';
import type { LoadedArchive } from './archive/index.ts';
import { layerSize } from './catalog/compute.ts';
import { familiarString, parseReference } from './reference.ts';
import { addLayers, putImage, setTag, type ImageStore, type NewLayer } from './store.ts';
import type { Digest, ImageConfig } from './types.ts';

/** What `docker load` reports, in order: a layer it unpacked (the TTY's progress line) or a line of text. */
export type LoadEvent =
  | { readonly kind: 'layer'; readonly diffId: Digest; readonly size: number }
  | { readonly kind: 'line'; readonly text: string };

export interface LoadResult {
  readonly store: ImageStore;
  readonly events: readonly LoadEvent[];
  /** The first problem, after which nothing more was loaded; what came before it stays loaded, as in Docker. */
  readonly error?: DockerError;
}

/**
 * The store half of the classic daemon's tarexport.Load: each image of the archive in manifest order gets its
 * layers (reusing every chain the store already has), its config and its tags. A tag that named another image
 * moves, and Docker says so; that image stays, untagged. `Loaded image ID:` lines are held back and printed only
 * when the last image had no tags, a quirk of load.go (its tag counter is reset per image).
 */
export function loadImages(store: ImageStore, archive: LoadedArchive): LoadResult {
  const events: LoadEvent[] = [];
  let idLines = '';
  let lastTagged = 0;
  try {
    for (const loaded of archive.images) {
      const chains = chainIds(loaded.diffIds);
      const stack: NewLayer[] = loaded.diffIds.map((diffId, i) => {
        const present = store.layers.get(chains[i]!);
        if (present) return { diffId, size: present.size, tree: present.tree };
        const layer = archive.layers.get(diffId)!;
        events.push({ kind: 'layer', diffId, size: layer.size });
        return { diffId, size: layerSize(layer.tree), tree: layer.tree };
      });
      const added = addLayers(store, stack);
      const existing = added.store.images.get(loaded.id);
      store = putImage(added.store, {
        id: loaded.id,
        configJson: loaded.configJson,
        config: readConfig(loaded.configJson),
        layers: added.chain,
        repoDigests: existing?.repoDigests ?? [],
        ...(existing?.lastTagTime !== undefined ? { lastTagTime: existing.lastTagTime } : {}),
      });
      idLines += `Loaded image ID: ${loaded.id}\n`;
      lastTagged = 0;
      for (const repoTag of loaded.repoTags) {
        const ref = parseTag(repoTag);
        const tagged = setTag(store, ref, loaded.id);
        const shown = familiarString(ref);
        if (tagged.previous !== undefined) {
          events.push({ kind: 'line', text: `The image ${shown} already exists, renaming the old one with ID ${tagged.previous} to empty string\n` });
        }
        store = tagged.store;
        events.push({ kind: 'line', text: `Loaded image: ${shown}\n` });
        lastTagged++;
      }
    }
  } catch (e) {
    if (!(e instanceof DockerError)) throw e;
    return { store, events, error: e };
  }
  if (lastTagged === 0 && idLines !== '') events.push({ kind: 'line', text: idLines });
  return { store, events };
}

/** A manifest's RepoTags entry must be a tagged reference (`name:tag`). */
function parseTag(text: string) {
  const ref = parseReference(text);
  if (ref.tag === undefined) throw new DockerError(`invalid tag ${JSON.stringify(text)}`, 1, 'ELOAD');
  return ref;
}

/**
 * The config as the rest of the engine reads it. An archive made by other tools may leave out what the OCI spec makes
 * optional (`config`, `history`); Docker's Go structs read those as empty, and so must we (the image ID stays the
 * digest of the bytes as loaded).
 */
function readConfig(json: string): ImageConfig {
  const raw = JSON.parse(json) as Omit<ImageConfig, 'config' | 'history'> & { config?: ImageConfig['config'] | null; history?: ImageConfig['history'] | null };
  return { ...raw, config: raw.config ?? {}, history: raw.history ?? [] };
}
