/**
 * The multi-part append-only file of Redis 7+ (aof.c): in `appendonlydir/`, a base snapshot
 * (`appendonly.aof.1.base.rdb`, RDB format), an incremental log of write commands in RESP
 * (`appendonly.aof.1.incr.aof`), and a manifest naming them. Replaying base then increments rebuilds the data.
 */
import { resolvePath } from '../../fs/path.ts';
import type { Fs } from '../../fs/types.ts';
import { encodeCommand, RespReader } from './resp.ts';

export interface Manifest {
  readonly base?: string;
  readonly incrs: readonly string[];
}

export class AppendOnlyFile {
  /** The database the incremental file last selected: a SELECT is written whenever a command is for another. */
  #selected = -1;

  constructor(
    readonly fs: Fs,
    /** Absolute path of appendonlydir. */
    readonly dir: string,
    /** `appendfilename`, the prefix of every file name. */
    readonly name = 'appendonly.aof',
  ) {}

  get manifestName(): string {
    return `${this.name}.manifest`;
  }

  path(file: string): string {
    return resolvePath(this.dir, file);
  }

  readManifest(): Manifest | undefined {
    const path = this.path(this.manifestName);
    if (!this.fs.exists(path)) return undefined;
    let base: string | undefined;
    const incrs: string[] = [];
    for (const line of this.fs.readText(path).split('\n')) {
      const m = /^file (\S+) seq \d+ type ([bhi])$/.exec(line.trim());
      if (m?.[2] === 'b') base = m[1];
      else if (m?.[2] === 'i') incrs.push(m[1]!);
    }
    return { ...(base !== undefined ? { base } : {}), incrs };
  }

  /** Starts a fresh AOF: the base snapshot, an empty incremental file, and the manifest naming them. */
  create(base: Uint8Array): { base: string; incr: string } {
    const names = { base: `${this.name}.1.base.rdb`, incr: `${this.name}.1.incr.aof` };
    if (!this.fs.exists(this.dir)) this.fs.mkdir(this.dir, { recursive: true, mode: 0o755 });
    this.fs.writeFile(this.path(names.base), base, { mode: 0o644 });
    this.fs.writeFile(this.path(names.incr), '', { mode: 0o644 });
    this.fs.writeFile(this.path(this.manifestName), `file ${names.base} seq 1 type b\nfile ${names.incr} seq 1 type i\n`, { mode: 0o644 });
    return names;
  }

  /** The incremental file commands are appended to (the manifest's last). */
  get incrName(): string | undefined {
    return this.readManifest()?.incrs.at(-1);
  }

  append(db: number, args: readonly string[]): void {
    const incr = this.incrName;
    if (!incr) return;
    let text = '';
    if (db !== this.#selected) {
      text += encodeCommand(['SELECT', String(db)]);
      this.#selected = db;
    }
    this.fs.writeFile(this.path(incr), text + encodeCommand(args), { append: true });
  }

  /** The commands an incremental file holds. */
  commands(file: string): string[][] {
    const reader = new RespReader();
    reader.push(this.fs.readFile(this.path(file)));
    const out: string[][] = [];
    for (let c = reader.nextRequest(); c; c = reader.nextRequest()) if (c.length > 0) out.push(c);
    return out;
  }
}
