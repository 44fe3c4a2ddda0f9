import { sha256Hex } from '../../core/ids.ts';
import type { Fs } from '../../fs/types.ts';
import { bsonSize, parseEJSON, stringifyEJSON, type Doc } from './bson.ts';

/**
 * mongod's data directory: the files WiredTiger keeps under the dbpath, by their real names, so that what survives
 * a container depends only on what is mounted there. The file contents are Dockyard's own serialization (Extended
 * JSON lines for collections, JSON for the catalog), not WiredTiger's B-tree pages; the big preallocated journal is a
 * generated file of the real size.
 *
 * Every acknowledged write rewrites its collection's file before the reply goes out: that stands in for the journal
 * (`j: true` semantics), so a SIGKILL right after an acknowledged insert loses nothing.
 */

export interface CatalogEntry {
  readonly ns: string;
  readonly ident: string;
  readonly indexIdents: Readonly<Record<string, string>>;
  readonly uuid: string;
}

interface CatalogFile {
  next: number;
  entries: CatalogEntry[];
}

const CATALOG = '_mdb_catalog.wt';
const LOCK = 'mongod.lock';
/** WiredTiger's version line as 7.0/8.0 write it in the `WiredTiger` file (release date approximate). */
const WT_VERSION = 'WiredTiger\nWiredTiger 11.2.0: (November 10, 2023)\n';
const JOURNAL_SIZE = 100 * 1024 * 1024;

export class DbPath {
  #catalog: CatalogFile = { next: 0, entries: [] };

  /** `suffix` is the random number real idents carry (`collection-7-<suffix>`), drawn once per startup. */
  constructor(
    readonly fs: Fs,
    readonly path: string,
    private readonly suffix: string,
    private readonly nowSeconds: () => number,
  ) {}

  file(name: string): string {
    return `${this.path}/${name}`;
  }

  /** Takes mongod.lock; reports whether it held a pid already (the last mongod did not shut down cleanly). */
  lock(pid: number): { unclean: boolean } {
    const path = this.file(LOCK);
    const unclean = this.fs.exists(path) && this.fs.readFile(path).length > 0;
    this.fs.writeFile(path, `${pid}\n`, { mode: 0o600 });
    return { unclean };
  }

  /** A clean shutdown leaves mongod.lock empty. */
  unlock(): void {
    this.fs.writeFile(this.file(LOCK), '', { mode: 0o600 });
  }

  /** Whether WiredTiger files are there already (a restart) or this is a fresh data directory. */
  get initialized(): boolean {
    return this.fs.exists(this.file('WiredTiger')) && this.fs.exists(this.file(CATALOG));
  }

  /** Creates WiredTiger's own files on a fresh dbpath (the metadata, history store, journal, FTDC directory). */
  create(): void {
    const f = (name: string, text: string) => this.fs.writeFile(this.file(name), text, { mode: 0o600 });
    f('WiredTiger', WT_VERSION);
    f('WiredTiger.lock', 'WiredTiger lock file\n');
    f('WiredTiger.turtle', 'WiredTiger version string\nWiredTiger 11.2.0: (November 10, 2023)\nWiredTiger version\nmajor=11,minor=2,patch=0\n');
    f('WiredTiger.wt', '');
    f('WiredTigerHS.wt', '');
    f('sizeStorer.wt', '{}\n');
    // Real storage.bson is BSON: {storage: {engine: 'wiredTiger', options: {directoryPerDB: false, directoryForIndexes: false}}}.
    f('storage.bson', '{"storage":{"engine":"wiredTiger","options":{"directoryPerDB":false,"directoryForIndexes":false}}}\n');
    this.fs.mkdir(this.file('journal'), { recursive: true, mode: 0o700 });
    this.fs.writeFile(this.file('journal/WiredTigerLog.0000000001'), { kind: 'synthetic', size: JOURNAL_SIZE, seed: `wt-journal:${this.suffix}` }, { mode: 0o600 });
    this.fs.mkdir(this.file('.mongodb'), { recursive: true, mode: 0o700 });
    this.#writeCatalog();
  }

  /** Opens FTDC's directory with the metrics file a start creates (`metrics.<start time>-00000`). */
  startDiagnostics(startMs: number): void {
    this.fs.mkdir(this.file('diagnostic.data'), { recursive: true, mode: 0o700 });
    const stamp = new Date(startMs).toISOString().slice(0, 19).replace(/:/g, '-');
    this.fs.writeFile(this.file(`diagnostic.data/metrics.${stamp}Z-00000`), { kind: 'synthetic', size: 20_000, seed: `ftdc:${startMs}` }, { mode: 0o600 });
  }

  /** Every collection the catalog lists, with its documents read back from its file. */
  load(): { entry: CatalogEntry; docs: Doc[] }[] {
    this.#catalog = JSON.parse(this.fs.readText(this.file(CATALOG))) as CatalogFile;
    return this.#catalog.entries.map((entry) => ({ entry, docs: this.#readDocs(entry) }));
  }

  #readDocs(entry: CatalogEntry): Doc[] {
    const path = this.file(`${entry.ident}.wt`);
    if (!this.fs.exists(path)) return [];
    return this.fs
      .readText(path)
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => parseEJSON(l) as Doc);
  }

  /** Registers a new collection (and its indexes) in the catalog and creates their empty table files. */
  createCollection(ns: string, indexes: readonly string[] = ['_id_']): CatalogEntry {
    const n = () => this.#catalog.next++;
    const ident = `collection-${n()}-${this.suffix}`;
    const indexIdents: Record<string, string> = {};
    for (const name of indexes) indexIdents[name] = `index-${n()}-${this.suffix}`;
    const h = sha256Hex(`uuid:${ident}`);
    const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
    const entry: CatalogEntry = { ns, ident, indexIdents, uuid };
    this.#catalog.entries.push(entry);
    this.writeCollection(entry, []);
    this.#writeCatalog();
    return entry;
  }

  /** Rewrites a collection's table and its _id index: the acknowledged state of the collection. */
  writeCollection(entry: CatalogEntry, docs: readonly Doc[]): void {
    this.fs.writeFile(this.file(`${entry.ident}.wt`), docs.map((d) => stringifyEJSON(d) + '\n').join(''), { mode: 0o600 });
    const ids = docs.map((d) => stringifyEJSON(d._id ?? null) + '\n').join('');
    for (const [name, ident] of Object.entries(entry.indexIdents)) this.fs.writeFile(this.file(`${ident}.wt`), name === '_id_' ? ids : '', { mode: 0o600 });
    this.#recordSize(entry, docs);
  }

  dropCollection(entry: CatalogEntry): void {
    this.#catalog.entries = this.#catalog.entries.filter((e) => e.ident !== entry.ident);
    for (const ident of [entry.ident, ...Object.values(entry.indexIdents)]) this.fs.rm(this.file(`${ident}.wt`), { force: true });
    this.#writeCatalog();
    this.#recordSize(entry, undefined);
  }

  #recordSize(entry: CatalogEntry, docs: readonly Doc[] | undefined): void {
    const path = this.file('sizeStorer.wt');
    const sizes = (this.fs.exists(path) ? JSON.parse(this.fs.readText(path) || '{}') : {}) as Record<string, unknown>;
    if (docs) sizes[`table:${entry.ident}`] = { numRecords: docs.length, dataSize: docs.reduce((n, d) => n + bsonSize(d), 0) };
    else delete sizes[`table:${entry.ident}`];
    this.fs.writeFile(path, JSON.stringify(sizes) + '\n', { mode: 0o600 });
  }

  #writeCatalog(): void {
    this.fs.writeFile(this.file(CATALOG), JSON.stringify(this.#catalog) + '\n', { mode: 0o600 });
  }
}

/**
 * Bytes a WiredTiger table takes on disk after a checkpoint: an empty table is one 4 KiB block, a written one
 * about 20 KiB plus its data (so a database holding one small collection shows 40.00 KiB in `show dbs`, as on a real
 * server). A model of the real sizes, not the size of Dockyard's files.
 */
export function tableSizeOnDisk(dataSize: number, records: number): number {
  return records === 0 ? 4096 : 20480 + 4096 * Math.floor(dataSize / 4096);
}
