/**
 * The command table and how a command runs (server.c processCommand): look it up, check its arity, check the
 * client has authenticated, run it, and note what the append-only file must record.
 */
import { HASH_COMMANDS } from './cmd-hashes.ts';
import { KEY_COMMANDS } from './cmd-keys.ts';
import { LIST_COMMANDS } from './cmd-lists.ts';
import { SERVER_COMMANDS } from './cmd-server.ts';
import { SET_COMMANDS } from './cmd-sets.ts';
import { STRING_COMMANDS } from './cmd-strings.ts';
import { wrongArgs, type ClientState, type CommandTable, type ServerApi } from './kit.ts';
import { error, type Reply } from './resp.ts';

export const COMMANDS: CommandTable = { ...STRING_COMMANDS, ...KEY_COMMANDS, ...HASH_COMMANDS, ...LIST_COMMANDS, ...SET_COMMANDS, ...SERVER_COMMANDS };

export interface Executed {
  readonly reply: Reply;
  /** Commands for the AOF, in the form Redis logs them (none when nothing changed). */
  readonly propagate: readonly (readonly string[])[];
  /** The connection closes after this reply (QUIT, SHUTDOWN). */
  readonly close: boolean;
}

/** Runs one command for `client`. `args` is never empty. */
export function execute(server: ServerApi, client: ClientState, args: readonly string[]): Executed {
  const name = args[0]!.toLowerCase();
  const spec = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!spec) return { reply: unknownCommand(args), propagate: [], close: false };
  if (spec.arity > 0 ? args.length !== spec.arity : args.length < -spec.arity) return { reply: wrongArgs(name), propagate: [], close: false };
  if (server.config.requirePass !== '' && !client.authenticated && name !== 'auth' && name !== 'hello' && name !== 'quit') {
    return { reply: error('NOAUTH Authentication required.'), propagate: [], close: false };
  }
  const propagated: string[][] = [];
  let explicit = false;
  let close = false;
  const dirty = server.dirty;
  const reply = spec.run({
    server,
    client,
    args,
    propagate: (a) => {
      explicit = true;
      propagated.push([...a]);
    },
    close: () => (close = true),
  });
  if (spec.write && !explicit && server.dirty !== dirty) propagated.push([...args]);
  return { reply, propagate: propagated, close };
}

/** server.c's wording: the name as sent, then up to 128 characters of its arguments, each quoted. */
function unknownCommand(args: readonly string[]): Reply {
  let rest = '';
  for (const a of args.slice(1)) {
    if (rest.length >= 128) break;
    rest += `'${a.slice(0, 128 - rest.length)}' `;
  }
  return error(`ERR unknown command '${args[0]!.slice(0, 128)}', with args beginning with: ${rest}`.replace(/[\r\n]/g, ' '));
}
