import { resolvePath } from '../../../fs/path.ts';
import type { Process } from '../../process.ts';
import type { ScriptContext } from '../tool.ts';
import { compareVersions } from '../registry/semver.ts';
import { npmVersion } from '../version.ts';

/**
 * One run of the npm CLI: where its output goes (npm's log lines `npm warn`/`npm error`/`npm notice` on stderr,
 * results on stdout), the debug log it writes under the cache's `_logs` folder, and how a run ends (the error
 * block, the update notice, the pointer to the log), in the order npm 10's exit handler prints them.
 */

/** The npm release July 2025 offers when the update notifier checks (npm 11.4.2, 2025-06-11). */
export const LATEST_NPM = '11.4.2';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** An npm failure: the lines printed after `npm error `, and the exit status. */
export class NpmError extends Error {
  constructor(
    readonly lines: readonly string[],
    readonly exitCode = 1,
    readonly code?: string,
  ) {
    super(lines[0] ?? 'npm error');
  }
}

export class NpmSession {
  readonly p: Process;
  readonly version: string;
  readonly nodeVersion: string;
  readonly started: number;
  /** npm's cache folder (`~/.npm`), home of `_logs`, `_cacache` and `_npx`. */
  readonly cacheRoot: string;
  readonly command: string;
  readonly #log: string[] = [];
  #logFile: string | undefined;

  constructor(ctx: ScriptContext, command: string) {
    this.p = ctx.p;
    this.version = ctx.packageVersion || npmVersion(ctx.p);
    this.nodeVersion = ctx.nodeVersion;
    this.started = ctx.p.clock.now();
    this.cacheRoot = resolvePath('/', `${ctx.p.env.HOME || '/root'}/.npm`);
    this.command = command;
    const args = ctx.args.map((a) => JSON.stringify(a)).join(' ');
    this.log('verbose', `cli /usr/local/bin/node ${ctx.script}`);
    this.log('info', `using npm@${this.version}`);
    this.log('info', `using node@v${this.nodeVersion}`);
    this.log('silly', 'config load:file:/usr/local/lib/node_modules/npm/npmrc');
    this.log('silly', `config load:file:${ctx.p.cwd}/.npmrc`);
    this.log('silly', `config load:file:${this.cacheRoot.replace(/\/\.npm$/, '')}/.npmrc`);
    this.log('silly', 'config load:file:/usr/local/etc/npmrc');
    this.log('verbose', `title npm ${ctx.args.join(' ')}`);
    this.log('verbose', `argv ${args}`);
    this.log('verbose', `logfile logs-max:10 dir:${this.logPath().replace(/debug-0\.log$/, '')}`);
    this.log('verbose', `logfile ${this.logPath()}`);
  }

  /** `/root/.npm/_logs/2025-07-14T09_00_01_000Z-debug-0.log`, named after the start time as npm names it. */
  logPath(): string {
    this.#logFile ??= `${this.cacheRoot}/_logs/${new Date(this.started).toISOString().replace(/[:.]/g, '_')}-debug-0.log`;
    return this.#logFile;
  }

  log(level: 'verbose' | 'info' | 'silly' | 'http' | 'warn' | 'error' | 'notice' | 'timing', text: string): void {
    for (const line of text.split('\n')) this.#log.push(`${this.#log.length} ${level} ${line}`);
  }

  async out(text: string): Promise<void> {
    await this.p.stdout.write(text);
  }

  async warn(text: string): Promise<void> {
    this.log('warn', text);
    await this.p.stderr.write(text.split('\n').map((l) => `npm warn ${l}\n`).join(''));
  }

  /** Seconds (or ms) since the run started, as npm's `ms()` formats the `in 3s` of its summary. */
  elapsed(): string {
    const ms = this.p.clock.now() - this.started;
    return ms >= 1000 ? `${Math.round(ms / 1000)}s` : `${ms}ms`;
  }

  /** Ends the run: the error (if any), the update notice, the log pointer; writes the debug log. */
  async finish(error?: NpmError, status = 0): Promise<number> {
    const exitCode = error ? error.exitCode : status;
    let text = '';
    if (error) {
      for (const line of error.lines) this.log('error', line);
      text += error.lines.map((l) => (l === '' ? 'npm error\n' : `npm error ${l}\n`)).join('');
    }
    const notice = this.updateNotice();
    if (notice) {
      this.log('notice', notice);
      text += notice.split('\n').map((l) => (l ? `npm notice ${l}\n` : 'npm notice\n')).join('');
    }
    this.log('verbose', `cwd ${this.p.cwd}`);
    this.log('verbose', `os Linux ${this.p.system.kernel?.release ?? '6.10.14-linuxkit'}`);
    this.log('verbose', `node v${this.nodeVersion}`);
    this.log('verbose', `npm  v${this.version}`);
    this.log('verbose', `exit ${exitCode}`);
    if (exitCode) this.log('verbose', `code ${exitCode}`);
    else this.log('info', 'ok');
    const logged = this.writeLog();
    if (error && logged) text += `npm error A complete log of this run can be found in: ${this.logPath()}\n`;
    if (text) await this.p.stderr.write(text);
    return exitCode;
  }

  /**
   * npm's update notifier: not in CI, at most once a week (the mtime of `~/.npm/_update-notifier-last-checked`),
   * and only when the registry's latest npm is newer. Docker builds run outside CI, so it shows there.
   */
  updateNotice(): string | undefined {
    if (this.p.env.CI || this.p.env.NO_UPDATE_NOTIFIER || this.p.env.npm_config_update_notifier === 'false') return undefined;
    const file = `${this.cacheRoot}/_update-notifier-last-checked`;
    try {
      if (this.p.fs.stat(file).mtime * 1000 > this.p.clock.now() - WEEK_MS) return undefined;
    } catch {
      // never checked
    }
    try {
      this.p.fs.mkdir(this.cacheRoot, { recursive: true });
      this.p.fs.writeFile(file, '');
    } catch {
      // best effort, as npm's own writeFile(...).catch(() => {})
    }
    if (compareVersions(this.version, LATEST_NPM) >= 0) return undefined;
    const [a, b] = [this.version.split('.').map(Number), LATEST_NPM.split('.').map(Number)];
    const type = a[0] !== b[0] ? 'major' : a[1] !== b[1] ? 'minor' : 'patch';
    return `\nNew ${type} version of npm available! ${this.version} -> ${LATEST_NPM}\nChangelog: https://github.com/npm/cli/releases/tag/v${LATEST_NPM}\nTo update run: npm install -g npm@${LATEST_NPM}\n`;
  }

  #writeLogOnce = false;
  private writeLog(): boolean {
    if (this.#writeLogOnce) return true;
    try {
      this.p.fs.mkdir(`${this.cacheRoot}/_logs`, { recursive: true });
      this.p.fs.writeFile(this.logPath(), this.#log.join('\n') + '\n');
      this.#writeLogOnce = true;
      return true;
    } catch {
      return false;
    }
  }

  /** Waits virtual time; an interrupt (Ctrl-C) rejects, and the process ends as the signal says. */
  async work(ms: number): Promise<void> {
    await this.p.clock.sleep(Math.max(0, Math.round(ms)), this.p.signal);
  }
}
