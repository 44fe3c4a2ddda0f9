import { inspect } from './format.ts';

/** How mongosh prints an error: the class, the server's code name in brackets when there is one, the message. */
export function formatError(e: unknown): string {
  if (!(e instanceof Error)) return `Uncaught ${inspect(e)}`;
  const codeName = (e as { codeName?: unknown }).codeName;
  return `${e.name}${typeof codeName === 'string' ? `[${codeName}]` : ''}: ${e.message}`;
}
