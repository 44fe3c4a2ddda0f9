/** Connection and server commands: PING, AUTH, SELECT, FLUSH*, INFO, SAVE/BGSAVE, CONFIG, CLIENT, SHUTDOWN... */
import { matchPattern } from '../shell/pattern.ts';
import { intArg, isOne, NOT_INTEGER, SYNTAX, wrongArgs, type Call, type CommandTable } from './kit.ts';
import { array, bulk, bulks, error, integer, NIL, OK, status, type Reply } from './resp.ts';

function flush(call: Call, all: boolean): Reply {
  if (call.args.length > 2 || (call.args.length === 2 && !isOne(call.args[1], 'async', 'sync'))) return SYNTAX;
  call.server.dirty += call.server.keyspace.flush(all ? undefined : call.client.db);
  // FLUSHALL rewrites the snapshot at once when save rules are configured, so an empty dataset is what survives.
  if (all && call.server.config.saveRules.length > 0) call.server.save();
  call.server.dirty++;
  return OK;
}

function auth(call: Call): Reply {
  if (call.args.length > 3) return SYNTAX;
  const [user, pass] = call.args.length === 3 ? [call.args[1]!, call.args[2]!] : ['default', call.args[1]!];
  const required = call.server.config.requirePass;
  if (required === '' && call.args.length === 2) return error('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?');
  if (user !== 'default' || (required !== '' && pass !== required)) return error('WRONGPASS invalid username-password pair or user is disabled.');
  call.client.authenticated = true;
  return OK;
}

function config(call: Call): Reply {
  const sub = call.args[1]!.toLowerCase();
  const cfg = call.server.config;
  if (sub === 'get') {
    if (call.args.length < 3) return error("ERR wrong number of arguments for 'config|get' command");
    const out: string[] = [];
    for (const [name, value] of cfg.entries()) if (call.args.slice(2).some((p) => matchPattern(p.toLowerCase(), name))) out.push(name, value);
    return bulks(out);
  }
  if (sub === 'set') {
    if (call.args.length < 4 || call.args.length % 2 !== 0) return error("ERR wrong number of arguments for 'config|set' command");
    for (let i = 2; i < call.args.length; i += 2) {
      const name = call.args[i]!.toLowerCase();
      // Changing these would need a restart or a rewrite Dockyard does not model; Redis calls them immutable.
      if (['port', 'bind', 'databases', 'dir', 'appendonly', 'appenddirname', 'daemonize'].includes(name)) return error(`ERR CONFIG SET failed (possibly related to argument '${name}') - can't set immutable config`);
      const value = call.args[i + 1]!;
      const problem = cfg.apply(name, name === 'save' || name === 'bind' ? (value === '' ? [''] : value.split(/\s+/)) : [value], { seen: false });
      if (problem === 'Bad directive or wrong number of arguments') return error(`ERR Unknown option or number of arguments for CONFIG SET - '${name}'`);
      if (problem) return error(`ERR CONFIG SET failed (possibly related to argument '${name}') - ${problem}`);
    }
    return OK;
  }
  if (sub === 'resetstat' && call.args.length === 2) return OK;
  return error(`ERR unknown subcommand '${call.args[1]!}'. Try CONFIG HELP.`);
}

function client(call: Call): Reply {
  const sub = call.args[1]!.toLowerCase();
  if (sub === 'setname' && call.args.length === 3) {
    if (/\s/.test(call.args[2]!)) return error('ERR Client names cannot contain spaces, newlines or special characters.');
    call.client.name = call.args[2]!;
    return OK;
  }
  if (sub === 'getname' && call.args.length === 2) return bulk(call.client.name === '' ? null : call.client.name);
  if (sub === 'id' && call.args.length === 2) return integer(call.client.id);
  // node-redis announces itself with CLIENT SETINFO LIB-NAME / LIB-VER (Redis 7.2+).
  if (sub === 'setinfo' && call.args.length === 4) return OK;
  return error(`ERR unknown subcommand '${call.args[1]!}'. Try CLIENT HELP.`);
}

export const SERVER_COMMANDS: CommandTable = {
  ping: {
    arity: -1,
    run: (call) => (call.args.length > 2 ? wrongArgs('ping') : call.args.length === 2 ? bulk(call.args[1]!) : status('PONG')),
  },
  echo: { arity: 2, run: (call) => bulk(call.args[1]!) },
  quit: {
    arity: -1,
    run: (call) => {
      call.close();
      return OK;
    },
  },
  auth: { arity: -2, run: auth },
  select: {
    arity: 2,
    run: (call) => {
      const n = intArg(call.args[1]!);
      if (n === undefined) return NOT_INTEGER;
      if (n < 0 || n >= call.server.config.databases) return error('ERR DB index is out of range');
      call.client.db = n;
      return OK;
    },
  },
  dbsize: { arity: 1, run: (call) => integer(call.server.keyspace.size(call.client.db)) },
  flushall: { arity: -1, write: true, run: (call) => flush(call, true) },
  flushdb: { arity: -1, write: true, run: (call) => flush(call, false) },
  info: { arity: -1, run: (call) => bulk(call.server.info(call.args[1]?.toLowerCase(), call.client)) },
  save: { arity: 1, run: (call) => call.server.save() },
  bgsave: { arity: -1, run: (call) => (call.args.length > 2 || (call.args.length === 2 && !isOne(call.args[1], 'schedule')) ? SYNTAX : call.server.bgsave()) },
  lastsave: { arity: 1, run: (call) => integer(call.server.lastSave()) },
  time: {
    arity: 1,
    run: (call) => {
      const ms = call.server.now();
      return bulks([String(Math.floor(ms / 1000)), String((ms % 1000) * 1000)]);
    },
  },
  config: { arity: -2, run: config },
  client: { arity: -2, run: client },
  // Clients ask for command metadata (COMMAND DOCS); Dockyard has none to give, an empty answer is valid RESP.
  command: { arity: -1, run: (call) => (isOne(call.args[1], 'count') ? integer(0) : array([])) },
  hello: {
    arity: -1,
    run: (call) => {
      if (call.args.length > 1 && call.args[1] !== '2') return error('NOPROTO sorry, this protocol version is not supported.');
      return array([bulk('server'), bulk('redis'), bulk('version'), bulk(call.server.version), bulk('proto'), integer(2), bulk('id'), integer(call.client.id), bulk('mode'), bulk('standalone'), bulk('role'), bulk('master'), bulk('modules'), array([])]);
    },
  },
  shutdown: {
    arity: -1,
    run: (call) => {
      const flags = call.args.slice(1).map((a) => a.toLowerCase());
      if (flags.some((f) => !['save', 'nosave', 'now', 'force', 'abort'].includes(f)) || (flags.includes('save') && flags.includes('nosave'))) return SYNTAX;
      const refused = call.server.shutdown(flags.includes('nosave') ? 'nosave' : flags.includes('save') ? 'save' : 'default');
      if (refused) return refused;
      call.close();
      return NIL;
    },
  },
};
