/** Hash commands (t_hash.c). Small hashes keep insertion order (listpack), which HGETALL shows. */
import { lookup, NOT_INTEGER, OVERFLOW, WRONGTYPE, wrongArgs, type Call, type CommandTable } from './kit.ts';
import { bulk, bulks, error, integer, OK, type Reply } from './resp.ts';
import { inInt64, parseInteger, type RedisValue } from './store.ts';

type Hash = RedisValue & { type: 'hash' };

/** The hash at args[1], created when `create`; a Reply when it is another type. */
function hash(call: Call, create: boolean): Hash | undefined | Reply {
  const v = lookup(call, call.args[1]!, 'hash');
  if (v === 'wrongtype') return WRONGTYPE;
  if (v || !create) return v;
  const h: Hash = { type: 'hash', fields: new Map() };
  call.server.keyspace.set(call.client.db, call.args[1]!, h, true);
  return h;
}

const isReply = (v: unknown): v is Reply => typeof v === 'object' && v !== null && 'kind' in v;

function hset(call: Call, reply: (added: number) => Reply): Reply {
  if (call.args.length % 2 !== 0) return wrongArgs(call.args[0]!);
  const h = hash(call, true);
  if (isReply(h)) return h;
  let added = 0;
  for (let i = 2; i < call.args.length; i += 2) {
    if (!h!.fields.has(call.args[i]!)) added++;
    h!.fields.set(call.args[i]!, call.args[i + 1]!);
  }
  call.server.dirty += (call.args.length - 2) / 2;
  return reply(added);
}

function read(call: Call, f: (h: Hash) => Reply, missing: Reply): Reply {
  const h = hash(call, false);
  if (isReply(h)) return h;
  return h ? f(h) : missing;
}

export const HASH_COMMANDS: CommandTable = {
  hset: { arity: -4, write: true, run: (call) => hset(call, integer) },
  hmset: { arity: -4, write: true, run: (call) => hset(call, () => OK) },
  hsetnx: {
    arity: 4,
    write: true,
    run: (call) => {
      const h = hash(call, true);
      if (isReply(h)) return h;
      if (h!.fields.has(call.args[2]!)) return integer(0);
      h!.fields.set(call.args[2]!, call.args[3]!);
      call.server.dirty++;
      return integer(1);
    },
  },
  hget: { arity: 3, run: (call) => read(call, (h) => bulk(h.fields.get(call.args[2]!) ?? null), bulk(null)) },
  hmget: { arity: -3, run: (call) => read(call, (h) => bulks(call.args.slice(2).map((f) => h.fields.get(f) ?? null)), bulks(call.args.slice(2).map(() => null))) },
  hgetall: { arity: 2, run: (call) => read(call, (h) => bulks([...h.fields].flat()), bulks([])) },
  hkeys: { arity: 2, run: (call) => read(call, (h) => bulks([...h.fields.keys()]), bulks([])) },
  hvals: { arity: 2, run: (call) => read(call, (h) => bulks([...h.fields.values()]), bulks([])) },
  hlen: { arity: 2, run: (call) => read(call, (h) => integer(h.fields.size), integer(0)) },
  hexists: { arity: 3, run: (call) => read(call, (h) => integer(h.fields.has(call.args[2]!) ? 1 : 0), integer(0)) },
  hdel: {
    arity: -3,
    write: true,
    run: (call) =>
      read(
        call,
        (h) => {
          let n = 0;
          for (const f of call.args.slice(2)) if (h.fields.delete(f)) n++;
          if (h.fields.size === 0) call.server.keyspace.delete(call.client.db, call.args[1]!);
          call.server.dirty += n;
          return integer(n);
        },
        integer(0),
      ),
  },
  hincrby: {
    arity: 4,
    write: true,
    run: (call) => {
      const by = parseInteger(call.args[3]!);
      if (by === undefined) return NOT_INTEGER;
      const h = hash(call, true);
      if (isReply(h)) return h;
      const current = parseInteger(h!.fields.get(call.args[2]!) ?? '0');
      if (current === undefined) return error('ERR hash value is not an integer');
      const next = current + by;
      if (!inInt64(next)) return OVERFLOW;
      h!.fields.set(call.args[2]!, String(next));
      call.server.dirty++;
      return integer(Number(next));
    },
  },
};
