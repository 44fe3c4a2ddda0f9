import type { Snapshot } from '../api.ts';
import { migrate, readSaveFile, SaveFormatError, writeSaveFile, type SaveFormat } from '../core/save-file.ts';
import { SESSION_FORMAT } from './session-format.ts';
import { concatChunks, decodeValue, encodeValueChunks, encodeValueChunksSliced, ValueCodecError, type External } from '../core/value-codec.ts';
import { readContent } from '../fs/content.ts';
import type { DirEntry, FileContent } from '../fs/types.ts';
import { catalogImages, type CatalogLayer } from '../image/catalog/index.ts';
import { archiveFromRecipe, archiveRecipe, type ArchiveRecipe } from '../image/save.ts';
import { checkDirTree, checkEngineState, SessionShapeError } from './session-shape.ts';

/**
 * A whole machine as a file: the snapshot's state, encoded with every shared subtree written once, inside a
 * versioned, checksummed envelope (engine/core/save-file.ts). Reading is all-or-nothing: `deserializeSnapshot` either
 * returns a snapshot whose every part has been checked, or throws SaveFormatError saying what is wrong with the file.
 *
 * Two kinds of value are written as recipes rather than data, each exact:
 * - a base image's layer tree, when it is the very tree the offline catalog builds (checked by identity), is written
 *   as the catalog layer's key and diffID and rebuilt from the catalog on load (a save of a machine that pulled node
 *   is kilobytes, not the node image); a catalog whose layer no longer has that diffID refuses the file;
 * - a `docker save` archive (content produced on demand) is written as the images and trees it is made from.
 */

// The envelope (magic, schema version, migrations) lives apart so a worker can wrap a payload without the catalog.
export { MIGRATIONS, SESSION_FORMAT, SESSION_SCHEMA_VERSION } from './session-format.ts';

/** Lazy content with no recipe is saved as its bytes, up to this size. */
const MAX_MATERIALIZED = 64 * 1024 * 1024;

const CATALOG_LAYER = 'catalog-layer';
const ARCHIVE = 'docker-save-archive';

interface Payload {
  readonly snapshotVersion: number;
  readonly state: unknown;
}

export function serializeSnapshot(snapshot: Snapshot, format: SaveFormat = SESSION_FORMAT): Uint8Array {
  return writeSaveFile(format, concatChunks(encodeSnapshot(snapshot)));
}

/**
 * The first half of `serializeSnapshot`: the state as a payload, before compression and checksum. It must run where
 * the state lives (catalog trees are recognised by identity); the second half, `sessionFile` in session-format.ts,
 * is plain bytes to bytes and may run in a worker: for a session holding a big file it is most of the time.
 */
export function encodeSnapshot(snapshot: Snapshot): Uint8Array[] {
  const { payload, external } = encodable(snapshot);
  // In pieces, a big file's bytes by reference: they are copied once, where the pieces are joined.
  return encodeValueChunks(payload, { external });
}

/**
 * `encodeSnapshot` in slices, `pause()` between them (a yield to the page): the same pieces, without a long task for
 * a machine of a hundred thousand files or a thousand containers. A snapshot never changes, so the pauses are safe.
 */
export function encodeSnapshotSliced(snapshot: Snapshot, pause: () => Promise<void>): Promise<Uint8Array[]> {
  const { payload, external } = encodable(snapshot);
  return encodeValueChunksSliced(payload, pause, { external });
}

function encodable(snapshot: Snapshot): { payload: Payload; external: (v: object) => External | undefined } {
  const catalogTrees = catalogTreesIn(snapshot.state);
  const external = (v: object): External | undefined => {
    const layer = catalogTrees.get(v);
    if (layer) return { name: CATALOG_LAYER, payload: { key: layer.key, diffId: layer.diffId } };
    if (isLazy(v)) {
      const recipe = archiveRecipe(v);
      if (recipe) return { name: ARCHIVE, payload: recipe };
      if (v.size > MAX_MATERIALIZED) throw new Error(`a ${v.size}-byte generated file cannot be saved`);
      return { name: 'bytes-content', payload: readContent(v) };
    }
    return undefined;
  };
  return { payload: { snapshotVersion: snapshot.version, state: snapshot.state }, external };
}

export function deserializeSnapshot(bytes: Uint8Array, format: SaveFormat = SESSION_FORMAT): Snapshot {
  const { version, payload } = readSaveFile(format, bytes);
  let decoded: unknown;
  try {
    decoded = decodeValue(payload, { external: rebuildExternal });
  } catch (e) {
    if (e instanceof ValueCodecError) throw new SaveFormatError('damaged', `The session file is damaged: ${e.message}.`);
    // Stack exhaustion or the like on hostile input: still a damaged file, never an escaped exception.
    throw new SaveFormatError('damaged', `The session file could not be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const current = migrate(format, version, decoded);
  if (typeof current !== 'object' || current === null || (current as Payload).snapshotVersion !== 1) {
    throw new SaveFormatError('damaged', 'The session file does not hold a machine snapshot.');
  }
  const { state } = current as Payload;
  try {
    checkEngineState(state);
  } catch (e) {
    if (e instanceof SessionShapeError) throw new SaveFormatError('damaged', `The session file holds something other than a machine: ${e.message}.`);
    throw new SaveFormatError('damaged', `The session file could not be checked: ${e instanceof Error ? e.message : String(e)}.`);
  }
  return { version: 1, state };
}

function rebuildExternal(name: string, payload: unknown): unknown {
  if (name === CATALOG_LAYER) {
    const { key, diffId } = (payload ?? {}) as { key?: unknown; diffId?: unknown };
    if (typeof key !== 'string' || typeof diffId !== 'string') throw new Error('malformed catalog layer');
    const layer = catalogLayerByKey().get(key);
    if (!layer || layer.diffId !== diffId) throw new Error(`base image layer ${diffId} is not in this version's image catalog`);
    return layer.tree();
  }
  if (name === ARCHIVE) return archiveFromRecipe(checkRecipe(payload));
  if (name === 'bytes-content') {
    if (!(payload instanceof Uint8Array)) throw new Error('malformed file content');
    return { kind: 'bytes', bytes: payload } satisfies FileContent;
  }
  throw new Error('unknown kind of value');
}

function checkRecipe(payload: unknown): ArchiveRecipe {
  const r = payload as ArchiveRecipe | undefined;
  const ok =
    typeof r === 'object' &&
    r !== null &&
    typeof r.options === 'object' &&
    Array.isArray(r.images) &&
    r.images.every(
      (i) =>
        typeof i.id === 'string' &&
        typeof i.configJson === 'string' &&
        Array.isArray(i.repoTags) &&
        Array.isArray(i.layers) &&
        i.layers.every((l: { diffId: unknown; size: unknown; tree: unknown }) => typeof l.diffId === 'string' && typeof l.size === 'number' && isDirTree(l.tree)),
    );
  if (!ok) throw new Error('malformed image archive');
  return r;
}

function isDirTree(v: unknown): boolean {
  try {
    checkDirTree(v, 'archive layer');
    return true;
  } catch {
    return false;
  }
}

function isLazy(v: object): v is Extract<FileContent, { kind: 'lazy' }> {
  return (v as FileContent).kind === 'lazy' && typeof (v as { chunks?: unknown }).chunks === 'function';
}

let byKey: Map<string, CatalogLayer> | undefined;
let byDiffId: Map<string, CatalogLayer> | undefined;

function catalogLayerByKey(): Map<string, CatalogLayer> {
  byKey ??= new Map(catalogImages().flatMap((i) => i.layers.map((l) => [l.key, l] as const)));
  return byKey;
}

function catalogLayerByDiffId(): Map<string, CatalogLayer> {
  byDiffId ??= new Map([...catalogLayerByKey().values()].map((l) => [l.diffId, l] as const));
  return byDiffId;
}

/** The state's layer trees that are exactly (the same object as) a catalog layer's tree. */
function catalogTreesIn(state: unknown): Map<object, CatalogLayer> {
  const out = new Map<object, CatalogLayer>();
  const s = state as { images?: { layers?: Map<string, { diffId: string; tree: DirEntry }> }; buildCache?: { sources?: Map<string, { layers: readonly { diffId: string; tree: DirEntry }[] }> } };
  const candidates = [...(s.images?.layers?.values() ?? [])];
  for (const source of s.buildCache?.sources?.values() ?? []) candidates.push(...source.layers);
  for (const { diffId, tree } of candidates) {
    const layer = catalogLayerByDiffId().get(diffId);
    if (layer && layer.tree() === tree) out.set(tree, layer);
  }
  return out;
}
