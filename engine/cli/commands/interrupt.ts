import type { CommandContext } from '../command.ts';

/** Resolves when the user interrupts the client (Ctrl-C); never, when nothing can interrupt it. */
export function interrupted(ctx: CommandContext): Promise<'interrupted'> {
  return new Promise((resolve) => {
    if (ctx.signal?.aborted) resolve('interrupted');
    ctx.signal?.addEventListener('abort', () => resolve('interrupted'), { once: true });
  });
}
