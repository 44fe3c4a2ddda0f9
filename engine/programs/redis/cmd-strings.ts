/** String commands (t_string.c): SET and its options, GET, counters, APPEND, MGET/MSET. */
import { intArg, lookup, NOT_INTEGER, OVERFLOW, SYNTAX, WRONGTYPE, wrongArgs, type Call, type CommandTable } from './kit.ts';
import { bulk, error, integer, NIL, OK, array, type Reply } from './resp.ts';
import { inInt64, parseInteger } from './store.ts';

function set(call: Call): Reply {
  const [, key, value] = call.args as [string, string, string];
  let nx = false;
  let xx = false;
  let get = false;
  let keepTtl = false;
  let expire: { unit: 'ex' | 'px' | 'exat' | 'pxat'; n: string } | undefined;
  for (let i = 3; i < call.args.length; i++) {
    const opt = call.args[i]!.toLowerCase();
    if (opt === 'nx' && !xx) nx = true;
    else if (opt === 'xx' && !nx) xx = true;
    else if (opt === 'get') get = true;
    else if (opt === 'keepttl' && !expire) keepTtl = true;
    else if ((opt === 'ex' || opt === 'px' || opt === 'exat' || opt === 'pxat') && !expire && !keepTtl && i + 1 < call.args.length) expire = { unit: opt, n: call.args[++i]! };
    else return SYNTAX;
  }
  let at: number | undefined;
  if (expire) {
    const n = intArg(expire.n);
    if (n === undefined) return NOT_INTEGER;
    if (n <= 0) return error(`ERR invalid expire time in '${call.args[0]!.toLowerCase()}' command`);
    const ms = expire.unit === 'ex' || expire.unit === 'exat' ? n * 1000 : n;
    at = expire.unit === 'exat' || expire.unit === 'pxat' ? ms : call.server.now() + ms;
  }
  const ks = call.server.keyspace;
  const old = ks.get(call.client.db, key);
  if (get && old && old.type !== 'string') return WRONGTYPE;
  const previous = get ? bulk(old?.type === 'string' ? old.value : null) : undefined;
  if ((nx && old) || (xx && !old)) return previous ?? NIL;
  ks.set(call.client.db, key, { type: 'string', value }, keepTtl);
  call.server.dirty++;
  if (at !== undefined) {
    ks.setExpire(call.client.db, key, at);
    // Redis 7 logs relative expiries as absolute ones, so replaying the AOF later keeps the same deadline.
    call.propagate(['SET', key, value, 'PXAT', String(at)]);
  }
  return previous ?? OK;
}

function getString(call: Call, key: string): Reply | string | null {
  const v = lookup(call, key, 'string');
  if (v === 'wrongtype') return WRONGTYPE;
  return v ? v.value : null;
}

function incrBy(call: Call, key: string, by: bigint): Reply {
  const v = lookup(call, key, 'string');
  if (v === 'wrongtype') return WRONGTYPE;
  const current = v ? parseInteger(v.value) : 0n;
  if (current === undefined) return NOT_INTEGER;
  const next = current + by;
  if (!inInt64(next)) return OVERFLOW;
  if (v) v.value = String(next);
  else call.server.keyspace.set(call.client.db, key, { type: 'string', value: String(next) });
  call.server.dirty++;
  return integer(Number(next));
}

function byArg(call: Call, negate: boolean): Reply {
  const by = parseInteger(call.args[2]!);
  if (by === undefined) return NOT_INTEGER;
  if (negate && by === -(2n ** 63n)) return error('ERR decrement would overflow');
  return incrBy(call, call.args[1]!, negate ? -by : by);
}

export const STRING_COMMANDS: CommandTable = {
  set: { arity: -3, write: true, run: set },
  get: {
    arity: 2,
    run: (call) => {
      const v = getString(call, call.args[1]!);
      return typeof v === 'object' && v !== null ? v : bulk(v);
    },
  },
  getdel: {
    arity: 2,
    write: true,
    run: (call) => {
      const v = getString(call, call.args[1]!);
      if (typeof v !== 'string') return v ?? NIL;
      call.server.keyspace.delete(call.client.db, call.args[1]!);
      call.server.dirty++;
      call.propagate(['DEL', call.args[1]!]);
      return bulk(v);
    },
  },
  setnx: {
    arity: 3,
    write: true,
    run: (call) => {
      if (call.server.keyspace.get(call.client.db, call.args[1]!)) return integer(0);
      call.server.keyspace.set(call.client.db, call.args[1]!, { type: 'string', value: call.args[2]! });
      call.server.dirty++;
      return integer(1);
    },
  },
  setex: {
    arity: 4,
    write: true,
    run: (call) => {
      const n = intArg(call.args[2]!);
      if (n === undefined) return NOT_INTEGER;
      if (n <= 0) return error("ERR invalid expire time in 'setex' command");
      return set({ ...call, args: ['setex', call.args[1]!, call.args[3]!, 'EX', call.args[2]!] });
    },
  },
  mget: { arity: -2, run: (call) => array(call.args.slice(1).map((k) => bulk(lookupString(call, k)))) },
  mset: {
    arity: -3,
    write: true,
    run: (call) => {
      if (call.args.length % 2 === 0) return wrongArgs(call.args[0]!);
      for (let i = 1; i < call.args.length; i += 2) {
        call.server.keyspace.set(call.client.db, call.args[i]!, { type: 'string', value: call.args[i + 1]! });
        call.server.dirty++;
      }
      return OK;
    },
  },
  incr: { arity: 2, write: true, run: (call) => incrBy(call, call.args[1]!, 1n) },
  decr: { arity: 2, write: true, run: (call) => incrBy(call, call.args[1]!, -1n) },
  incrby: { arity: 3, write: true, run: (call) => byArg(call, false) },
  decrby: { arity: 3, write: true, run: (call) => byArg(call, true) },
  append: {
    arity: 3,
    write: true,
    run: (call) => {
      const v = lookup(call, call.args[1]!, 'string');
      if (v === 'wrongtype') return WRONGTYPE;
      const value = (v?.value ?? '') + call.args[2]!;
      if (v) v.value = value;
      else call.server.keyspace.set(call.client.db, call.args[1]!, { type: 'string', value });
      call.server.dirty++;
      return integer(new TextEncoder().encode(value).length);
    },
  },
  strlen: {
    arity: 2,
    run: (call) => {
      const v = getString(call, call.args[1]!);
      return typeof v === 'object' && v !== null ? v : integer(v === null ? 0 : new TextEncoder().encode(v).length);
    },
  },
};

/** MGET answers nil for keys that are not strings instead of failing. */
function lookupString(call: Call, key: string): string | null {
  const v = lookup(call, key, 'string');
  return v && v !== 'wrongtype' ? v.value : null;
}

