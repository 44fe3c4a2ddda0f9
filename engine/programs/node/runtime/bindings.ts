import type { Process } from '../../process.ts';
import { HOST_BINDINGS } from '../simulated/host-bindings.ts';

/**
 * Packages backed by host code. A simulated package installed by npm is JavaScript in node_modules that runs in the
 * sandbox; when it needs the engine (a database client speaking to mongod over the socket interface), its code
 * calls `process.binding('dockyard:<name>')` and gets what the factory registered here returns: functions and
 * data (functions returning promises become guest promises). The guest-side package wraps that in the library's
 * real API (classes, cursors, events).
 */
export interface BindingContext {
  readonly p: Process;
  /** Keeps the node process alive (an open client connection) until the returned function is called. */
  hold(): () => void;
}

export type BindingFactory = (ctx: BindingContext) => Record<string, unknown>;

const BINDINGS = new Map<string, BindingFactory>(Object.entries(HOST_BINDINGS));

/** Registers `process.binding('dockyard:<name>')`. */
export function registerBinding(name: string, factory: BindingFactory): void {
  BINDINGS.set(name, factory);
}

export function bindingFactory(name: string): BindingFactory | undefined {
  return BINDINGS.get(name);
}
