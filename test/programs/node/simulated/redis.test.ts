import { describe, expect, it } from 'vitest';
import { appMachine, listening, network, runNode, startRedis, DB_ADDRESS } from './databases.ts';

const APP = `const { createClient } = require('redis');
async function main() {
  const client = createClient({ url: 'redis://cache:6379' });
  client.on('error', (err) => console.log('Redis Client Error', err.message));
  client.on('ready', () => console.log('ready'));
  await client.connect();
  console.log(await client.set('greeting', 'hello'), await client.get('greeting'), await client.get('nothing'));
  console.log(await client.incr('visits'), await client.incrBy('visits', 10), await client.del('visits'));
  console.log(await client.set('session', 'x', { EX: 60 }), await client.ttl('session'), await client.expire('session', 10));
  console.log(await client.hSet('user:1', { name: 'ada', age: 36 }), await client.hGet('user:1', 'name'));
  console.log(await client.hGetAll('user:1'));
  console.log(await client.lPush('jobs', ['a', 'b']), await client.rPush('jobs', 'c'), await client.lRange('jobs', 0, -1));
  console.log(await client.sAdd('tags', ['x', 'y']), await client.sIsMember('tags', 'x'), (await client.sMembers('tags')).sort());
  console.log(await client.multi().set('k', '1').incr('k').get('k').exec());
  try {
    await client.incr('greeting');
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
  console.log(await client.quit(), client.isOpen);
  try {
    await client.get('greeting');
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
main();
`;

describe('the redis package in the node sandbox', () => {
  it('speaks to redis-server across the network with node-redis 4 names and reply shapes, and ends after quit()', async () => {
    const n = network('cache');
    startRedis(n);
    await listening(n.db, DB_ADDRESS, 6379);
    const m = appMachine(n, { '/app/app.js': APP }, { redis: '4.7.1' });
    const r = await runNode(n, m, ['node', 'app.js']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'ready',
        'OK hello null',
        '1 11 1',
        'OK 60 true',
        '2 ada',
        "[Object: null prototype] { name: 'ada', age: '36' }",
        "2 3 [ 'b', 'a', 'c' ]",
        "2 true [ 'x', 'y' ]",
        "[ 'OK', 2, '2' ]",
        'ErrorReply: ERR value is not an integer or out of range',
        'OK false',
        'ClientClosedError: The client is closed',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
  });

  it('gives numbers where node-redis 5 does', async () => {
    const n = network('cache');
    startRedis(n);
    await listening(n.db, DB_ADDRESS, 6379);
    const app = "const { createClient } = require('redis');\n(async () => { const c = await createClient({ url: 'redis://cache' }).connect(); await c.sAdd('s', 'x'); console.log(await c.sIsMember('s', 'x'), await c.expire('s', 5)); c.destroy(); })();\n";
    const r = await runNode(n, appMachine(n, { '/app/app.js': app }, { redis: '5.6.0' }), ['node', 'app.js']);
    expect(r).toMatchObject({ stdout: '1 1\n', stderr: '', status: 0 });
  });

  it('emits each failed attempt as an error event and keeps retrying until the server is there', async () => {
    const n = network('cache');
    const app = "const { createClient } = require('redis');\nconst c = createClient({ url: 'redis://cache:6379' });\nlet n = 0;\nc.on('error', (e) => { console.log(e.message, e.code); if (++n === 3) c.disconnect(); });\nc.connect().catch((e) => console.log('connect:', e.name));\n";
    const r = await runNode(n, appMachine(n, { '/app/app.js': app }, { redis: '4.7.1' }), ['node', 'app.js']);
    expect(r.stdout).toBe('connect ECONNREFUSED 172.18.0.2:6379 ECONNREFUSED\n'.repeat(3) + 'connect: ClientClosedError\n');
    expect(r.status).toBe(0);
  });

  it('crashes an app without an error listener as Node does for an unhandled error event', async () => {
    const n = network('cache', false);
    const app = "const { createClient } = require('redis');\ncreateClient({ url: 'redis://cache:6379' }).connect();\n";
    const r = await runNode(n, appMachine(n, { '/app/app.js': app }, { redis: '4.7.1' }), ['node', 'app.js']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: getaddrinfo ENOTFOUND cache');
    expect(r.stderr).toContain("  code: 'ENOTFOUND',\n  syscall: 'getaddrinfo',\n  hostname: 'cache'\n}");
  });
});
