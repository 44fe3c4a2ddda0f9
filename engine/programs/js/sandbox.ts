import type { QuickJSContext, QuickJSDeferredPromise, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';
import type { VirtualClock } from '../../core/clock.ts';
import { PRELUDE } from './prelude.ts';
import { loadQuickJSOn, noteRuntime } from './quickjs.ts';

/**
 * A JavaScript sandbox: QuickJS (WebAssembly) with nothing of the page in reach. The guest sees only what the host
 * binds in with `setGlobal`; values cross as copies (JSON-like data, Uint8Array, Date, Error), functions cross both
 * ways (a host function called by the guest, a guest function the host calls back later), promises cross both ways
 * (a host promise becomes a guest promise). After every entry into the guest, its job queue is run, as an event
 * loop runs microtasks after each callback. Timers run on the virtual clock.
 *
 * The sandbox keeps Node's idea of a lifetime: it is busy while a referenced timer, a host promise or a `hold()`
 * (a listening server, an open socket) is pending; `idle()` resolves when nothing is.
 *
 * Guest code runs synchronously on the page's only thread, so a runaway loop cannot be reached by a signal sent
 * from outside while it spins. The interrupt handler therefore stops it when the process's signal is already
 * aborted, or when one turn has used its CPU budget: the program then counts as hung (`interrupted: 'hang'`), and
 * the caller waits for a signal as the real process would keep spinning until one came.
 */

export type HostFunction = (...args: unknown[]) => unknown;

/** A guest function the host holds: calling it runs guest code (then its jobs). Release it when done. */
export interface GuestFunction {
  (...args: unknown[]): unknown;
  /** Calls with an explicit `this`. */
  invoke(thisArg: unknown, args: readonly unknown[]): unknown;
  release(): void;
  readonly [GUEST]: QuickJSHandle;
}

/** What a guest Error becomes on the host: an Error with the guest's name, message, own properties and stack. */
export interface GuestErrorValue extends Error {
  /** The guest's stack frames (`    at f (/app/x.js:1:34)` lines), without the `Name: message` line. */
  readonly guestStack: string;
  readonly [key: string]: unknown;
}

const GUEST = Symbol('guest handle');
/** JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_ASYNC (1 << 7, quickjs.h): not among quickjs-emscripten's named EvalFlags. */
const JS_EVAL_ASYNC_GLOBAL = 1 << 7;
type VmResult = ReturnType<QuickJSContext['evalCode']>;

/** An exception thrown by guest code that guest code did not catch. */
export class GuestError extends Error {
  override readonly name = 'GuestError';
  constructor(
    /** The thrown value, marshalled (a GuestErrorValue for a guest Error). */
    readonly value: unknown,
    /** Set when the sandbox itself stopped the guest: the signal, the CPU budget, or `stop()`. */
    readonly interrupted?: 'signal' | 'hang' | 'stop',
  ) {
    super(value instanceof Error ? `${value.name}: ${value.message}` : `uncaught ${String(value)}`);
  }
}

export interface ModuleHost {
  /** The canonical name of `request` imported from `base` (an absolute path, or `node:fs`); throws to fail the import. */
  normalize(base: string, request: string): string;
  /** The source text of a normalized module name; throws to fail the import. */
  load(name: string): string;
}

export interface SandboxOptions {
  readonly clock: VirtualClock;
  /** The process's signal: once aborted, the interrupt handler stops guest code at its next check. */
  readonly signal?: AbortSignal;
  /** Guest heap limit; allocation beyond it throws `InternalError: out of memory` in the guest. */
  readonly memoryLimitBytes?: number;
  readonly stackSizeBytes?: number;
  /** Seeds Math.random. */
  readonly seed?: number;
  /**
   * Interrupt checks (QuickJS calls the handler about every 10k operations, about 1000 per real second in Node)
   * one synchronous turn may use before the guest counts as hung.
   */
  readonly cpuBudget?: number;
  readonly modules?: ModuleHost;
  /** An exception no guest code caught, thrown from a timer or a callback the host started without a caller. */
  readonly onUncaught?: (error: GuestError) => void;
}

export const DEFAULT_MEMORY_LIMIT = 256 * 1024 * 1024;
export const DEFAULT_CPU_BUDGET = 4000;

interface Helpers {
  fire: QuickJSHandle;
  kind: QuickJSHandle;
  bytesOf: QuickJSHandle;
  toBytes: QuickJSHandle;
  errorInfo: QuickJSHandle;
  makeError: QuickJSHandle;
  settle: QuickJSHandle;
  newDate: QuickJSHandle;
  completion: QuickJSHandle;
}

export class Sandbox {
  readonly runtime: QuickJSRuntime;
  readonly context: QuickJSContext;
  readonly #o: SandboxOptions;
  #helpers!: Helpers;
  readonly #guestFunctions = new Set<GuestFunction>();
  readonly #retained: QuickJSHandle[] = [];
  /** Guest promises waiting on host work (a socket read, a timer): freed with the sandbox if that never settles. */
  readonly #pending = new Set<QuickJSDeferredPromise>();
  readonly #timers = new Map<number, { cancel: () => void; ref: boolean }>();
  #refs = 0;
  #depth = 0;
  #checks = 0;
  #stopped = false;
  #disposed = false;
  #interrupted: GuestError['interrupted'];
  #idleWaiters: (() => void)[] = [];

  /** Loads QuickJS if needed (yielding on the clock meanwhile) and makes a fresh sandbox. */
  static async create(options: SandboxOptions): Promise<Sandbox> {
    return new Sandbox(await loadQuickJSOn(options.clock), options);
  }

  constructor(quickjs: QuickJSWASMModule, options: SandboxOptions) {
    this.#o = options;
    this.runtime = quickjs.newRuntime();
    noteRuntime('created');
    this.runtime.setMemoryLimit(options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT);
    this.runtime.setMaxStackSize(options.stackSizeBytes ?? 1024 * 1024);
    this.runtime.setInterruptHandler(() => this.#shouldInterrupt());
    if (options.modules) {
      const modules = options.modules;
      // A failed normalization cannot be reported by the normalizer itself: it names a module the loader then fails.
      const failures = new Map<string, Error>();
      this.runtime.setModuleLoader(
        (name) => {
          const failed = failures.get(name);
          if (failed) return { error: failed };
          try {
            return modules.load(name);
          } catch (e) {
            return { error: e instanceof Error ? e : new Error(String(e)) };
          }
        },
        (base, request) => {
          try {
            return modules.normalize(base, request);
          } catch (e) {
            const name = `dockyard:failed:${failures.size}`;
            failures.set(name, e instanceof Error ? e : new Error(String(e)));
            return name;
          }
        },
      );
    }
    this.context = this.runtime.newContext();
    this.#installPrelude();
  }

  // ---- lifetime ------------------------------------------------------------------------------------------------

  /** Keeps the sandbox busy (a listening server, an open socket) until the returned function is called. */
  hold(): () => void {
    this.#refs++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.#refs--;
      this.#checkIdle();
    };
  }

  /** Whether anything keeps the guest alive (timers with ref, host promises, holds). */
  get busy(): boolean {
    return !this.#stopped && this.#refs + [...this.#timers.values()].filter((t) => t.ref).length > 0;
  }

  /** Resolves once nothing is pending, or the sandbox is stopped. */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  /** Why the last interrupted turn was interrupted, if one was. */
  get interrupted(): GuestError['interrupted'] {
    return this.#interrupted;
  }

  /**
   * Ends the guest's life (process.exit, a fatal error): timers are cancelled, host promises and callbacks no longer
   * reach it, running guest code is interrupted at its next check, and `idle()` resolves.
   */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const t of this.#timers.values()) t.cancel();
    this.#timers.clear();
    this.#checkIdle();
  }

  dispose(): void {
    if (this.#disposed) return;
    this.stop();
    this.#disposed = true;
    for (const f of [...this.#guestFunctions]) f.release();
    for (const h of this.#retained) if (h.alive) h.dispose();
    for (const d of this.#pending) d.dispose();
    this.#pending.clear();
    for (const h of Object.values(this.#helpers)) h.dispose();
    try {
      this.context.dispose();
      this.runtime.dispose();
      noteRuntime('freed');
    } catch {
      // A guest object still referenced by a host structure leaks with the runtime: nothing to free it for.
      noteRuntime('unfreed');
    }
  }

  // ---- running guest code --------------------------------------------------------------------------------------

  /** Evaluates a script (global code); returns its completion value, throws GuestError. */
  evalScript(code: string, filename = '<eval>'): unknown {
    return this.#enter(() => this.context.evalCode(code, filename, { type: 'global' }));
  }

  /**
   * Evaluates a script as a REPL line: global code where `await` is allowed at top level (QuickJS's async global
   * eval), whose top-level `let`/`const`/`class` stay in the global scope for later scripts. Resolves to its completion
   * value, passed first through `map` (a guest function) when given, so guest objects can be described before they
   * are copied out; rejects with GuestError.
   */
  async evalScriptAsync(code: string, filename = '<eval>', map?: GuestFunction): Promise<unknown> {
    return await (this.#enter(() => {
      const r = this.context.evalCode(code, filename, JS_EVAL_ASYNC_GLOBAL);
      if (r.error) return r;
      const mapHandle = map ? this.toGuest(map) : this.context.undefined;
      try {
        return this.context.callFunction(this.#helpers.completion, this.context.undefined, r.value, mapHandle);
      } finally {
        r.value.dispose();
        mapHandle.dispose();
      }
    }) as Promise<unknown>);
  }

  /**
   * Evaluates an ES module (imports go through `modules`). Resolves when its evaluation (top-level await
   * included) completes; rejects with GuestError.
   */
  async evalModule(code: string, filename: string): Promise<unknown> {
    return await (this.#enter(() => this.context.evalCode(code, filename, { type: 'module' })) as Promise<unknown>);
  }

  /** Makes `value` a global of the guest. */
  setGlobal(name: string, value: unknown): void {
    const h = this.toGuest(value);
    this.context.setProp(this.context.global, name, h);
    h.dispose();
  }

  /** Calls a guest function from an event the host started (no guest caller): errors go to `onUncaught`. */
  dispatch(fn: GuestFunction, ...args: unknown[]): unknown {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof GuestError) this.#uncaught(e);
      else throw e;
      return undefined;
    }
  }

  // ---- marshalling ---------------------------------------------------------------------------------------------

  /** A new guest handle for a host value (the caller disposes it). */
  toGuest(value: unknown, depth = 0): QuickJSHandle {
    const ctx = this.context;
    switch (typeof value) {
      case 'undefined':
        return ctx.undefined;
      case 'boolean':
        return value ? ctx.true : ctx.false;
      case 'number':
        return ctx.newNumber(value);
      case 'string':
        return ctx.newString(value);
      case 'bigint':
        return ctx.newBigInt(value);
      case 'symbol':
        return ctx.newSymbolFor(value.description ?? '');
      case 'function': {
        const guest = (value as Partial<GuestFunction>)[GUEST];
        if (guest?.alive) return guest.dup();
        return this.#hostFunction(value as HostFunction);
      }
    }
    if (value === null) return ctx.null;
    if (depth > 64) return ctx.undefined;
    if (value instanceof Uint8Array) {
      const buffer = ctx.newArrayBuffer(value.slice().buffer);
      return this.#callHelper('toBytes', buffer);
    }
    if (value instanceof Date) {
      const ms = ctx.newNumber(value.getTime());
      return this.#callHelper('newDate', ms);
    }
    if (value instanceof Error) {
      const original = (value as Partial<Record<typeof GUEST, QuickJSHandle>>)[GUEST];
      if (original?.alive) return original.dup();
      return this.#guestError(value, depth);
    }
    if (typeof (value as PromiseLike<unknown>).then === 'function') return this.#guestPromise(value as PromiseLike<unknown>);
    if (Array.isArray(value)) {
      const arr = ctx.newArray();
      value.forEach((v, i) => {
        const h = this.toGuest(v, depth + 1);
        ctx.setProp(arr, i, h);
        h.dispose();
      });
      return arr;
    }
    const obj = ctx.newObject();
    for (const [k, v] of Object.entries(value as object)) {
      if (v === undefined) continue;
      const h = this.toGuest(v, depth + 1);
      ctx.setProp(obj, k, h);
      h.dispose();
    }
    return obj;
  }

  /** A host copy of a guest value (the handle stays the caller's). */
  toHost(handle: QuickJSHandle, depth = 0): unknown {
    const ctx = this.context;
    const type = ctx.typeof(handle);
    switch (type) {
      case 'undefined':
        return undefined;
      case 'number':
        return ctx.getNumber(handle);
      case 'string':
        return ctx.getString(handle);
      case 'boolean':
        return ctx.dump(handle) as boolean;
      case 'bigint':
        return ctx.getBigInt(handle);
      case 'symbol':
        return ctx.getSymbol(handle);
      case 'function':
        return this.#guestFunction(handle);
    }
    if (this.#isNull(handle)) return null;
    if (depth > 64) return undefined;
    const kindHandle = this.#callHelper('kind', handle.dup());
    const kind = ctx.getString(kindHandle);
    kindHandle.dispose();
    switch (kind) {
      case 'bytes':
      case 'buffer':
      case 'view': {
        const buffer = this.#callHelper('bytesOf', handle.dup());
        const bytes = ctx.getArrayBuffer(buffer);
        const copy = bytes.value.slice();
        bytes.dispose();
        buffer.dispose();
        return copy;
      }
      case 'date':
        return new Date(ctx.getNumber(ctx.getProp(handle, 'getTime').consume((getTime) => ctx.unwrapResult(ctx.callFunction(getTime, handle)))));
      case 'error':
        return this.#hostError(handle);
      case 'promise':
        return this.#hostPromise(handle);
      case 'array': {
        const length = ctx.getNumber(ctx.getProp(handle, 'length').consume((l) => l.dup()));
        const out: unknown[] = [];
        for (let i = 0; i < length; i++) out.push(ctx.getProp(handle, i).consume((h) => this.toHost(h, depth + 1)));
        return out;
      }
    }
    const out: Record<string, unknown> = {};
    // Integer-like keys (`{ '0': ... }`) are names too, in the standard order (integers first).
    const names = ctx.getOwnPropertyNames(handle, { strings: true, numbersAsStrings: true, onlyEnumerable: true });
    if (names.error) {
      names.error.dispose();
      return out;
    }
    for (const nameHandle of names.value) {
      const key = ctx.getString(nameHandle);
      out[key] = ctx.getProp(handle, nameHandle).consume((h) => this.toHost(h, depth + 1));
      nameHandle.dispose();
    }
    return out;
  }

  // ---- internals -----------------------------------------------------------------------------------------------

  #shouldInterrupt(): boolean {
    if (this.#stopped) return (this.#interrupted = 'stop'), true;
    if (this.#o.signal?.aborted) return (this.#interrupted = 'signal'), true;
    if (++this.#checks > (this.#o.cpuBudget ?? DEFAULT_CPU_BUDGET)) return (this.#interrupted = 'hang'), true;
    return false;
  }

  /** Runs guest code from the host; the outermost entry resets the CPU budget and runs the job queue after. */
  #enter(run: () => VmResult): unknown {
    if (this.#disposed) throw new GuestError(undefined, 'stop');
    const outer = this.#depth === 0;
    if (outer) {
      this.#checks = 0;
      this.#interrupted = undefined;
    }
    this.#depth++;
    let result;
    try {
      result = run();
    } finally {
      this.#depth--;
    }
    if (result.error) {
      const thrown = this.#thrown(result.error);
      throw new GuestError(thrown, this.#interruptedBy(thrown));
    }
    const value = this.toHost(result.value);
    result.value.dispose();
    if (outer) this.#pump();
    return value;
  }

  /**
   * The host copy of a thrown value (the handle is disposed). Copying runs guest helpers, which cannot allocate
   * once the guest has used its memory: the error is then rebuilt from what the engine can still read.
   */
  #thrown(handle: QuickJSHandle): unknown {
    try {
      if (!this.#outOfMemory(handle)) return this.toHost(handle);
      throw new Error('out of memory');
    } catch {
      let dumped: unknown;
      try {
        dumped = this.context.dump(handle);
      } catch {
        dumped = undefined;
      }
      const d = (dumped ?? {}) as { name?: unknown; message?: unknown };
      const e = new Error(typeof d.message === 'string' ? d.message : 'out of memory');
      Object.defineProperty(e, 'name', { value: typeof d.name === 'string' ? d.name : 'InternalError' });
      Object.defineProperty(e, 'guestStack', { value: '' });
      return e;
    } finally {
      handle.dispose();
    }
  }

  #outOfMemory(handle: QuickJSHandle): boolean {
    if (this.context.typeof(handle) !== 'object') return false;
    const message = this.context.getProp(handle, 'message').consume((m) => (this.context.typeof(m) === 'string' ? this.context.getString(m) : ''));
    return message === 'out of memory';
  }

  #interruptedBy(thrown: unknown): GuestError['interrupted'] {
    const interrupt = thrown instanceof Error && thrown.name === 'InternalError' && thrown.message === 'interrupted';
    return interrupt ? (this.#interrupted ?? 'stop') : undefined;
  }

  /** Runs queued jobs (promise reactions) until none is left. */
  #pump(): void {
    if (this.#disposed) return;
    for (;;) {
      const r = this.runtime.executePendingJobs();
      if (r.error) {
        const thrown = this.#thrown(r.error);
        this.#uncaught(new GuestError(thrown, this.#interruptedBy(thrown)));
        continue;
      }
      if (r.value === 0) break;
    }
    this.#checkIdle();
  }

  #uncaught(e: GuestError): void {
    if (this.#o.onUncaught) this.#o.onUncaught(e);
  }

  #checkIdle(): void {
    if (this.busy) return;
    for (const wake of this.#idleWaiters.splice(0)) wake();
  }

  #isNull(handle: QuickJSHandle): boolean {
    return this.context.sameValue(handle, this.context.null);
  }

  #callHelper(name: keyof Helpers, ...args: QuickJSHandle[]): QuickJSHandle {
    const r = this.context.callFunction(this.#helpers[name], this.context.undefined, ...args);
    for (const a of args) a.dispose();
    return this.context.unwrapResult(r);
  }

  #hostFunction(fn: HostFunction): QuickJSHandle {
    // `this` is not marshalled: host functions are plain functions of their arguments. An error thrown by the host
    // (or by guest code it called back, interrupts included: the guest is interrupted again at its next check)
    // becomes the guest's exception.
    return this.context.newFunction(fn.name || 'host', (...argHandles: QuickJSHandle[]) => {
      if (this.#stopped) return undefined;
      try {
        const args = argHandles.map((h) => this.toHost(h));
        return this.toGuest(fn(...args));
      } catch (e) {
        return { error: this.toGuest(e instanceof GuestError ? e.value : e) };
      }
    });
  }

  #guestFunction(handle: QuickJSHandle): GuestFunction {
    const held = handle.dup();
    const call = (thisArg: unknown, args: readonly unknown[]): unknown => {
      if (!held.alive || this.#stopped) return undefined;
      const self = this.toGuest(thisArg);
      const argHandles = args.map((a) => this.toGuest(a));
      try {
        return this.#enter(() => this.context.callFunction(held, self, ...argHandles));
      } finally {
        self.dispose();
        for (const h of argHandles) h.dispose();
      }
    };
    const fn = ((...args: unknown[]) => call(undefined, args)) as GuestFunction;
    Object.defineProperties(fn, {
      [GUEST]: { value: held },
      invoke: { value: (thisArg: unknown, args: readonly unknown[]) => call(thisArg, args) },
      release: {
        value: () => {
          if (held.alive) held.dispose();
          this.#guestFunctions.delete(fn);
        },
      },
    });
    this.#guestFunctions.add(fn);
    return fn;
  }

  #guestError(e: Error, depth: number): QuickJSHandle {
    const own: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e)) if (k !== 'guestStack') own[k] = v;
    const guestStack = (e as Partial<GuestErrorValue>).guestStack;
    return this.#callHelper(
      'makeError',
      this.context.newString(e.name),
      this.context.newString(e.message),
      guestStack === undefined ? this.context.undefined : this.context.newString(guestStack),
      this.toGuest(own, depth + 1),
    );
  }

  #hostError(handle: QuickJSHandle): GuestErrorValue {
    const info = this.#callHelper('errorInfo', handle.dup());
    const { name, message, stack, own } = this.toHost(info) as { name: string; message: string; stack: string; own: Record<string, unknown> };
    info.dispose();
    const e = new Error(message) as Error & Record<string, unknown>;
    Object.defineProperty(e, 'name', { value: name, enumerable: false, writable: true, configurable: true });
    Object.defineProperty(e, 'guestStack', { value: stack, enumerable: false });
    // Passed back to the guest, the copy is the original object again (its identity, class and hidden fields).
    const original = handle.dup();
    this.#retained.push(original);
    Object.defineProperty(e, GUEST, { value: original, enumerable: false });
    Object.assign(e, own);
    return e as unknown as GuestErrorValue;
  }

  #guestPromise(promise: PromiseLike<unknown>): QuickJSHandle {
    const deferred = this.context.newPromise();
    this.#pending.add(deferred);
    this.#refs++;
    const settle = (ok: boolean, value: unknown) => {
      this.#refs--;
      if (this.#disposed || this.#stopped) {
        if (this.#pending.delete(deferred)) deferred.dispose();
        this.#checkIdle();
        return;
      }
      this.#pending.delete(deferred);
      const h = this.toGuest(value);
      (ok ? deferred.resolve : deferred.reject)(h);
      h.dispose();
      deferred.dispose();
      this.#checks = 0;
      this.#pump();
    };
    promise.then(
      (v) => settle(true, v),
      (e) => settle(false, e),
    );
    return deferred.handle.dup();
  }

  /** A host promise that follows a guest promise. */
  #hostPromise(handle: QuickJSHandle): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const onValue = this.#hostFunction((v) => resolve(v));
      const onError = this.#hostFunction((e) => reject(new GuestError(e)));
      const r = this.context.callFunction(this.#helpers.settle, this.context.undefined, handle, onValue, onError);
      onValue.dispose();
      onError.dispose();
      if (r.error) r.error.dispose();
      else r.value.dispose();
    });
  }

  #installPrelude(): void {
    const ctx = this.context;
    const clock = this.#o.clock;
    const bindings = {
      seed: this.#o.seed ?? 1,
      now: () => clock.now(),
      schedule: (id: unknown, ms: unknown, ref: unknown) => this.#schedule(Number(id), Number(ms), ref !== false),
      cancel: (id: unknown) => {
        this.#timers.get(Number(id))?.cancel();
        this.#timers.delete(Number(id));
        this.#checkIdle();
      },
      ref: (id: unknown, ref: unknown) => {
        const t = this.#timers.get(Number(id));
        if (t) t.ref = ref !== false;
        this.#checkIdle();
      },
    };
    const factory = ctx.unwrapResult(ctx.evalCode(PRELUDE, 'node:internal/prelude'));
    const host = this.toGuest(bindings);
    const helpers = ctx.unwrapResult(ctx.callFunction(factory, ctx.undefined, host));
    factory.dispose();
    host.dispose();
    const names = ['fire', 'kind', 'bytesOf', 'toBytes', 'errorInfo', 'makeError', 'settle', 'newDate', 'completion'] as const;
    this.#helpers = Object.fromEntries(names.map((n) => [n, ctx.getProp(helpers, n)])) as unknown as Helpers;
    helpers.dispose();
  }

  #schedule(id: number, ms: number, ref: boolean): void {
    this.#timers.get(id)?.cancel();
    const cancel = this.#o.clock.after(ms, () =>
      queueMicrotask(() => {
        if (this.#timers.get(id)?.cancel !== cancel || this.#stopped) return;
        this.#timers.delete(id);
        this.#fire(id);
      }),
    );
    this.#timers.set(id, { cancel, ref });
  }

  #fire(id: number): void {
    try {
      const idHandle = this.context.newNumber(id);
      try {
        this.#enter(() => this.context.callFunction(this.#helpers.fire, this.context.undefined, idHandle));
      } finally {
        idHandle.dispose();
      }
    } catch (e) {
      if (e instanceof GuestError) this.#uncaught(e);
      else throw e;
    }
    this.#checkIdle();
  }
}
