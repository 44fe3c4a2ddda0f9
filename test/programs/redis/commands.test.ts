import { beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../engine/core/clock.ts';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import { RedisConfig } from '../../../engine/programs/redis/config.ts';
import { RedisInstance } from '../../../engine/programs/redis/instance.ts';
import type { ClientState } from '../../../engine/programs/redis/kit.ts';
import { Logger } from '../../../engine/programs/redis/log.ts';
import { array, bulk, bulks, error, integer, NIL, OK, status, type Reply } from '../../../engine/programs/redis/resp.ts';
import { Collector } from '../../../engine/programs/streams.ts';
import { START } from './helpers.ts';

let clock: VirtualClock;
let server: RedisInstance;
let client: ClientState;
const r = (...args: string[]): Reply => server.run(client, args).reply;

function instance(config = new RedisConfig()): RedisInstance {
  const fs = new TreeFs(undefined, () => clock.nowSeconds());
  fs.mkdir('/data');
  const build = { version: '7.4.4', major: 7, modified: 0 as const, buildId: 'x' };
  return new RedisInstance({ fs, clock, config, build, log: new Logger(new Collector(), () => clock.now()), dir: '/data' });
}

beforeEach(() => {
  clock = new VirtualClock(START);
  server = instance();
  client = server.newClient();
});

describe('errors as Redis words them', () => {
  it('names an unknown command and quotes the start of its arguments', () => {
    expect(r('FOO', 'a', 'b')).toEqual(error("ERR unknown command 'FOO', with args beginning with: 'a' 'b' "));
    expect(r('hello!')).toEqual(error("ERR unknown command 'hello!', with args beginning with: "));
  });

  it('checks arity against the lower-case command name', () => {
    expect(r('GET')).toEqual(error("ERR wrong number of arguments for 'get' command"));
    expect(r('SET', 'k')).toEqual(error("ERR wrong number of arguments for 'set' command"));
    expect(r('MSET', 'a', '1', 'b')).toEqual(error("ERR wrong number of arguments for 'mset' command"));
    expect(r('HSET', 'h', 'f', 'v', 'g')).toEqual(error("ERR wrong number of arguments for 'hset' command"));
    expect(r('PING', 'a', 'b')).toEqual(error("ERR wrong number of arguments for 'ping' command"));
  });

  it('refuses an operation on the wrong type', () => {
    r('LPUSH', 'l', 'x');
    const wrongType = error('WRONGTYPE Operation against a key holding the wrong kind of value');
    expect(r('GET', 'l')).toEqual(wrongType);
    expect(r('INCR', 'l')).toEqual(wrongType);
    expect(r('HGET', 'l', 'f')).toEqual(wrongType);
    expect(r('SADD', 'l', 'm')).toEqual(wrongType);
    expect(r('MGET', 'l')).toEqual(bulks([null]));
  });
});

describe('strings', () => {
  it('SET and GET, with NX, XX and GET', () => {
    expect(r('SET', 'a', '1')).toEqual(OK);
    expect(r('GET', 'a')).toEqual(bulk('1'));
    expect(r('GET', 'missing')).toEqual(NIL);
    expect(r('SET', 'a', '2', 'NX')).toEqual(NIL);
    expect(r('SET', 'b', '2', 'XX')).toEqual(NIL);
    expect(r('SET', 'a', '3', 'XX', 'GET')).toEqual(bulk('1'));
    expect(r('GET', 'a')).toEqual(bulk('3'));
    expect(r('SET', 'a', '4', 'NX', 'XX')).toEqual(error('ERR syntax error'));
    expect(r('SET', 'a', '4', 'EX', 'soon')).toEqual(error('ERR value is not an integer or out of range'));
    expect(r('SET', 'a', '4', 'EX', '0')).toEqual(error("ERR invalid expire time in 'set' command"));
  });

  it('counts with INCR/DECR/INCRBY and refuses what is not an integer', () => {
    expect(r('INCR', 'n')).toEqual(integer(1));
    expect(r('INCRBY', 'n', '41')).toEqual(integer(42));
    expect(r('DECR', 'n')).toEqual(integer(41));
    expect(r('DECRBY', 'n', '1')).toEqual(integer(40));
    r('SET', 's', 'abc');
    expect(r('INCR', 's')).toEqual(error('ERR value is not an integer or out of range'));
    expect(r('INCRBY', 'n', 'x')).toEqual(error('ERR value is not an integer or out of range'));
    r('SET', 'max', '9223372036854775807');
    expect(r('INCR', 'max')).toEqual(error('ERR increment or decrement would overflow'));
  });

  it('APPEND, STRLEN, MSET, MGET', () => {
    expect(r('APPEND', 'greet', 'Hello')).toEqual(integer(5));
    expect(r('APPEND', 'greet', ' World')).toEqual(integer(11));
    expect(r('STRLEN', 'greet')).toEqual(integer(11));
    expect(r('MSET', 'x', '1', 'y', '2')).toEqual(OK);
    expect(r('MGET', 'x', 'nope', 'y')).toEqual(bulks(['1', null, '2']));
  });
});

describe('expiry on the virtual clock', () => {
  it('SET EX then TTL counts down; the key is gone once the clock passes', () => {
    r('SET', 'session', 'abc', 'EX', '10');
    expect(r('TTL', 'session')).toEqual(integer(10));
    clock.advance(3_400);
    expect(r('TTL', 'session')).toEqual(integer(7));
    expect(r('PTTL', 'session')).toEqual(integer(6_600));
    clock.advance(6_600);
    expect(r('GET', 'session')).toEqual(NIL);
    expect(r('TTL', 'session')).toEqual(integer(-2));
    expect(r('EXISTS', 'session')).toEqual(integer(0));
  });

  it('EXPIRE, its NX/XX/GT/LT conditions, PERSIST and TTL -1', () => {
    r('SET', 'k', 'v');
    expect(r('TTL', 'k')).toEqual(integer(-1));
    expect(r('EXPIRE', 'nope', '5')).toEqual(integer(0));
    expect(r('EXPIRE', 'k', '100', 'XX')).toEqual(integer(0));
    expect(r('EXPIRE', 'k', '100', 'NX')).toEqual(integer(1));
    expect(r('EXPIRE', 'k', '50', 'GT')).toEqual(integer(0));
    expect(r('EXPIRE', 'k', '50', 'LT')).toEqual(integer(1));
    expect(r('TTL', 'k')).toEqual(integer(50));
    expect(r('EXPIRE', 'k', '5', 'NX', 'XX')).toEqual(error('ERR NX and XX, GT or LT options at the same time are not compatible'));
    expect(r('PERSIST', 'k')).toEqual(integer(1));
    expect(r('TTL', 'k')).toEqual(integer(-1));
    expect(r('EXPIRE', 'k', '0')).toEqual(integer(1));
    expect(r('EXISTS', 'k')).toEqual(integer(0));
  });

  it('a plain SET clears the TTL, KEEPTTL keeps it, INCR keeps it', () => {
    r('SET', 'a', '1', 'PX', '5000');
    r('INCR', 'a');
    expect(r('PTTL', 'a')).toEqual(integer(5000));
    r('SET', 'a', '5', 'KEEPTTL');
    expect(r('PTTL', 'a')).toEqual(integer(5000));
    r('SET', 'a', '6');
    expect(r('TTL', 'a')).toEqual(integer(-1));
  });

  it('KEYS and DBSIZE leave out expired keys', () => {
    r('SET', 'user:1', 'a');
    r('SET', 'user:2', 'b', 'EX', '1');
    r('SET', 'other', 'c');
    expect(r('KEYS', 'user:*')).toEqual(bulks(['user:1', 'user:2']));
    clock.advance(1_000);
    expect(r('KEYS', '*')).toEqual(bulks(['user:1', 'other']));
    expect(r('DBSIZE')).toEqual(integer(2));
  });
});

describe('keys', () => {
  it('DEL and EXISTS count keys (EXISTS counts repeats), TYPE names the type', () => {
    r('MSET', 'a', '1', 'b', '2');
    expect(r('EXISTS', 'a', 'a', 'zz')).toEqual(integer(2));
    expect(r('DEL', 'a', 'b', 'zz')).toEqual(integer(2));
    r('HSET', 'h', 'f', 'v');
    expect(r('TYPE', 'h')).toEqual(status('hash'));
    expect(r('TYPE', 'zz')).toEqual(status('none'));
  });

  it('KEYS understands Redis glob patterns', () => {
    r('MSET', 'hello', '1', 'hallo', '2', 'hxllo', '3', 'hllo', '4');
    expect(r('KEYS', 'h?llo')).toEqual(bulks(['hello', 'hallo', 'hxllo']));
    expect(r('KEYS', 'h[ae]llo')).toEqual(bulks(['hello', 'hallo']));
    expect(r('KEYS', 'h[^e]llo')).toEqual(bulks(['hallo', 'hxllo']));
    expect(r('KEYS', 'h*llo')).toEqual(bulks(['hello', 'hallo', 'hxllo', 'hllo']));
  });
});

describe('hashes, lists, sets', () => {
  it('HSET counts new fields; HGETALL keeps insertion order; HDEL removes an emptied key', () => {
    expect(r('HSET', 'user:1', 'name', 'Ada', 'lang', 'en')).toEqual(integer(2));
    expect(r('HSET', 'user:1', 'name', 'Grace', 'age', '36')).toEqual(integer(1));
    expect(r('HGET', 'user:1', 'name')).toEqual(bulk('Grace'));
    expect(r('HGET', 'user:1', 'nope')).toEqual(NIL);
    expect(r('HGETALL', 'user:1')).toEqual(bulks(['name', 'Grace', 'lang', 'en', 'age', '36']));
    expect(r('HDEL', 'user:1', 'name', 'lang', 'age', 'x')).toEqual(integer(3));
    expect(r('EXISTS', 'user:1')).toEqual(integer(0));
    expect(r('HGETALL', 'user:1')).toEqual(array([]));
  });

  it('LPUSH/RPUSH, LRANGE with negative indexes, LPOP/RPOP with and without a count', () => {
    expect(r('RPUSH', 'q', 'a', 'b', 'c')).toEqual(integer(3));
    expect(r('LPUSH', 'q', 'z', 'y')).toEqual(integer(5));
    expect(r('LRANGE', 'q', '0', '-1')).toEqual(bulks(['y', 'z', 'a', 'b', 'c']));
    expect(r('LRANGE', 'q', '-2', '-1')).toEqual(bulks(['b', 'c']));
    expect(r('LRANGE', 'q', '5', '10')).toEqual(array([]));
    expect(r('LLEN', 'q')).toEqual(integer(5));
    expect(r('LPOP', 'q')).toEqual(bulk('y'));
    expect(r('RPOP', 'q', '2')).toEqual(bulks(['c', 'b']));
    expect(r('LPOP', 'missing')).toEqual(NIL);
    expect(r('LPOP', 'missing', '2')).toEqual(array(null));
    expect(r('LPOP', 'q', '-1')).toEqual(error('ERR value is out of range, must be positive'));
  });

  it('SADD/SREM/SCARD; members of an all-integer set come back sorted, others in insertion order', () => {
    expect(r('SADD', 'nums', '10', '2', '33', '2')).toEqual(integer(3));
    expect(r('SMEMBERS', 'nums')).toEqual(bulks(['2', '10', '33']));
    expect(r('SADD', 'tags', 'redis', 'docker', 'redis')).toEqual(integer(2));
    expect(r('SMEMBERS', 'tags')).toEqual(bulks(['redis', 'docker']));
    expect(r('SCARD', 'tags')).toEqual(integer(2));
    expect(r('SREM', 'tags', 'redis', 'nope')).toEqual(integer(1));
    expect(r('SMEMBERS', 'nope')).toEqual(array([]));
  });
});

describe('server commands', () => {
  it('PING, ECHO, SELECT and databases, FLUSHDB, FLUSHALL', () => {
    expect(r('PING')).toEqual(status('PONG'));
    expect(r('PING', 'hi')).toEqual(bulk('hi'));
    expect(r('ECHO', 'x')).toEqual(bulk('x'));
    r('SET', 'a', '0');
    expect(r('SELECT', '1')).toEqual(OK);
    expect(r('GET', 'a')).toEqual(NIL);
    r('SET', 'a', '1');
    expect(r('SELECT', '16')).toEqual(error('ERR DB index is out of range'));
    expect(r('SELECT', 'x')).toEqual(error('ERR value is not an integer or out of range'));
    expect(r('FLUSHDB')).toEqual(OK);
    expect(r('DBSIZE')).toEqual(integer(0));
    r('SELECT', '0');
    expect(r('DBSIZE')).toEqual(integer(1));
    expect(r('FLUSHALL')).toEqual(OK);
    expect(r('DBSIZE')).toEqual(integer(0));
  });

  it('CONFIG GET answers name/value pairs, with globs', () => {
    expect(r('CONFIG', 'GET', 'save')).toEqual(bulks(['save', '3600 1 300 100 60 10000']));
    expect(r('CONFIG', 'GET', 'appendonly')).toEqual(bulks(['appendonly', 'no']));
    expect(r('CONFIG', 'GET', 'dbfile*')).toEqual(bulks(['dbfilename', 'dump.rdb']));
    expect(r('CONFIG', 'SET', 'save', '')).toEqual(OK);
    expect(r('CONFIG', 'GET', 'save')).toEqual(bulks(['save', '']));
    expect(r('CONFIG', 'FOO')).toEqual(error("ERR unknown subcommand 'FOO'. Try CONFIG HELP."));
  });

  it('INFO has the sections and fields people grep for', () => {
    r('SET', 'a', '1');
    const info = (r('INFO') as { value: string }).value;
    expect(info).toContain('# Server\r\nredis_version:7.4.4\r\n');
    expect(info).toContain('role:master\r\n');
    expect(info).toContain('# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=0,subexpiry=0\r\n');
    expect((r('INFO', 'keyspace') as { value: string }).value.startsWith('# Keyspace')).toBe(true);
  });

  it('with requirepass, everything but AUTH needs authentication', () => {
    const config = new RedisConfig();
    config.apply('requirepass', ['s3cret']);
    server = instance(config);
    client = server.newClient();
    expect(r('GET', 'a')).toEqual(error('NOAUTH Authentication required.'));
    expect(r('AUTH', 'wrong')).toEqual(error('WRONGPASS invalid username-password pair or user is disabled.'));
    expect(r('AUTH', 's3cret')).toEqual(OK);
    expect(r('GET', 'a')).toEqual(NIL);
  });

  it('AUTH without a configured password says so', () => {
    expect(r('AUTH', 'x')).toEqual(error('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?'));
  });
});
