import type { Process } from '../../process.ts';

/**
 * Signals a program handles decided at run time (a node app's `process.on('SIGTERM')`), beside the static
 * `Program.handledSignals`. The container runtime puts one set in the main process's `services.signalHandlers`
 * and reads it when delivering a signal to PID 1: node as PID 1 ignores SIGTERM unless the app listens for it.
 */
export function signalHandlersOf(p: Process): Set<string> | undefined {
  const s = p.system.services.signalHandlers;
  return s instanceof Set ? (s as Set<string>) : undefined;
}
