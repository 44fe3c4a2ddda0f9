import { describe, expect, it } from 'vitest';
import { concat } from '../../engine/fs/tar.ts';
import { saveArchive } from '../../engine/image/archive/index.ts';
import { archiveContent, imagesToSave } from '../../engine/image/save.ts';
import { addLayers, EMPTY_STORE, putImage, setTag } from '../../engine/image/store.ts';
import { parseReference } from '../../engine/image/reference.ts';
import { image, layer } from './fake-registry.ts';

describe('docker save content', () => {
  it('is the archive itself, measured without writing it, and produced only when read', () => {
    const img = image([layer('base', 3_000), layer('app', 70_000)]);
    const added = addLayers(EMPTY_STORE, img.layers.map((l) => ({ diffId: l.diffId, size: l.size, tree: l.tree() })));
    let store = putImage(added.store, { id: img.id, configJson: img.configJson, config: img.config, layers: added.chain, repoDigests: [] });
    store = setTag(store, parseReference('app:1'), img.id).store;
    const toSave = imagesToSave(store, ['app:1']);
    const content = archiveContent(toSave, { now: 1_752_483_600 });
    const real = concat([...saveArchive(toSave, { now: 1_752_483_600 })]);
    expect(content.kind).toBe('lazy');
    expect(content.kind === 'lazy' && content.size).toBe(real.length);
    expect(content.kind === 'lazy' && concat([...content.chunks()])).toEqual(real);
  });
});
