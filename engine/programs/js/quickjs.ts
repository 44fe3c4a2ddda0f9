import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import type { VirtualClock } from '../../core/clock.ts';

/**
 * QuickJS compiled to WebAssembly, loaded on first use: the page downloads it (about 0.6 MB, wasm embedded in one
 * module, so no asset URL to serve) only when someone runs JavaScript. One module serves every sandbox; each
 * sandbox gets its own runtime (heap, limits) inside it.
 */
let loading: Promise<QuickJSWASMModule> | undefined;

/**
 * Emscripten's own console output, off: freeing a runtime whose guest still holds objects (a process killed while
 * it ran) trips an assertion that emscripten prints to the real console before throwing. The sandbox catches the
 * throw and lets that runtime leak; nothing of it may reach the page's console or a transcript.
 */
const SILENT = { print: () => {}, printErr: () => {} };

export function loadQuickJS(): Promise<QuickJSWASMModule> {
  loading ??= Promise.all([import('quickjs-emscripten-core'), import('@jitl/quickjs-singlefile-mjs-release-sync')]).then(([core, variant]) =>
    core.newQuickJSWASMModuleFromVariant(core.newVariant(variant.default, { emscriptenModule: SILENT as object })),
  );
  return loading;
}

/**
 * Runtimes that could not be freed because a guest object was still held when their sandbox was disposed. The free
 * stops at QuickJS's assertion and the runtime stays in the module's memory; worse, the module may be left unusable
 * for the sandboxes after it (seen when machines were dropped with processes still running). A count above zero is
 * an engine bug: tests and benchmarks read it.
 */
let unfreed = 0;
let live = 0;

export function noteRuntime(change: 'created' | 'freed' | 'unfreed'): void {
  if (change === 'created') live++;
  else live--;
  if (change === 'unfreed') unfreed++;
}

export function unfreedRuntimes(): number {
  return unfreed;
}

/** Sandboxes made and not yet disposed: processes running JavaScript somewhere, on any machine. */
export function liveRuntimes(): number {
  return live;
}

/**
 * Loading takes real (not virtual) time. The process keeps yielding meanwhile, so a headless driver sees work in
 * progress rather than a process waiting on nothing (as tsc's transpiler loading does).
 */
export async function loadQuickJSOn(clock: VirtualClock): Promise<QuickJSWASMModule> {
  const module = loadQuickJS();
  let done = false;
  void module.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) await clock.yield();
  return module;
}
