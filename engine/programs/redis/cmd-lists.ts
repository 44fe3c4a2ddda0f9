/** List commands (t_list.c): pushes, pops (with Redis 6.2's count), LRANGE, LLEN, LINDEX. */
import { intArg, lookup, NOT_INTEGER, WRONGTYPE, type Call, type CommandTable } from './kit.ts';
import { array, bulk, bulks, error, integer, NIL, type Reply } from './resp.ts';

function push(left: boolean) {
  return (call: Call): Reply => {
    const v = lookup(call, call.args[1]!, 'list');
    if (v === 'wrongtype') return WRONGTYPE;
    const list = v ?? { type: 'list' as const, items: [] };
    for (const item of call.args.slice(2)) {
      if (left) list.items.unshift(item);
      else list.items.push(item);
    }
    if (!v) call.server.keyspace.set(call.client.db, call.args[1]!, list);
    call.server.dirty += call.args.length - 2;
    return integer(list.items.length);
  };
}

function pop(left: boolean) {
  return (call: Call): Reply => {
    if (call.args.length > 3) return error(`ERR wrong number of arguments for '${call.args[0]!.toLowerCase()}' command`);
    const withCount = call.args.length === 3;
    const count = withCount ? intArg(call.args[2]!) : 1;
    if (count === undefined || count < 0) return error('ERR value is out of range, must be positive');
    const v = lookup(call, call.args[1]!, 'list');
    if (v === 'wrongtype') return WRONGTYPE;
    if (!v) return withCount ? array(null) : NIL;
    const taken = left ? v.items.splice(0, count) : v.items.splice(Math.max(0, v.items.length - count)).reverse();
    if (v.items.length === 0) call.server.keyspace.delete(call.client.db, call.args[1]!);
    if (taken.length > 0) call.server.dirty++;
    return withCount ? bulks(taken) : bulk(taken[0] ?? null);
  };
}

export const LIST_COMMANDS: CommandTable = {
  lpush: { arity: -3, write: true, run: push(true) },
  rpush: { arity: -3, write: true, run: push(false) },
  lpop: { arity: -2, write: true, run: pop(true) },
  rpop: { arity: -2, write: true, run: pop(false) },
  llen: {
    arity: 2,
    run: (call) => {
      const v = lookup(call, call.args[1]!, 'list');
      return v === 'wrongtype' ? WRONGTYPE : integer(v?.items.length ?? 0);
    },
  },
  lrange: {
    arity: 4,
    run: (call) => {
      let start = intArg(call.args[2]!);
      let stop = intArg(call.args[3]!);
      if (start === undefined || stop === undefined) return NOT_INTEGER;
      const v = lookup(call, call.args[1]!, 'list');
      if (v === 'wrongtype') return WRONGTYPE;
      const items = v?.items ?? [];
      if (start < 0) start = Math.max(0, items.length + start);
      if (stop < 0) stop = items.length + stop;
      return bulks(start > stop ? [] : items.slice(start, stop + 1));
    },
  },
  lindex: {
    arity: 3,
    run: (call) => {
      const i = intArg(call.args[2]!);
      if (i === undefined) return NOT_INTEGER;
      const v = lookup(call, call.args[1]!, 'list');
      if (v === 'wrongtype') return WRONGTYPE;
      return bulk(v?.items.at(i) ?? null);
    },
  },
};
