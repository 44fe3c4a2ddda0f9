/**
 * What every command handler shares: the call it handles, the server it runs in, and Redis's reply texts for the
 * common failures (server.c's shared objects), so each wording lives in one place.
 */
import type { RedisConfig } from './config.ts';
import { error, type Reply } from './resp.ts';
import { parseInteger, type Keyspace, type RedisValue, type ValueType } from './store.ts';

/** The parts of the running server that commands reach. */
export interface ServerApi {
  readonly keyspace: Keyspace;
  readonly config: RedisConfig;
  readonly version: string;
  /** Virtual milliseconds. */
  now(): number;
  /** Changes since the last save (Redis's `server.dirty`), which the save rules count. */
  dirty: number;
  save(): Reply;
  bgsave(): Reply;
  /** Unix seconds of the last successful save. */
  lastSave(): number;
  info(section: string | undefined, client: ClientState): string;
  /** SHUTDOWN: stops the server; an error reply when it refuses. */
  shutdown(mode: 'default' | 'save' | 'nosave'): Reply | undefined;
}

export interface ClientState {
  db: number;
  authenticated: boolean;
  name: string;
  readonly id: number;
}

export interface Call {
  readonly server: ServerApi;
  readonly client: ClientState;
  /** args[0] is the command name as the client sent it. */
  readonly args: readonly string[];
  /** Records what the AOF should log instead of the command as sent (SET ... EX becomes SET ... PXAT). */
  propagate(args: readonly string[]): void;
  /** Asks the connection to close once the reply is written (QUIT). */
  close(): void;
}

export interface CommandSpec {
  /** Redis's arity: N exactly N arguments (name included), -N at least N. */
  readonly arity: number;
  /** Write commands are logged to the AOF when they change something. */
  readonly write?: boolean;
  readonly run: (call: Call) => Reply;
}

export type CommandTable = Readonly<Record<string, CommandSpec>>;

export const WRONGTYPE = error('WRONGTYPE Operation against a key holding the wrong kind of value');
export const NOT_INTEGER = error('ERR value is not an integer or out of range');
export const SYNTAX = error('ERR syntax error');
export const OVERFLOW = error('ERR increment or decrement would overflow');

export function wrongArgs(name: string): Reply {
  return error(`ERR wrong number of arguments for '${name.toLowerCase()}' command`);
}

/** The value at `key` if it has the wanted type; 'wrongtype' otherwise (undefined when missing). */
export function lookup<T extends ValueType>(call: Call, key: string, type: T): (RedisValue & { type: T }) | undefined | 'wrongtype' {
  const v = call.server.keyspace.get(call.client.db, key);
  if (!v) return undefined;
  return v.type === type ? (v as RedisValue & { type: T }) : 'wrongtype';
}

/** A 64-bit integer argument as a JS number (bigint for arithmetic that must detect overflow). */
export function intArg(s: string): number | undefined {
  const n = parseInteger(s);
  return n === undefined ? undefined : Number(n);
}

export function isOne(arg: string | undefined, ...words: string[]): boolean {
  return arg !== undefined && words.includes(arg.toLowerCase());
}
