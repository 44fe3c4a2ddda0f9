import { once, whileLoading } from '../core/loading.ts';
import type { Command } from './command.ts';

/** A command whose code is fetched on its first run; `load` fetches it ahead of that (and lets a test compare). */
export interface LazyCommand extends Command {
  load(): Promise<Command>;
}

/**
 * A command whose code loads the first time it runs (`docker build` brings BuildKit's progress printers, the
 * Dockerfile checks and the context loader). Its paths and argument rule are declared here, because help, flag
 * parsing and completion need them before anything runs; a test checks they match the real command's.
 */
export function lazyCommand(shape: Omit<Command, 'run'>, load: () => Promise<Command>): LazyCommand {
  const loaded = once(load);
  return {
    ...shape,
    load: loaded,
    async run(ctx) {
      const command = await whileLoading(ctx.engine.images.clock, loaded());
      return command.run(ctx);
    },
  };
}
