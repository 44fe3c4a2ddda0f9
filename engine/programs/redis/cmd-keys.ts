/** Keyspace commands (db.c, expire.c): DEL, EXISTS, TYPE, KEYS, RENAME and the expiry family. */
import { matchPattern } from '../shell/pattern.ts';
import { intArg, isOne, NOT_INTEGER, type Call, type CommandTable } from './kit.ts';
import { bulks, error, integer, OK, status, type Reply } from './resp.ts';

type Unit = 's' | 'ms';

/** EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT with NX/XX/GT/LT (Redis 7). */
function expire(unit: Unit, absolute: boolean) {
  return (call: Call): Reply => {
    const [name, key, amount] = call.args as [string, string, string];
    const n = intArg(amount);
    if (n === undefined) return NOT_INTEGER;
    const flags = new Set<string>();
    for (const f of call.args.slice(3)) {
      if (!isOne(f, 'nx', 'xx', 'gt', 'lt')) return error(`ERR Unsupported option ${f}`);
      flags.add(f.toLowerCase());
    }
    if (flags.has('nx') && (flags.has('xx') || flags.has('gt') || flags.has('lt'))) return error('ERR NX and XX, GT or LT options at the same time are not compatible');
    if (flags.has('gt') && flags.has('lt')) return error('ERR GT and LT options at the same time are not compatible');
    const ms = unit === 's' ? n * 1000 : n;
    const at = absolute ? ms : call.server.now() + ms;
    if (!Number.isSafeInteger(at)) return error(`ERR invalid expire time in '${name.toLowerCase()}' command`);
    const ks = call.server.keyspace;
    const db = call.client.db;
    if (!ks.get(db, key)) return integer(0);
    const current = ks.expireAt(db, key);
    if (flags.has('nx') && current !== undefined) return integer(0);
    if (flags.has('xx') && current === undefined) return integer(0);
    // A key without a TTL counts as living forever: GT never beats it, LT always does.
    if (flags.has('gt') && (current === undefined || at <= current)) return integer(0);
    if (flags.has('lt') && current !== undefined && at >= current) return integer(0);
    call.server.dirty++;
    if (at <= call.server.now()) {
      ks.delete(db, key);
      call.propagate(['DEL', key]);
    } else {
      ks.setExpire(db, key, at);
      call.propagate(['PEXPIREAT', key, String(at)]);
    }
    return integer(1);
  };
}

function ttl(unit: Unit) {
  return (call: Call): Reply => {
    const ks = call.server.keyspace;
    if (!ks.get(call.client.db, call.args[1]!)) return integer(-2);
    const at = ks.expireAt(call.client.db, call.args[1]!);
    if (at === undefined) return integer(-1);
    const left = Math.max(0, at - call.server.now());
    return integer(unit === 'ms' ? left : Math.floor((left + 500) / 1000));
  };
}

function rename(nx: boolean) {
  return (call: Call): Reply => {
    const [, from, to] = call.args as [string, string, string];
    const ks = call.server.keyspace;
    const db = call.client.db;
    const v = ks.get(db, from);
    if (!v) return error('ERR no such key');
    if (nx && ks.get(db, to)) return integer(0);
    const at = ks.expireAt(db, from);
    ks.delete(db, from);
    ks.set(db, to, v);
    if (at !== undefined) ks.setExpire(db, to, at);
    call.server.dirty++;
    return nx ? integer(1) : OK;
  };
}

export const KEY_COMMANDS: CommandTable = {
  del: {
    arity: -2,
    write: true,
    run: (call) => {
      let n = 0;
      for (const k of call.args.slice(1)) if (call.server.keyspace.delete(call.client.db, k)) n++;
      call.server.dirty += n;
      return integer(n);
    },
  },
  exists: { arity: -2, run: (call) => integer(call.args.slice(1).filter((k) => call.server.keyspace.get(call.client.db, k)).length) },
  type: { arity: 2, run: (call) => status(call.server.keyspace.get(call.client.db, call.args[1]!)?.type ?? 'none') },
  keys: { arity: 2, run: (call) => bulks(call.server.keyspace.keys(call.client.db).filter((k) => matchPattern(call.args[1]!, k))) },
  rename: { arity: 3, write: true, run: rename(false) },
  renamenx: { arity: 3, write: true, run: rename(true) },
  expire: { arity: -3, write: true, run: expire('s', false) },
  pexpire: { arity: -3, write: true, run: expire('ms', false) },
  expireat: { arity: -3, write: true, run: expire('s', true) },
  pexpireat: { arity: -3, write: true, run: expire('ms', true) },
  ttl: { arity: 2, run: ttl('s') },
  pttl: { arity: 2, run: ttl('ms') },
  persist: {
    arity: 2,
    write: true,
    run: (call) => {
      if (!call.server.keyspace.get(call.client.db, call.args[1]!)) return integer(0);
      const done = call.server.keyspace.persist(call.client.db, call.args[1]!);
      if (done) call.server.dirty++;
      return integer(done ? 1 : 0);
    },
  },
};
