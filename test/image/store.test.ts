import { describe, expect, it } from 'vitest';
import { parseReference } from '../../engine/image/reference.ts';
import { addLayers, EMPTY_STORE, imageSize, putImage, removeImage, removeTag, resolveImage, setTag, tagsOf, type ImageStore } from '../../engine/image/store.ts';
import type { Image } from '../../engine/image/types.ts';
import { image as registryImage, layer } from './fake-registry.ts';

const base = layer('base', 1000);
const app1 = layer('app1', 10);
const app2 = layer('app2', 20);

function store(...images: ReturnType<typeof registryImage>[]): ImageStore {
  let s = EMPTY_STORE;
  for (const img of images) {
    const added = addLayers(s, img.layers.map((l) => ({ diffId: l.diffId, size: l.size, tree: l.tree() })));
    s = putImage(added.store, { id: img.id, configJson: img.configJson, config: img.config, layers: added.chain, repoDigests: [] } satisfies Image);
  }
  return s;
}

describe('image store', () => {
  it('stores a layer shared by two images once', () => {
    const a = registryImage([base, app1]);
    const b = registryImage([base, app2]);
    const s = store(a, b);
    expect(s.layers.size).toBe(3);
    expect(imageSize(s, s.images.get(a.id)!)).toBe(1010);
    expect(imageSize(s, s.images.get(b.id)!)).toBe(1020);
  });

  it('names layers by chainID, so the same diff on another parent is another layer', () => {
    const s = store(registryImage([base, app1]), registryImage([app1]));
    expect(s.layers.size).toBe(3);
  });

  it('removing one image deletes only the layers nobody else uses, top first', () => {
    const a = registryImage([base, app1]);
    const b = registryImage([base, app2]);
    const s = store(a, b);
    const chainA = s.images.get(a.id)!.layers;
    const { store: after, deletedLayers } = removeImage(s, a.id);
    expect(deletedLayers).toEqual([chainA[1]]);
    expect(after.layers.has(chainA[0]!)).toBe(true);
    const { store: empty, deletedLayers: rest } = removeImage(after, b.id);
    expect(rest).toHaveLength(2);
    expect(empty.layers.size).toBe(0);
  });

  it('keeps a layer a container still uses', () => {
    const a = registryImage([base, app1]);
    const s = store(a);
    const [bottom] = s.images.get(a.id)!.layers;
    const { deletedLayers } = removeImage(s, a.id, (chain) => chain === bottom);
    expect(deletedLayers).not.toContain(bottom);
  });

  it('tags, moves tags and resolves names before ID prefixes', () => {
    const a = registryImage([base, app1]);
    const b = registryImage([base, app2]);
    let s = store(a, b);
    s = setTag(s, parseReference('app'), a.id).store;
    const moved = setTag(s, parseReference('app:latest'), b.id);
    expect(moved.previous).toBe(a.id);
    s = moved.store;
    expect(tagsOf(s, b.id)).toEqual(['docker.io/library/app:latest']);
    expect(resolveImage(s, 'app')?.id).toBe(b.id);
    expect(resolveImage(s, a.id.slice(7, 19))?.id).toBe(a.id);
    expect(resolveImage(s, a.id)?.id).toBe(a.id);
    expect(resolveImage(s, 'nope')).toBeUndefined();
    s = removeTag(s, 'docker.io/library/app:latest');
    expect(resolveImage(s, 'app')).toBeUndefined();
  });

  it('leaves the old store untouched (snapshots are values)', () => {
    const a = registryImage([base, app1]);
    const s = store(a);
    const tagged = setTag(s, parseReference('x'), a.id).store;
    removeImage(tagged, a.id);
    expect(s.tags.size).toBe(0);
    expect(tagged.images.has(a.id)).toBe(true);
  });
});
