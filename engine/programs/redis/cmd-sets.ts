/** Set commands (t_set.c). */
import { lookup, WRONGTYPE, type Call, type CommandTable } from './kit.ts';
import { bulks, integer, type Reply } from './resp.ts';
import { addMember, newSet } from './store.ts';

function read(call: Call, f: (members: Set<string>) => Reply): Reply {
  const v = lookup(call, call.args[1]!, 'set');
  return v === 'wrongtype' ? WRONGTYPE : f(v?.members ?? new Set());
}

export const SET_COMMANDS: CommandTable = {
  sadd: {
    arity: -3,
    write: true,
    run: (call) => {
      const v = lookup(call, call.args[1]!, 'set');
      if (v === 'wrongtype') return WRONGTYPE;
      const set = v ?? newSet();
      let added = 0;
      for (const m of call.args.slice(2)) if (addMember(set, m)) added++;
      if (!v) call.server.keyspace.set(call.client.db, call.args[1]!, set);
      call.server.dirty += added;
      return integer(added);
    },
  },
  srem: {
    arity: -3,
    write: true,
    run: (call) =>
      read(call, (members) => {
        let n = 0;
        for (const m of call.args.slice(2)) if (members.delete(m)) n++;
        if (members.size === 0) call.server.keyspace.delete(call.client.db, call.args[1]!);
        call.server.dirty += n;
        return integer(n);
      }),
  },
  smembers: { arity: 2, run: (call) => read(call, (m) => bulks([...m])) },
  scard: { arity: 2, run: (call) => read(call, (m) => integer(m.size)) },
  sismember: { arity: 3, run: (call) => read(call, (m) => integer(m.has(call.args[2]!) ? 1 : 0)) },
};
