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
 * Sandboxes made after this get a new module, with a WebAssembly memory of their own; those running keep theirs.
 * Grading calls it before each attempt: runtimes of processes killed mid-run leak inside a module's memory (see
 * SILENT), and in a shared one they would pile up across attempts until a later attempt's server could not start,
 * so an attempt's grade would depend on the attempts graded before it.
 */
export function renewQuickJS(): void {
  loading = undefined;
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
