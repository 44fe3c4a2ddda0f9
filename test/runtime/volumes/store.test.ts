import { describe, expect, it } from 'vitest';
import { DockerError } from '../../../engine/core/errors.ts';
import { initialIds } from '../../../engine/core/ids.ts';
import { makeDir, makeFile, makeSymlink } from '../../../engine/fs/tree.ts';
import { parseFilters } from '../../../engine/image/filters.ts';
import {
  ANONYMOUS_LABEL, createVolume, EMPTY_VOLUME_STORE, getVolume, isAnonymous, listVolumes, pruneVolumes, removeVolume, setVolumeContent,
  volumesDiskUsage, volumeSize, type VolumeStore,
} from '../../../engine/runtime/volumes/index.ts';

const NOW = Date.UTC(2025, 6, 14, 9, 0, 0);

function create(store: VolumeStore, name?: string, extra: { labels?: Record<string, string> | null; options?: Record<string, string> | null; driver?: string } = {}) {
  return createVolume(store, { ...(name !== undefined ? { name } : {}), now: NOW, ids: initialIds(7), ...extra });
}

function storeWith(...names: string[]): VolumeStore {
  return names.reduce((s, n) => create(s, n, { labels: {} }).store, EMPTY_VOLUME_STORE);
}

function errorOf(f: () => unknown): DockerError {
  try {
    f();
  } catch (e) {
    if (e instanceof DockerError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('createVolume', () => {
  it('makes an empty local volume with the labels and options given, at the clock time', () => {
    const { store, volume, created } = create(EMPTY_VOLUME_STORE, 'data', { labels: { a: 'b' }, options: null });
    expect(created).toBe(true);
    expect(volume).toMatchObject({ name: 'data', driver: 'local', labels: { a: 'b' }, options: null, createdAt: NOW });
    expect(volume.content.children.size).toBe(0);
    expect(volume.content.mode).toBe(0o755);
    expect(store.volumes.get('data')).toBe(volume);
    expect(isAnonymous(volume)).toBe(false);
  });

  it('gives a nameless volume a seeded 64-hex name and the anonymous label, and moves the id state on', () => {
    const a = create(EMPTY_VOLUME_STORE, undefined, { labels: {} });
    expect(a.volume.name).toMatch(/^[0-9a-f]{64}$/);
    expect(a.volume.labels).toEqual({ [ANONYMOUS_LABEL]: '' });
    expect(isAnonymous(a.volume)).toBe(true);
    expect(a.ids.counter).toBe(1);
    // Same seed and counter, same name: deterministic.
    expect(create(EMPTY_VOLUME_STORE).volume.name).toBe(a.volume.name);
    const b = createVolume(a.store, { now: NOW, ids: a.ids });
    expect(b.volume.name).not.toBe(a.volume.name);
  });

  it('returns an existing volume unchanged for the same name', () => {
    const first = create(EMPTY_VOLUME_STORE, 'data', { labels: { v: '1' } });
    const again = create(first.store, 'data', { labels: { v: '2' } });
    expect(again.created).toBe(false);
    expect(again.store).toBe(first.store);
    expect(again.volume.labels).toEqual({ v: '1' });
  });

  it('refuses names the local driver cannot hold, in moby words', () => {
    expect(errorOf(() => create(EMPTY_VOLUME_STORE, 'bad name')).message).toBe(
      'Error response from daemon: create bad name: "bad name" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path',
    );
    expect(errorOf(() => create(EMPTY_VOLUME_STORE, 'x')).message).toBe(
      'Error response from daemon: create x: volume name is too short, names should be at least two alphanumeric characters',
    );
    expect(errorOf(() => create(EMPTY_VOLUME_STORE, '.data')).message).toContain('".data" includes invalid characters');
    expect(create(EMPTY_VOLUME_STORE, 'a1._-').created).toBe(true);
  });

  it('checks options as the Linux local driver does', () => {
    expect(errorOf(() => create(EMPTY_VOLUME_STORE, 'v1', { options: { foo: 'x' } })).message).toBe('Error response from daemon: create v1: invalid option: "foo"');
    expect(errorOf(() => create(EMPTY_VOLUME_STORE, 'v1', { options: { type: 'tmpfs' } })).message).toBe('Error response from daemon: create v1: missing required option: "device"');
    expect(errorOf(() => create(EMPTY_VOLUME_STORE, 'v1', { options: { device: 'tmpfs' } })).message).toBe('Error response from daemon: create v1: missing required option: "type"');
    expect(errorOf(() => create(EMPTY_VOLUME_STORE, 'v1', { options: { size: '10m' } })).message).toBe('Error response from daemon: create v1: quota size requested but no quota support');
    expect(create(EMPTY_VOLUME_STORE, 'v1', { options: { type: 'tmpfs', device: 'tmpfs', o: 'size=100m' } }).created).toBe(true);
  });

  it('knows no driver but local', () => {
    expect(errorOf(() => create(EMPTY_VOLUME_STORE, 'v1', { driver: 'nfs' })).message).toBe(
      'Error response from daemon: create v1: error looking up volume plugin nfs: plugin "nfs" not found',
    );
  });
});

describe('getVolume', () => {
  it('finds by exact name only', () => {
    const store = storeWith('data');
    expect(getVolume(store, 'data').name).toBe('data');
    const e = errorOf(() => getVolume(store, 'dat'));
    expect(e.message).toBe('Error response from daemon: get dat: no such volume');
    expect(e.exitCode).toBe(1);
  });
});

describe('listVolumes', () => {
  const base = create(storeWith('web-data', 'db-data'), 'labelled', { labels: { env: 'prod', tier: '' } }).store;
  const users = (name: string) => (name === 'db-data' ? ['c'.repeat(64)] : []);
  const names = (filters: string[]) => listVolumes(base, parseFilters(filters), users).map((v) => v.name).sort();

  it('filters by name (exact or regular expression), label, driver and dangling', () => {
    expect(names([])).toEqual(['db-data', 'labelled', 'web-data']);
    expect(names(['name=data'])).toEqual(['db-data', 'web-data']);
    expect(names(['name=^web'])).toEqual(['web-data']);
    expect(names(['label=env'])).toEqual(['labelled']);
    expect(names(['label=env=dev'])).toEqual([]);
    expect(names(['driver=local'])).toEqual(['db-data', 'labelled', 'web-data']);
    expect(names(['driver=nfs'])).toEqual([]);
    expect(names(['dangling=true'])).toEqual(['labelled', 'web-data']);
    expect(names(['dangling=false'])).toEqual(['db-data']);
  });

  it('rejects filters it does not know and non-boolean dangling values', () => {
    expect(errorOf(() => names(['until=1h'])).message).toBe("Error response from daemon: invalid filter 'until'");
    expect(errorOf(() => names(['dangling=maybe'])).message).toBe("Error response from daemon: invalid filter 'dangling=[maybe]'");
  });
});

describe('removeVolume', () => {
  it('removes an unused volume', () => {
    const { store, removed } = removeVolume(storeWith('a1', 'b1'), 'a1');
    expect(removed).toBe(true);
    expect([...store.volumes.keys()]).toEqual(['b1']);
  });

  it('refuses a volume containers reference, even with force, naming every container', () => {
    const ids = ['1'.repeat(64), '2'.repeat(64)];
    const e = errorOf(() => removeVolume(storeWith('data'), 'data', { force: true, usersOf: () => ids }));
    expect(e.message).toBe(`Error response from daemon: remove data: volume is in use - [${ids[0]}, ${ids[1]}]`);
  });

  it('-f makes a missing volume no error', () => {
    const store = storeWith('data');
    expect(errorOf(() => removeVolume(store, 'nope')).message).toBe('Error response from daemon: get nope: no such volume');
    expect(removeVolume(store, 'nope', { force: true })).toEqual({ store, removed: false });
  });
});

describe('pruneVolumes', () => {
  const withFile = (store: VolumeStore, name: string, bytes: number) =>
    setVolumeContent(store, name, makeDir([['f', makeFile(new Uint8Array(bytes))], ['sub', makeDir([['l', makeSymlink('abc')]])]]));

  it('removes unused anonymous volumes only, and counts their bytes', () => {
    let s = storeWith('named');
    const anon1 = createVolume(s, { now: NOW, ids: initialIds(1) });
    s = anon1.store;
    const anon2 = createVolume(s, { now: NOW, ids: anon1.ids });
    s = withFile(anon2.store, anon1.volume.name, 100);
    const used = anon2.volume.name;
    const result = pruneVolumes(s, parseFilters([]), (n) => (n === used ? ['f'.repeat(64)] : []));
    expect(result.deleted).toEqual([anon1.volume.name]);
    expect(result.spaceReclaimed).toBe(103);
    expect([...result.store.volumes.keys()].sort()).toEqual([used, 'named'].sort());
  });

  it('all=true takes named volumes too, but never ones with mount options', () => {
    let s = storeWith('b-named', 'a-named');
    s = create(s, 'tmp', { options: { type: 'tmpfs', device: 'tmpfs' } }).store;
    expect(pruneVolumes(s, parseFilters(['all=true'])).deleted).toEqual(['a-named', 'b-named']);
    expect(pruneVolumes(s, parseFilters(['all=1', 'label=nope'])).deleted).toEqual([]);
    expect(pruneVolumes(s, parseFilters(['all=0'])).deleted).toEqual([]);
  });

  it('label! keeps what it names', () => {
    let s = create(EMPTY_VOLUME_STORE, 'keep', { labels: { keep: '' } }).store;
    s = create(s, 'drop', { labels: {} }).store;
    expect(pruneVolumes(s, parseFilters(['all=true', 'label!=keep'])).deleted).toEqual(['drop']);
  });

  it('checks its filters as the daemon does', () => {
    expect(errorOf(() => pruneVolumes(EMPTY_VOLUME_STORE, parseFilters(['dangling=true']))).message).toBe("Error response from daemon: invalid filter 'dangling'");
    expect(errorOf(() => pruneVolumes(EMPTY_VOLUME_STORE, parseFilters(['all=yes']))).message).toBe(
      `Error response from daemon: invalid filter 'all': strconv.ParseBool: parsing "yes": invalid syntax`,
    );
    expect(errorOf(() => pruneVolumes(EMPTY_VOLUME_STORE, parseFilters(['all=1', 'all=0']))).message).toBe(
      "Error response from daemon: invalid filter 'all=[1 0]': only one value is expected",
    );
  });

  it('sizes count files and symlinks, not directories', () => {
    const s = withFile(storeWith('data'), 'data', 2000);
    expect(volumeSize(s.volumes.get('data')!)).toBe(2003);
    expect(volumesDiskUsage(s, () => ['x'])).toEqual([{ name: 'data', refCount: 1, size: 2003 }]);
  });
});
