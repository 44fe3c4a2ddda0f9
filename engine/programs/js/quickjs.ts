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
 * Grading calls it before each attempt: a grade leaves its machines (the attempt's and each probe's copy) with
 * processes still running, and their runtimes stay in the module's memory; sharing the module with the next grade,
 * the capstone's backend there could no longer be freed (QuickJS aborts, and every later sandbox of the module
 * fails), so a grade depended on the attempts graded before it. A module per grade keeps grades independent; the
 * old one is garbage with the machines that used it.
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
