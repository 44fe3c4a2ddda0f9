import { exitStatusForSignal, type Process } from '../../process.ts';
import { GuestError, Sandbox, type GuestFunction } from '../../js/index.ts';
import { nodeVersion } from '../version.ts';
import { nodeFrames } from './frames.ts';
import { NODE_GUEST } from './guest/index.ts';
import { createHost, type HostState } from './host.ts';
import { resolveModule } from './resolve.ts';
import { signalHandlersOf } from './signals.ts';

/**
 * Runs application JavaScript as node does, in a sandbox: the main module (CommonJS or ES module) or `-e`/`-p`
 * code, then the event loop until nothing is pending (timers, servers, sockets, host promises), process.exit,
 * a fatal error, or a signal. Uncaught errors print as node prints them and end with exit status 1.
 */

export type NodeMain =
  | { readonly kind: 'file'; readonly path: string; readonly args: readonly string[]; readonly execArgv?: readonly string[] }
  | { readonly kind: 'eval'; readonly code: string; readonly print: boolean; readonly args: readonly string[] };

interface GuestApi {
  runMain: GuestFunction;
  evalString: GuestFunction;
  esmShim: GuestFunction;
  uncaught: GuestFunction;
  unhandledRejection: GuestFunction;
  beforeExit: GuestFunction;
  exit: GuestFunction;
  signal: GuestFunction;
  exitCode: GuestFunction;
}

export async function runNode(p: Process, main: NodeMain): Promise<number> {
  const version = nodeVersion(p);
  const kill = new AbortController();
  const state: HostState = { cwd: p.cwd, output: Promise.resolve(), listeners: new Map(), sockets: new Map(), signals: new Set(), startedAt: p.clock.now() };
  const registry = signalHandlersOf(p);
  let fatal: string | undefined;
  let api: GuestApi | undefined;
  const crash = (text: string) => {
    fatal ??= text;
    state.exitCode ??= 1;
    sandbox.stop();
  };
  const onUncaught = (e: GuestError) => {
    if (e.interrupted || !api || sandbox.stopped) return;
    let text: unknown;
    try {
      text = api.uncaught(e.value);
    } catch (inner) {
      text = inner instanceof GuestError ? `Uncaught ${String(inner.value)}\n` : String(inner);
    }
    if (typeof text === 'string' && text !== '') crash(text);
  };
  const sandbox = await Sandbox.create({
    clock: p.clock,
    signal: kill.signal,
    seed: 20250714,
    onUncaught,
    modules: {
      normalize: (base, request) => {
        const r = resolveModule(p.fs, request, base.startsWith('/') ? base : undefined, state.cwd, 'import');
        if (!r) {
          const bare = !/^(\.|\/|file:)/.test(request);
          const message = bare ? `Cannot find package '${request}' imported from ${base}` : `Cannot find module '${resolveAgainst(base, request)}' imported from ${base}`;
          throw Object.assign(new Error(message), { code: 'ERR_MODULE_NOT_FOUND' });
        }
        return 'builtin' in r ? `node:${r.builtin}` : r.format === 'module' ? r.path : `${r.format}:${r.path}`;
      },
      load: (name) => {
        if (name.startsWith('node:')) return String(api!.esmShim('builtin', name.slice(5)));
        const cjs = /^(commonjs|json):(.*)$/.exec(name);
        if (cjs) return String(api!.esmShim(cjs[1], cjs[2]));
        return withImportMeta(p.fs.readText(name), name);
      },
    },
  });
  const host = createHost({
    p,
    sandbox,
    state,
    version,
    frames: nodeFrames(version),
    argv: main.kind === 'file' ? ['/usr/local/bin/node', main.path, ...main.args] : ['/usr/local/bin/node', ...main.args],
    execArgv: main.kind === 'file' ? (main.execArgv ?? []) : [],
    onSignalsChanged: () => {
      if (!registry) return;
      for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2']) {
        if (state.signals.has(s)) registry.add(s);
        else registry.delete(s);
      }
    },
  });
  // Signals: one the app handles is delivered to it (the process goes on); any other ends the process.
  let killedBy: string | undefined;
  const onSignal = () => {
    const name = String(p.signal.reason ?? 'SIGINT');
    if (state.signals.has(name) && api && !sandbox.stopped) {
      sandbox.dispatch(api.signal, name);
      return;
    }
    killedBy = name;
    kill.abort(name);
    sandbox.stop();
  };
  p.signal.addEventListener('abort', onSignal, { once: true });
  try {
    try {
      const boot = sandbox.evalScript(NODE_GUEST, 'node:internal/dockyard/bootstrap') as GuestFunction;
      api = boot(host) as GuestApi;
      if (p.signal.aborted) onSignal();
      if (main.kind === 'eval') api.evalString(main.code, main.print);
      else {
        const format = resolveModule(p.fs, main.path, undefined, state.cwd, 'require');
        const isModule = format && 'format' in format && format.format === 'module';
        if (isModule) await sandbox.evalModule(withImportMeta(p.fs.readText(main.path), main.path), main.path);
        else api.runMain(main.path, format && 'format' in format ? format.format : 'commonjs');
      }
    } catch (e) {
      if (!(e instanceof GuestError)) throw e;
      if (!e.interrupted) {
        if (isModuleNotFound(e.value)) crash(esmNotFound(e.value as Error, main.kind === 'file' ? main.path : ''));
        else onUncaught(e);
      } else if (e.interrupted === 'hang') {
        // The real program would still be spinning: it does nothing more until a signal ends it.
        await hangUntilSignal(p.signal);
        killedBy ??= String(p.signal.reason ?? 'SIGKILL');
      }
    }
    for (;;) {
      await sandbox.idle();
      if (sandbox.stopped || !api) break;
      // beforeExit may schedule more work, as in node.
      sandbox.dispatch(api.beforeExit, api.exitCode());
      if (!sandbox.busy) break;
    }
    if (sandbox.interrupted === 'hang' && killedBy === undefined && state.exitCode === undefined) {
      await hangUntilSignal(p.signal);
      killedBy = String(p.signal.reason ?? 'SIGKILL');
    }
    let code: number;
    if (killedBy !== undefined) code = exitStatusForSignal(killedBy);
    else if (fatal !== undefined) {
      await state.output;
      await p.stderr.write(`${fatal}\nNode.js v${version}\n`);
      code = state.exitCode ?? 1;
    } else {
      let exit = state.exitCode;
      if (exit === undefined && api) {
        try {
          exit = Number(sandbox.dispatch(api.exit, Number(api.exitCode()))) & 0xff;
        } catch {
          exit = 0;
        }
      }
      code = exit ?? 0;
    }
    await state.output;
    return code;
  } finally {
    p.signal.removeEventListener('abort', onSignal);
    for (const l of state.listeners.values()) l.close();
    for (const s of state.sockets.values()) s.close();
    if (registry) for (const s of state.signals) registry.delete(s);
    sandbox.dispose();
  }
}

function hangUntilSignal(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function isModuleNotFound(v: unknown): boolean {
  return v instanceof Error && /^Cannot find (module|package) '.*' imported from /.test(v.message);
}

/** What node prints for a failed ES module import. */
function esmNotFound(e: Error, main: string): string {
  const pkg = /^Cannot find package '([^']*)' imported from (.*)$/.exec(e.message);
  const mod = /^Cannot find module '([^']*)' imported from (.*)$/.exec(e.message);
  const url = (p: string) => `file://${p}`;
  const props = pkg ? `code: 'ERR_MODULE_NOT_FOUND'` : `code: 'ERR_MODULE_NOT_FOUND',\n  url: '${url(mod![1]!)}'`;
  void main;
  return `node:internal/modules/esm/resolve:873\n  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);\n        ^\n\nError [ERR_MODULE_NOT_FOUND]: ${e.message}\n    at packageResolve (node:internal/modules/esm/resolve:873:9)\n    at moduleResolve (node:internal/modules/esm/resolve:946:18)\n    at defaultResolve (node:internal/modules/esm/resolve:1188:11)\n    at ModuleLoader.defaultResolve (node:internal/modules/esm/loader:642:12)\n    at #cachedDefaultResolve (node:internal/modules/esm/loader:591:25)\n    at ModuleLoader.resolve (node:internal/modules/esm/loader:574:38)\n    at ModuleLoader.getModuleJobForImport (node:internal/modules/esm/loader:236:38)\n    at ModuleJob._link (node:internal/modules/esm/module_job:130:49) {\n  ${props}\n}\n`;
}

function resolveAgainst(base: string, request: string): string {
  const dir = base.slice(0, base.lastIndexOf('/')) || '/';
  const parts = `${request.startsWith('/') ? '' : dir}/${request}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** QuickJS gives modules no import.meta.url; node's is the file URL (plus dirname/filename since 20.11). */
function withImportMeta(source: string, path: string): string {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  return source
    .replace(/^#!.*/, '')
    .replace(/\bimport\.meta\.url\b/g, JSON.stringify(`file://${path}`))
    .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(dir))
    .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(path));
}
