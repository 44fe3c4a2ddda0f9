/**
 * The JavaScript sandbox (QuickJS in WebAssembly) shared by the programs that run real JavaScript: node's
 * application runtime and mongosh.
 */
export { DEFAULT_CPU_BUDGET, DEFAULT_MEMORY_LIMIT, GuestError, Sandbox } from './sandbox.ts';
export type { GuestErrorValue, GuestFunction, HostFunction, ModuleHost, SandboxOptions } from './sandbox.ts';
export { loadQuickJS, loadQuickJSOn } from './quickjs.ts';
