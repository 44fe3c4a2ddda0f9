/**
 * One running redis-server: its keyspace, its configuration and its persistence. Commands reach it through
 * `run`; what survives a restart is only what it wrote to files: the RDB snapshot (`save` rules, SAVE, BGSAVE,
 * shutdown) and, with `appendonly yes`, the append-only file.
 */
import { resolvePath } from '../../fs/path.ts';
import { FsError, type Fs } from '../../fs/types.ts';
import type { VirtualClock } from '../../core/clock.ts';
import { AppendOnlyFile } from './aof.ts';
import { execute, type Executed } from './commands.ts';
import type { RedisConfig } from './config.ts';
import { serverInfo } from './info.ts';
import type { ClientState, ServerApi } from './kit.ts';
import type { Logger } from './log.ts';
import { decodeRdb, encodeRdb, RdbError, type LoadResult } from './rdb.ts';
import { error, OK, status, type Reply } from './resp.ts';
import { Keyspace } from './store.ts';
import type { RedisBuild } from './version.ts';

/** What a freshly started Redis 7 uses (used_memory ≈ 0.90 MB) before any data. */
const BASE_MEMORY = 945_000;

export interface InstanceInit {
  readonly fs: Fs;
  readonly clock: VirtualClock;
  readonly config: RedisConfig;
  readonly build: RedisBuild;
  readonly log: Logger;
  /** Absolute: the `dir` Redis changed to, where dbfilename and appenddirname live. */
  readonly dir: string;
  readonly hostKernel?: string;
}

export class RedisInstance implements ServerApi {
  readonly keyspace: Keyspace;
  readonly config: RedisConfig;
  readonly version: string;
  readonly log: Logger;
  dirty = 0;
  readonly startedAt: number;
  readonly stats = { connections: 0, commands: 0, expiredKeys: 0 };
  readonly clients = new Set<ClientState>();
  #lastSave: number;
  #lastBgsaveOk = true;
  /** A saving child's pid: the server's threads take the first few, so the first fork lands about here. */
  #nextChildPid = 19;
  #nextClientId = 3;
  #loading = false;
  #aof: AppendOnlyFile | undefined;
  #saveTimer: (() => void) | undefined;
  #stopping = false;
  /** Called once the server has shut down (SHUTDOWN or a signal) and should exit with this status. */
  onStop: ((status: number) => void) | undefined;

  constructor(readonly init: InstanceInit) {
    this.config = init.config;
    this.version = init.build.version;
    this.log = init.log;
    this.keyspace = new Keyspace(() => init.clock.now(), init.config.databases);
    this.keyspace.onExpired = (db, key) => {
      this.stats.expiredKeys++;
      // Redis records a lazily expired key's removal as a DEL, so a replayed AOF agrees.
      if (!this.#loading) this.#aof?.append(db, ['DEL', key]);
    };
    this.startedAt = init.clock.now();
    this.#lastSave = Math.floor(this.startedAt / 1000);
  }

  now(): number {
    return this.init.clock.now();
  }

  get rdbPath(): string {
    return resolvePath(this.init.dir, this.config.get('dbfilename')!);
  }

  get aofDir(): string {
    return resolvePath(this.init.dir, this.config.get('appenddirname')!);
  }

  newClient(): ClientState {
    const c: ClientState = { db: 0, authenticated: false, name: '', id: this.#nextClientId++ };
    this.clients.add(c);
    this.stats.connections++;
    return c;
  }

  /** Runs a client's command: the reply, plus its effects on the AOF and the save rules. */
  run(client: ClientState, args: readonly string[]): Executed {
    const done = execute(this, client, args);
    this.stats.commands++;
    if (!this.#loading) for (const c of done.propagate) this.#aof?.append(client.db, c);
    if (done.propagate.length > 0) this.#scheduleSaveCheck();
    return done;
  }

  // --- startup ---------------------------------------------------------------------------------------------

  /** Loads the data files as Redis does at start (the AOF when enabled, else the RDB). False: a fatal error. */
  async loadData(): Promise<boolean> {
    try {
      if (this.config.appendOnly) return await this.#loadAof();
      if (!this.init.fs.exists(this.rdbPath)) return true;
      await this.#loadRdbFile(this.rdbPath, false);
      await this.log.notice('DB loaded from disk: 0.000 seconds');
      return true;
    } catch (e) {
      if (!(e instanceof RdbError || e instanceof FsError)) throw e;
      await this.log.warning(e instanceof RdbError ? e.message : `Fatal error loading the DB: ${e.text}. Exiting.`);
      // Wording of 7.x's loadDataFromDisk when rdbLoad fails on a damaged file.
      if (e instanceof RdbError) await this.log.warning('Fatal error loading the DB, check server logs. Exiting.');
      return false;
    }
  }

  async #loadRdbFile(path: string, aofBase: boolean): Promise<LoadResult> {
    if (aofBase) await this.log.notice('Reading RDB base file on AOF loading...');
    const bytes = this.init.fs.readFile(path);
    const result = decodeRdb(bytes, this.keyspace, this.now());
    if (result.version !== undefined) await this.log.notice(`Loading RDB produced by version ${result.version}`);
    if (result.ctime !== undefined) await this.log.notice(`RDB age ${Math.max(0, Math.floor(this.now() / 1000) - result.ctime)} seconds`);
    if (result.usedMem !== undefined) await this.log.notice(`RDB memory usage when created ${(result.usedMem / 1024 / 1024).toFixed(2)} Mb`);
    if (aofBase) await this.log.notice('RDB is base AOF');
    await this.log.notice(`Done loading RDB, keys loaded: ${result.keysLoaded}, keys expired: ${result.keysExpired}.`);
    return result;
  }

  async #loadAof(): Promise<boolean> {
    const aof = new AppendOnlyFile(this.init.fs, this.aofDir, this.config.get('appendfilename'));
    this.#aof = aof;
    const manifest = aof.readManifest();
    if (!manifest) return true;
    this.#loading = true;
    try {
      if (manifest.base) {
        await this.#loadRdbFile(aof.path(manifest.base), true);
        await this.log.notice(`DB loaded from base file ${manifest.base}: 0.000 seconds`);
      }
      const loader: ClientState = { db: 0, authenticated: true, name: '', id: 0 };
      for (const incr of manifest.incrs) {
        const commands = aof.commands(incr);
        for (const c of commands) execute(this, loader, c);
        // An empty incremental file is skipped without a word.
        if (commands.length > 0) await this.log.notice(`DB loaded from incr file ${incr}: 0.000 seconds`);
      }
      await this.log.notice('DB loaded from append only file: 0.000 seconds');
    } finally {
      this.#loading = false;
    }
    return true;
  }

  /** aofOpenIfNeededOnServerStart: with appendonly on, a missing AOF is created from the data in memory. */
  async openAof(): Promise<void> {
    const aof = this.#aof;
    if (!aof) return;
    const existing = aof.incrName;
    if (existing) {
      await this.log.notice(`Opening AOF incr file ${existing} on server start`);
      return;
    }
    const names = aof.create(this.#snapshot(true));
    await this.log.notice(`Creating AOF base file ${names.base} on server start`);
    await this.log.notice(`Creating AOF incr file ${names.incr} on server start`);
  }

  // --- persistence -----------------------------------------------------------------------------------------

  usedMemory(): number {
    let n = BASE_MEMORY;
    for (const db of this.keyspace.dbs) for (const [k, v] of db.data) n += 56 + k.length + JSON.stringify(v.type === 'string' ? v.value : v.type === 'list' ? v.items : v.type === 'set' ? [...v.members] : [...v.fields]).length;
    return n;
  }

  #snapshot(aofBase: boolean): Uint8Array {
    return encodeRdb(this.keyspace, { version: this.version, ctime: Math.floor(this.now() / 1000), usedMem: this.usedMemory(), aofBase }, this.now());
  }

  /** Writes dump.rdb through a temp file and a rename, as rdbSave does; returns the failure text if it failed. */
  #writeRdb(pid: number): string | undefined {
    const temp = resolvePath(this.init.dir, `temp-${pid}.rdb`);
    try {
      this.init.fs.writeFile(temp, this.#snapshot(false), { mode: 0o644 });
      this.init.fs.rename(temp, this.rdbPath);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      return `Failed opening the temp RDB file temp-${pid}.rdb (in server root dir ${this.init.dir}) for saving: ${e.text}`;
    }
    this.dirty = 0;
    this.#lastSave = Math.floor(this.now() / 1000);
    this.#scheduleSaveCheck();
    return undefined;
  }

  save(): Reply {
    const failed = this.#writeRdb(1);
    if (failed) {
      void this.log.warning(failed);
      return error('ERR');
    }
    void this.log.notice('DB saved on disk');
    return OK;
  }

  bgsave(): Reply {
    const pid = this.#nextChildPid++;
    void this.log.notice(`Background saving started by pid ${pid}`);
    const failed = this.#writeRdb(pid);
    if (failed) {
      void this.log.warning(failed, pid, 'C');
      void this.log.warning('Background saving error');
      this.#lastBgsaveOk = false;
    } else {
      void this.log.notice('DB saved on disk', pid, 'C');
      void this.log.notice('Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB', pid, 'C');
      void this.log.notice('Background saving terminated with success');
      this.#lastBgsaveOk = true;
    }
    return status('Background saving started');
  }

  lastSave(): number {
    return this.#lastSave;
  }

  get lastBgsaveOk(): boolean {
    return this.#lastBgsaveOk;
  }

  get aofEnabled(): boolean {
    return this.#aof !== undefined;
  }

  /**
   * serverCron's check, done when it can first succeed instead of ten times a second: a rule "N seconds and M
   * changes" fires once more than N seconds have passed since the last save with at least M changes.
   */
  #scheduleSaveCheck(): void {
    this.#saveTimer?.();
    this.#saveTimer = undefined;
    if (this.#stopping || this.dirty === 0) return;
    const due = this.config.saveRules.filter(([, changes]) => this.dirty >= changes).map(([seconds, changes]) => ({ at: (this.#lastSave + seconds + 1) * 1000, seconds, changes }));
    if (due.length === 0) return;
    const first = due.reduce((a, b) => (b.at < a.at ? b : a));
    this.#saveTimer = this.init.clock.at(first.at, () => {
      this.#saveTimer = undefined;
      void this.log.notice(`${first.changes} changes in ${first.seconds} seconds. Saving...`);
      this.bgsave();
    });
  }

  // --- shutdown --------------------------------------------------------------------------------------------

  /** prepareForShutdown: flush the AOF, save if configured, and stop. Returns an error reply if it must not stop. */
  shutdown(mode: 'default' | 'save' | 'nosave'): Reply | undefined {
    if (this.#stopping) return undefined;
    void this.log.notice('User requested shutdown...');
    if (this.#aof) void this.log.notice('Calling fsync() on the AOF file.');
    if (mode === 'save' || (mode === 'default' && this.config.saveRules.length > 0)) {
      void this.log.notice('Saving the final RDB snapshot before exiting.');
      const failed = this.#writeRdb(1);
      if (failed) {
        void this.log.warning(failed);
        void this.log.warning("Error trying to save the DB, can't exit.");
        return error('ERR Errors trying to SHUTDOWN. Check logs.');
      }
      void this.log.notice('DB saved on disk');
    }
    if (this.config.get('pidfile')) void this.log.notice('Removing the pid file.');
    void this.log.warning('Redis is now ready to exit, bye bye...');
    this.#stopping = true;
    this.#saveTimer?.();
    this.onStop?.(0);
    return undefined;
  }

  get stopping(): boolean {
    return this.#stopping;
  }

  info(section: string | undefined, client: ClientState): string {
    return serverInfo(this, section, client);
  }
}
