import type { Process } from '../../process.ts';
import { strftime } from '../../coreutils/time.ts';
import { readTextOr, writeWithParents } from '../shared/fs-helpers.ts';

/** One apt run: its options, its output streams and its virtual time. */
export interface AptOptions {
  readonly flavor: 'apt-get' | 'apt';
  readonly yes: boolean;
  /** 0 on a terminal, 1 otherwise (apt's default off a terminal), 2 with -qq. */
  readonly quiet: number;
  /** undefined: as configured (APT::Install-Recommends). */
  readonly recommends: boolean | undefined;
  readonly purge: boolean;
  readonly autoRemove: boolean;
  /** The command line as history.log records it. */
  readonly commandLine: string;
}

export class AptSession {
  constructor(
    readonly p: Process,
    readonly o: AptOptions,
  ) {}

  get fs() {
    return this.p.fs;
  }

  async out(text: string): Promise<void> {
    if (text) await this.p.stdout.write(text);
  }

  async err(text: string): Promise<void> {
    if (text) await this.p.stderr.write(text);
  }

  /** Output apt shows unless -qq. */
  async info(text: string): Promise<void> {
    if (this.o.quiet < 2) await this.out(text);
  }

  async wait(ms: number): Promise<void> {
    await this.p.clock.sleep(Math.max(0, Math.round(ms)), this.p.signal);
  }

  /** "Reading package lists..." and friends; on a terminal (not quiet) each gets " Done". */
  async readingState(lists = true, tree = true): Promise<void> {
    const done = this.o.quiet === 0 ? ' Done' : '';
    if (lists) await this.info(`Reading package lists...${done}\n`);
    if (tree) await this.info(`Building dependency tree...${done}\nReading state information...${done}\n`);
  }

  /** `2025-07-14  09:00:03`, the way history.log stamps entries. */
  stamp(format = '%Y-%m-%d  %H:%M:%S'): string {
    return strftime(format, this.p.clock.now());
  }

  appendLog(path: string, text: string): void {
    writeWithParents(this.fs, path, readTextOr(this.fs, path, '') + text);
  }
}
