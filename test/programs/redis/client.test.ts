import { describe, expect, it } from 'vitest';
import { ClientClosedError, ErrorReply, parseRedisUrl, RedisConnection, replyToJs } from '../../../engine/programs/redis/client.ts';
import { NetError } from '../../../engine/network/socket.ts';
import { array, bulk, error, integer, NIL, OK } from '../../../engine/programs/redis/resp.ts';
import { redisServer } from '../../../engine/programs/redis/server.ts';
import { box, start, until } from './helpers.ts';

describe('parseRedisUrl', () => {
  it('reads host, port, database and credentials with redis defaults', () => {
    expect(parseRedisUrl('redis://cache')).toEqual({ host: 'cache', port: 6379, database: 0 });
    expect(parseRedisUrl('redis://:pw@cache:7000/2')).toEqual({ host: 'cache', port: 7000, database: 2, password: 'pw' });
    expect(parseRedisUrl('redis://me:p%40ss@localhost')).toEqual({ host: 'localhost', port: 6379, database: 0, username: 'me', password: 'p@ss' });
    expect(() => parseRedisUrl('http://cache')).toThrow('Invalid protocol');
  });
});

describe('replies as JavaScript values', () => {
  it('maps each type and throws ErrorReply for errors', () => {
    expect(replyToJs(OK)).toBe('OK');
    expect(replyToJs(integer(3))).toBe(3);
    expect(replyToJs(NIL)).toBeNull();
    expect(replyToJs(array([bulk('a'), NIL]))).toEqual(['a', null]);
    expect(() => replyToJs(error('WRONGTYPE Operation against a key holding the wrong kind of value'))).toThrow(ErrorReply);
  });
});

describe('RedisConnection', () => {
  it('fails to connect with the socket error node-redis reports', async () => {
    const b = box();
    const e = await RedisConnection.connect(b.net, 'redis://localhost:6379').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NetError);
    expect((e as NetError).message).toBe('connect ECONNREFUSED 127.0.0.1:6379');
    const dns = await RedisConnection.connect(b.net, 'redis://cache:6379').catch((x: unknown) => x);
    expect((dns as NetError).message).toBe('getaddrinfo ENOTFOUND cache');
  });

  it('authenticates and selects the database from the URL; a closed client refuses commands', async () => {
    const b = box();
    const server = start(b, redisServer, ['redis-server', '--requirepass', 'pw']);
    await until(() => server.stdout.text().includes('Ready to accept connections'));
    await expect(RedisConnection.connect(b.net, 'redis://:nope@localhost')).rejects.toThrow('WRONGPASS invalid username-password pair or user is disabled.');
    const c = await RedisConnection.connect(b.net, 'redis://:pw@localhost/1');
    expect(await c.command('SET', 'k', 'v')).toBe('OK');
    expect(await c.command('INFO', 'keyspace')).toBe('# Keyspace\r\ndb1:keys=1,expires=0,avg_ttl=0,subexpiry=0\r\n');
    c.close();
    await expect(c.command('PING')).rejects.toThrow(new ClientClosedError().message);
    server.abort('SIGTERM');
    expect(await server.exit).toBe(0);
  });
});
