import { netOf } from '../../../network/socket.ts';
import { exitStatusForSignal, type Process, type Program } from '../../process.ts';
import { readLines } from '../../streams.ts';
import { ObjectIdFactory } from '../bson.ts';
import { MongoClient } from '../client/client.ts';
import { option, parseConnectionString, redactCredentials } from '../client/connection-string.ts';
import { MONGOSH_VERSION, NODE_DRIVER_VERSION } from '../version.ts';
import { parseMongoshArgs, type MongoshArgs } from './args.ts';
import { IncompleteInput, NO_JAVASCRIPT, ShellSyntaxError, type ShellEvaluator } from './evaluator.ts';
import { formatError } from './format-error.ts';
import { formatOutput, inspect } from './format.ts';
import { sandboxEvaluator } from './lazy-evaluator.ts';
import { IS_DATABASE, objectIdGlobal, ShellCollection, ShellCursor, ShellState } from './shell-api.ts';
import { generateUri } from './uri.ts';

/**
 * mongosh 2.x: connects as the shell does (its connection string, fast failure on refused or unknown hosts), greets
 * with its banner and the server's startup warnings, runs `--eval` scripts, or reads lines at a `test> ` prompt:
 * shell commands (`show dbs`, `show collections`, `use`, `it`, `exit`) itself, everything else as JavaScript through
 * the evaluator, printing results as mongosh does.
 */

const INFO_URL = 'https://www.mongodb.com/docs/mongodb-shell/';
const TELEMETRY_NOTICE = '\nTo help improve our products, anonymous usage data is collected and sent to MongoDB periodically (https://www.mongodb.com/legal/privacy-policy).\nYou can opt-out by running the disableTelemetry() command.\n\n';

/** `evaluator` is one for every session (a test's fake) or makes one per session (the sandbox: a context each). */
export function createMongosh(evaluator: ShellEvaluator | ((p: Process) => ShellEvaluator) = NO_JAVASCRIPT): Program {
  return (p: Process) => new Mongosh(p, typeof evaluator === 'function' ? evaluator(p) : evaluator).run();
}

/** mongosh as installed: JavaScript runs in the sandbox, loaded on first use. */
export const mongosh: Program = createMongosh(sandboxEvaluator);

export { formatError };

class ExitRequest {
  constructor(readonly code: number) {}
}

class Mongosh {
  #state: ShellState | undefined;
  #dbObject: unknown;

  constructor(
    private readonly p: Process,
    private readonly evaluator: ShellEvaluator,
  ) {}

  async #out(text: string): Promise<void> {
    await this.p.stdout.write(text);
  }

  async run(): Promise<number> {
    const p = this.p;
    const parsed = parseMongoshArgs(p.argv.slice(1));
    if (!parsed.ok) {
      await p.stderr.write(`${parsed.error}\n`);
      return 1;
    }
    const args = parsed.args;
    if (args.version) {
      await this.#out(`${MONGOSH_VERSION}\n`);
      return 0;
    }
    if (args.help) {
      await this.#out(`\n  $ mongosh [options] [db address] [file names (ending in .js)]\n\n  Options:\n\n    -h, --help                                 Show this usage information\n    -f, --file [arg]                           Load the specified mongosh script\n        --host [arg]                           Server to connect to\n        --port [arg]                           Port to connect to\n        --version                              Show version information\n        --quiet                                Silence output from the shell during the connection process\n        --shell                                Run the shell after executing files\n        --nodb                                 Don't connect to mongod on startup - no 'db address' [arg] expected\n        --eval [arg]                           Evaluate javascript\n`);
      return 0;
    }
    const interactive = (args.eval.length === 0 && args.files.length === 0) || args.shell;
    const quiet = args.quiet ?? !interactive;
    const ids = new ObjectIdFactory(() => p.clock.now(), `mongosh:${p.system.hostname}:${p.clock.now()}`);
    const logId = ids.next().toHexString();
    if (!quiet) await this.#out(`Current Mongosh Log ID:\t${logId}\n`);
    const firstRun = this.#prepareHome(logId);
    try {
      if (!args.nodb) await this.#connect(args, quiet);
      if (!quiet && !args.nodb) await this.#greet(interactive && firstRun);
      const globals = this.#globals();
      if (!interactive || args.eval.length > 0) {
        let last: unknown;
        for (const script of args.eval) {
          // `--eval 'show dbs'` works as at the prompt: the shell's own commands come before JavaScript.
          if (await this.#shellCommand(script.trim())) last = undefined;
          else last = await this.evaluator.evaluate(script, globals);
        }
        if (last !== undefined) await this.#display(last);
        if (!interactive) return 0;
      }
      return await this.#repl(globals);
    } catch (e) {
      if (e instanceof ExitRequest) return e.code;
      if (p.signal.aborted) return exitStatusForSignal(p.signal.reason);
      await p.stderr.write(`${formatError(e)}\n`);
      return 1;
    } finally {
      this.evaluator.close?.();
      await this.#state?.client.close();
    }
  }

  /** ~/.mongodb/mongosh holds the config and one log file per session; reports whether the config is new. */
  #prepareHome(logId: string): boolean {
    const home = this.p.env.HOME;
    if (!home) return false;
    const dir = `${home}/.mongodb/mongosh`;
    try {
      this.p.fs.mkdir(dir, { recursive: true, mode: 0o700 });
      this.p.fs.writeFile(`${dir}/${logId}_log`, '', { mode: 0o600 });
      if (this.p.fs.exists(`${dir}/config`)) return false;
      this.p.fs.writeFile(`${dir}/config`, JSON.stringify({ userId: logId, telemetryAnonymousId: logId, enableTelemetry: true, disableGreetingMessage: true }) + '\n', { mode: 0o600 });
      return true;
    } catch {
      // An unwritable home: mongosh carries on without its files.
      return false;
    }
  }

  async #connect(args: MongoshArgs, quiet: boolean): Promise<void> {
    // A bad address throws MongoshInvalidInputError, printed as mongosh prints it.
    let uri = generateUri(args);
    const cs = parseConnectionString(uri);
    if (option(cs, 'appName') === undefined) uri += `${uri.includes('?') ? '&' : '?'}appName=mongosh+${MONGOSH_VERSION}`;
    if (!quiet) await this.#out(`Connecting to:\t\t${redactCredentials(uri)}\n`);
    const client = new MongoClient(uri, { failFast: true }, { net: netOf(this.p), clock: this.p.clock, seed: `mongosh-client:${this.p.system.hostname}:${this.p.clock.now()}`, signal: this.p.signal, driver: { name: 'nodejs|mongosh', version: `${NODE_DRIVER_VERSION}|${MONGOSH_VERSION}` } });
    await client.connect();
    this.#state = new ShellState(client);
  }

  async #greet(telemetryNotice: boolean): Promise<void> {
    const client = this.#state!.client;
    const build = await client.command('admin', { buildInfo: 1 });
    await this.#out(`Using MongoDB:\t\t${String(build.version)}\nUsing Mongosh:\t\t${MONGOSH_VERSION}\n\nFor mongosh info see: ${INFO_URL}\n\n`);
    if (telemetryNotice) await this.#out(TELEMETRY_NOTICE);
    let lines: string[] = [];
    try {
      const log = await client.command('admin', { getLog: 'startupWarnings' });
      lines = (log.log as string[]).map((l) => {
        const entry = JSON.parse(l) as { t: { $date: string }; msg: string };
        return `   ${entry.t.$date}: ${entry.msg}\n`;
      });
    } catch {
      // Not allowed to read the log (auth): mongosh skips the warnings.
    }
    if (lines.length) await this.#out(`------\n   The server generated these startup warnings when booting\n${lines.join('')}------\n\n`);
  }

  #globals(): Record<string, unknown> {
    const state = this.#state;
    const write = (text: string) => this.#out(text);
    const print = (...values: unknown[]) => write(values.map((v) => (typeof v === 'string' ? v : formatOutput(v))).join(' ') + '\n');
    this.#dbObject = state?.db();
    const exit = (code = 0) => {
      throw new ExitRequest(code);
    };
    return {
      ...(state ? { db: this.#dbObject, ObjectId: objectIdGlobal(state.client) } : {}),
      ISODate: (s?: string) => (s === undefined ? new Date(this.p.clock.now()) : new Date(s)),
      print,
      printjson: (v: unknown) => write(inspect(v) + '\n'),
      sleep: (ms: unknown) => this.p.clock.sleep(Number(ms) || 0, this.p.signal),
      exit,
      quit: exit,
    };
  }

  /** Prints a result as the REPL does: a cursor shows its next batch, a string as it is, `undefined` nothing. */
  async #display(value: unknown): Promise<void> {
    if (value === undefined) return;
    if (value === this.#dbObject && this.#state) return this.#out(`${this.#state.dbName}\n`);
    if ((value as Record<symbol, unknown> | null)?.[IS_DATABASE] === true) return this.#out(`${String(value)}\n`);
    if (value instanceof ShellCollection) return this.#out(`${value.getFullName()}\n`);
    if (value instanceof ShellCursor) {
      this.#state!.lastCursor = value;
      const { docs, more } = await value.batch();
      return this.#out(docs.length === 0 ? '\n' : `${inspect(docs)}\n${more ? 'Type "it" for more\n' : ''}`);
    }
    await this.#out(`${formatOutput(value)}\n`);
  }

  async #repl(globals: Record<string, unknown>): Promise<number> {
    const p = this.p;
    const lines = readLines(p.stdin);
    const aborted = new Promise<null>((resolve) => {
      if (p.signal.aborted) resolve(null);
      p.signal.addEventListener('abort', () => resolve(null), { once: true });
    });
    let pending = '';
    for (;;) {
      await this.#out(pending ? '... ' : `${this.#state?.dbName ?? 'test'}> `);
      const next = await Promise.race([lines.next(), aborted]);
      if (next === null) return exitStatusForSignal(p.signal.reason);
      if (next.done) return 0;
      const input = pending ? `${pending}\n${next.value}` : next.value;
      pending = '';
      try {
        const handled = await this.#shellCommand(input.trim());
        if (handled) continue;
        const value = await this.evaluator.evaluate(input, globals);
        await this.#display(value);
      } catch (e) {
        if (e instanceof ExitRequest) return e.code;
        if (e instanceof IncompleteInput) {
          pending = input;
          continue;
        }
        if (p.signal.aborted) return exitStatusForSignal(p.signal.reason);
        // Node's REPL prints what it cannot evaluate as `Uncaught:` and the error (the code frame: several lines).
        await this.#out(e instanceof ShellSyntaxError ? `Uncaught:\n${formatError(e)}\n` : `${formatError(e)}\n`);
      }
    }
  }

  /** mongosh's own commands, which are not JavaScript. Returns false for anything else. */
  async #shellCommand(line: string): Promise<boolean> {
    if (line === '') return true;
    const exit = /^(?:exit|quit)(?:\s*\(\s*(\d*)\s*\))?\s*;?$/.exec(line);
    if (exit) throw new ExitRequest(exit[1] ? Number(exit[1]) : 0);
    const words = line.replace(/;\s*$/, '').split(/\s+/);
    const state = this.#state;
    if (words[0] === 'use' && words.length === 2) {
      if (!state) throw new Error('MongoshInvalidInputError: [SHAPI-10004] No connected database');
      await this.#out(`${state.use(words[1]!)}\n`);
      return true;
    }
    if (words[0] === 'show' && words.length === 2) {
      if (!state) throw new Error('MongoshInvalidInputError: [SHAPI-10004] No connected database');
      await this.#out(`${await state.show(words[1]!)}\n`);
      return true;
    }
    if (line === 'it') {
      if (!state?.lastCursor) await this.#out('no cursor\n');
      else await this.#display(state.lastCursor);
      return true;
    }
    return false;
  }
}
