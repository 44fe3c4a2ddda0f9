import type { Readable } from '../programs/streams.ts';
import type { CommandContext } from './command.ts';

/** One line of input without its newline (bufio.Scanner's first token); undefined at end of input. */
export async function readLine(input: Readable): Promise<string | undefined> {
  const decoder = new TextDecoder();
  let text = '';
  for (let chunk = await input.read(); chunk; chunk = await input.read()) {
    text += decoder.decode(chunk, { stream: true });
    const nl = text.indexOf('\n');
    if (nl >= 0) return text.slice(0, nl).replace(/\r$/, '');
  }
  return text.length > 0 ? text : undefined;
}

/** docker/cli's command.PromptForConfirmation: `<message> [y/N] `, and only `y`/`Y` goes on. */
export async function confirm(ctx: CommandContext, message: string): Promise<boolean> {
  await ctx.stdout.write(`${message} [y/N] `);
  const answer = ctx.host ? await readLine(ctx.host.stdin) : undefined;
  return answer?.trim().toLowerCase() === 'y';
}
