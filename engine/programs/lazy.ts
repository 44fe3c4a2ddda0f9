import { whileLoading } from '../core/loading.ts';
import type { Process, Program } from './process.ts';

/**
 * Programs whose code loads on first use. The page's first download must hold only what the host shell and the
 * docker basics need; servers, language runtimes and package managers arrive as separate chunks when a process first
 * runs one (or when the page prefetches them once the terminal is ready). The names must be known up front: a
 * command exists wherever its file is, and the registry is a plain table looked up by name.
 */

/** A table of programs that loads as a whole the first time any of them runs. */
export function lazyPrograms(names: readonly string[], load: () => Promise<Readonly<Record<string, Program>>>): Record<string, Program> {
  let table: Promise<Readonly<Record<string, Program>>> | undefined;
  let loaded: Readonly<Record<string, Program>> | undefined;
  const ready = (clock: Process['clock']) => {
    // A failed fetch (offline, before the site was cached) is tried again by the next run.
    table ??= load().then(
      (t) => (loaded = t),
      (e: unknown) => {
        table = undefined;
        throw e;
      },
    );
    return whileLoading(clock, table);
  };
  const out: Record<string, Program> = {};
  for (const name of names) {
    const program = async (p: Process) => {
      const real = (await ready(p.clock))[name];
      if (!real) throw new Error(`the program ${name} is missing from its lazily loaded table`);
      return real(p);
    };
    // A container's PID 1 is this wrapper: what it declares (signals it handles, memory it keeps) is the real one's
    // once loaded. Until then the process has not started, so nothing has been installed to report.
    Object.defineProperties(program, {
      handledSignals: { get: () => loaded?.[name]?.handledSignals },
      residentBytes: { get: () => loaded?.[name]?.residentBytes },
    });
    out[name] = program as Program;
  }
  return out;
}

/** The chunk holding the lazily loaded program tables; the page also calls this to fetch it while the user reads. */
export function loadProgramTables(): Promise<typeof import('./loaded-programs.ts')> {
  return import('./loaded-programs.ts');
}
