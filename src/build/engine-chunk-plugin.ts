/**
 * Puts everything the page loads for its first machine (engine/index.ts and the sandbox project, src/sandbox.ts,
 * with all they import) into one chunk. Left alone, the bundler splits out every module the engine shares with a
 * lazily loaded chunk (the builder, the programs, the catalog) as its own small chunk, and the page fetched 16 files
 * before its first prompt: each request costs the page's main thread a few milliseconds (measured: ~200 ms in all on
 * a busy machine), and the prompt waited for the slowest. Lazy chunks that share code with the engine import it from
 * this chunk, which is loaded before any of them.
 */
import type { Plugin } from 'vite';

const FIRST_MACHINE = [/[\\/]engine[\\/]index\.ts$/, /[\\/]src[\\/]sandbox\.ts$/];

export function engineChunk(): Plugin {
  /** Modules statically reachable from FIRST_MACHINE but not from the page's entry (those stay in the entry). */
  const engineModules = new Set<string>();
  return {
    name: 'dockyard-engine-chunk',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              // Not their dependencies as well: those the entry has must stay in the entry, or it would import this chunk.
              groups: [{ name: 'engine', test: (id: string) => engineModules.has(id), includeDependenciesRecursively: false }],
            },
          },
        },
      },
    }),
    buildEnd() {
      const reach = (roots: Iterable<string>): Set<string> => {
        const seen = new Set<string>();
        const stack = [...roots];
        while (stack.length > 0) {
          const id = stack.pop()!;
          if (seen.has(id)) continue;
          seen.add(id);
          stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        return seen;
      };
      const ids = [...this.getModuleIds()];
      const entry = reach(ids.filter((id) => this.getModuleInfo(id)?.isEntry));
      engineModules.clear();
      for (const id of reach(ids.filter((id) => FIRST_MACHINE.some((m) => m.test(id))))) if (!entry.has(id)) engineModules.add(id);
    },
  };
}
