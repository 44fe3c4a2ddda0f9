import { describe, expect, it } from 'vitest';
import { bytesEqual, contentChunks, readContent } from '../../../engine/fs/content.ts';
import { digestChunks } from '../../../engine/fs/digest.ts';
import { concat } from '../../../engine/fs/tar.ts';
import type { DirEntry, Entry, FileContent } from '../../../engine/fs/types.ts';
import { loadArchive, saveArchive, type SaveImage } from '../../../engine/image/archive/index.ts';
import { loadImages } from '../../../engine/image/load.ts';
import { archiveContent } from '../../../engine/image/save.ts';
import { EMPTY_STORE, type ImageStore } from '../../../engine/image/store.ts';
import { alpine, webapp } from './fixture.ts';

type Lazy = Extract<FileContent, { kind: 'lazy' }>;

/** Every entry by path with its metadata and the digest of its bytes: equal when the trees hold the same files. */
function flatten(tree: DirEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const visit = (e: Entry, path: string) => {
    const meta = { type: e.type, mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime };
    if (e.type === 'dir') {
      out[path] = { ...meta, opaque: e.opaque === true };
      for (const [name, child] of e.children) visit(child, `${path}/${name}`);
    } else if (e.type === 'symlink') out[path] = { ...meta, target: e.target };
    else out[path] = { ...meta, bytes: digestChunks(contentChunks(e.content)) };
  };
  visit(tree, '');
  return out;
}

function storeFacts(store: ImageStore) {
  return {
    images: [...store.images.values()].map((i) => ({ id: i.id, diffIds: i.layers.map((c) => store.layers.get(c)!.diffId) })),
    tags: [...store.tags],
    layers: [...store.layers.values()].map((l) => ({ diffId: l.diffId, size: l.size, files: flatten(l.tree) })),
  };
}

/** The fixture images, with each layer counting how often its tar is produced. */
function counted(images: SaveImage[]): { images: SaveImage[]; tars: () => number } {
  let tars = 0;
  const wrapped = images.map((img) => ({
    ...img,
    layers: img.layers.map((l) => ({
      ...l,
      tar: () => {
        tars++;
        return l.tar();
      },
    })),
  }));
  return { images: wrapped, tars: () => tars };
}

describe('docker load of an archive docker save wrote (lazy content)', () => {
  it('gives the same archive and store as loading its bytes, without producing a layer tar', () => {
    const { images, tars } = counted([alpine, webapp]);
    const content = archiveContent(images, { now: 1_752_483_600 }) as Lazy;
    const bytes = readContent(content);
    const producedByRead = tars();

    const slow = loadArchive(bytes);
    const fast = loadArchive(content);
    expect(tars()).toBe(producedByRead);

    expect(fast.images).toEqual(slow.images);
    expect([...fast.layers.keys()]).toEqual([...slow.layers.keys()]);
    for (const [diffId, layer] of slow.layers) {
      const quick = fast.layers.get(diffId)!;
      expect(quick.size).toBe(layer.size);
      expect(flatten(quick.tree)).toEqual(flatten(layer.tree));
      // The files are the saved tree's own, not copies rebuilt from its tar.
      expect(quick.tree.children).toBe(content.trees!.get(diffId)!.children);
    }

    const slowStore = loadImages(EMPTY_STORE, slow);
    const fastStore = loadImages(EMPTY_STORE, fast);
    expect(fastStore.events).toEqual(slowStore.events);
    expect(storeFacts(fastStore.store)).toEqual(storeFacts(slowStore.store));
    expect(storeFacts(fastStore.store).images.map((i) => i.id)).toEqual([alpine.id, webapp.id]);
  });

  it('reads from any offset the same bytes as the whole archive has there', () => {
    const content = archiveContent([webapp], {}) as Lazy;
    const whole = concat([...saveArchive([webapp])]);
    expect(content.size).toBe(whole.length);
    for (const start of [0, 1, 511, 512, 4096, 70_000, whole.length - 1024, whole.length]) {
      expect(bytesEqual(concat([...content.chunks(start)]), whole.subarray(start)), `from ${start}`).toBe(true);
    }
  });

  it('falls back to the full reader when the content has no trees, with the same result', () => {
    const content = archiveContent([webapp], {}) as Lazy;
    const bare: Lazy = { kind: 'lazy', size: content.size, chunks: (start) => content.chunks(start) };
    const viaBytes = loadArchive(readContent(content));
    const viaBare = loadArchive(bare);
    expect(viaBare.images).toEqual(viaBytes.images);
    for (const [diffId, layer] of viaBytes.layers) expect(flatten(viaBare.layers.get(diffId)!.tree)).toEqual(flatten(layer.tree));
  });

  it('skips layers the store already has, as for bytes', () => {
    const content = archiveContent([webapp], {}) as Lazy;
    const fast = loadArchive(content, { hasLayer: () => true });
    expect(fast.layers.size).toBe(0);
    expect(fast.images).toEqual(loadArchive(readContent(content), { hasLayer: () => true }).images);
  });
});
