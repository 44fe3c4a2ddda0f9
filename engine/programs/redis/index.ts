/** The redis image's programs, by the names its files carry, for the container program registry. */
import type { Program } from '../process.ts';
import { redisCli } from './cli.ts';
import { redisServer } from './server.ts';

export const REDIS_PROGRAMS: Readonly<Record<string, Program>> = {
  'redis-server': redisServer,
  'redis-cli': redisCli,
};

export { RedisConnection, parseRedisUrl, replyToJs, ErrorReply, ClientClosedError, SocketClosedUnexpectedlyError, type RedisAddress, type RedisJsValue } from './client.ts';
