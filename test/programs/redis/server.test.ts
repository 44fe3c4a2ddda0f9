import { describe, expect, it } from 'vitest';
import { redisServer } from '../../../engine/programs/redis/server.ts';
import { RedisConnection } from '../../../engine/programs/redis/client.ts';
import { box, listening, settle, start, until, type Box, type Running } from './helpers.ts';

const T = '29 Nov 2026 14:00:00.000';

async function boot(b: Box, args: string[] = [], o: Parameters<typeof start>[3] = {}): Promise<Running> {
  const run = start(b, redisServer, ['redis-server', ...args], o);
  await until(() => run.stdout.text().includes('Ready to accept connections tcp') || run.stderr.text() !== '', 'the server to start');
  return run;
}

async function stop(run: Running): Promise<number> {
  run.abort('SIGTERM');
  return run.exit;
}

describe('redis-server start', () => {
  it('logs its start as redis:7.4 does in docker logs', async () => {
    const b = box();
    const run = await boot(b);
    expect(run.stdout.text()).toBe(
      [
        `1:C ${T} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
        `1:C ${T} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
        `1:C ${T} * Redis version=7.4.4, bits=64, commit=00000000, modified=0, pid=1, just started`,
        `1:C ${T} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
        `1:M ${T} * monotonic clock: POSIX clock_gettime`,
        `1:M ${T} * Running mode=standalone, port=6379.`,
        `1:M ${T} * Server initialized`,
        `1:M ${T} * Ready to accept connections tcp`,
        '',
      ].join('\n'),
    );
    expect(await listening(b, 6379)).toBe(true);
    await stop(run);
  });

  it('shows the logo on a terminal and Redis 8 module lines for 8.0', async () => {
    const b = box();
    const run = await boot(b, [], { tty: true, env: { REDIS_DOWNLOAD_URL: 'https://github.com/redis/redis/archive/refs/tags/8.0.2.tar.gz' } });
    const out = run.stdout.text();
    expect(out).toContain('modified=1, pid=1, just started\n');
    expect(out).toContain('* Configuration loaded\n');
    expect(out).toContain('Redis Open Source');
    expect(out).toContain('     Port: 6379\n');
    expect(out).not.toContain('Running mode=');
    expect(out).toContain("* Module 'ReJSON' loaded from /usr/local/lib/redis/modules//rejson.so\n");
    await stop(run);
  });

  it('--version and --port', async () => {
    const b = box();
    const v = start(b, redisServer, ['redis-server', '--version']);
    expect(await v.exit).toBe(0);
    expect(v.stdout.text()).toMatch(/^Redis server v=7\.4\.4 sha=00000000:0 malloc=jemalloc-5\.3\.0 bits=64 build=[0-9a-f]{16}\n$/);
    const run = await boot(b, ['--port', '7000']);
    expect(run.stdout.text()).toContain('* Configuration loaded\n');
    expect(run.stdout.text()).toContain('Running mode=standalone, port=7000.');
    expect(await listening(b, 7000)).toBe(true);
    await stop(run);
  });

  // config.c appends the options after a newline even without a file, so they start on line 2.
  it('refuses a bad option as config.c does', async () => {
    const run = start(box(), redisServer, ['redis-server', '--appendonly', 'maybe']);
    expect(await run.exit).toBe(1);
    expect(run.stderr.text()).toBe("\n*** FATAL CONFIG FILE ERROR (Redis 7.4.4) ***\nReading the configuration file, at line 2\n>>> 'appendonly \"maybe\"'\nargument must be 'yes' or 'no'\n");
    const unknown = start(box(), redisServer, ['redis-server', '--foo', 'bar']);
    expect(await unknown.exit).toBe(1);
    expect(unknown.stderr.text()).toContain('Bad directive or wrong number of arguments\n');
    // An Object method's name is no directive (found by fuzzing).
    const proto = start(box(), redisServer, ['redis-server', '--__proto__', 'x']);
    expect(await proto.exit).toBe(1);
    expect(proto.stderr.text()).toContain('Bad directive or wrong number of arguments\n');
  });

  it('reads a config file given first', async () => {
    const b = box();
    b.fs.writeFile('/data/redis.conf', '# mine\nport 6380\nappendonly yes\n');
    const run = await boot(b, ['redis.conf']);
    expect(await listening(b, 6380)).toBe(true);
    expect(run.stdout.text()).toContain('* Configuration loaded\n');
    await stop(run);
  });

  it('gives up when the port is taken', async () => {
    const b = box();
    b.net.listen(6379);
    const run = start(b, redisServer, ['redis-server']);
    expect(await run.exit).toBe(1);
    expect(run.stdout.text()).toContain(`1:M ${T} # Warning: Could not create server TCP listening socket *:6379: bind: Address already in use\n1:M ${T} # Failed listening on port 6379 (tcp), aborting.\n`);
  });
});

describe('serving clients', () => {
  it('answers commands over the socket, pipelined, and closes on QUIT', async () => {
    const b = box();
    const run = await boot(b);
    const c = await RedisConnection.connect(b.net, 'redis://localhost:6379');
    const replies = await Promise.all([c.command('SET', 'a', '1'), c.command('INCR', 'a'), c.command('GET', 'a'), c.command('LRANGE', 'nope', 0, -1)]);
    expect(replies).toEqual(['OK', 2, '2', []]);
    await expect(c.command('NOPE')).rejects.toThrow("ERR unknown command 'NOPE', with args beginning with: ");
    expect(await c.command('QUIT')).toBe('OK');
    await settle();
    expect(c.isOpen).toBe(false);
    await stop(run);
  });
});

describe('persistence', () => {
  it('SIGTERM saves dump.rdb and exits 0; a restart over the same files has the data', async () => {
    const b = box();
    const first = await boot(b);
    const c = await RedisConnection.connect(b.net, 'redis://localhost');
    await c.command('SET', 'visits', '41');
    await c.command('HSET', 'user:1', 'name', 'Ada');
    await c.command('RPUSH', 'jobs', 'a', 'b');
    b.clock.advance(5_000);
    expect(await stop(first)).toBe(0);
    const t = '29 Nov 2026 14:00:05.000';
    expect(first.stdout.text()).toContain(
      [
        `1:signal-handler (1795960805) Received SIGTERM scheduling shutdown...`,
        `1:M ${t} * User requested shutdown...`,
        `1:M ${t} * Saving the final RDB snapshot before exiting.`,
        `1:M ${t} * DB saved on disk`,
        `1:M ${t} # Redis is now ready to exit, bye bye...`,
        '',
      ].join('\n'),
    );
    expect(b.fs.exists('/data/dump.rdb')).toBe(true);
    expect(c.isOpen).toBe(false);

    b.clock.advance(8_000);
    const again = box(b.fs, b.clock);
    const second = await boot(again);
    const t2 = '29 Nov 2026 14:00:13.000';
    expect(second.stdout.text()).toContain(
      [
        `1:M ${t2} * Server initialized`,
        `1:M ${t2} * Loading RDB produced by version 7.4.4`,
        `1:M ${t2} * RDB age 8 seconds`,
        `1:M ${t2} * RDB memory usage when created 0.90 Mb`,
        `1:M ${t2} * Done loading RDB, keys loaded: 3, keys expired: 0.`,
        `1:M ${t2} * DB loaded from disk: 0.000 seconds`,
        `1:M ${t2} * Ready to accept connections tcp`,
      ].join('\n'),
    );
    const c2 = await RedisConnection.connect(again.net, 'redis://localhost');
    expect(await c2.command('INCR', 'visits')).toBe(42);
    expect(await c2.command('HGETALL', 'user:1')).toEqual(['name', 'Ada']);
    expect(await c2.command('LRANGE', 'jobs', 0, -1)).toEqual(['a', 'b']);
    await stop(second);
  });

  it('a fresh filesystem starts empty', async () => {
    const b = box();
    const first = await boot(b);
    const c = await RedisConnection.connect(b.net, 'redis://localhost');
    await c.command('SET', 'k', 'v');
    await stop(first);
    const fresh = box();
    const second = await boot(fresh);
    expect(second.stdout.text()).not.toContain('DB loaded from disk');
    const c2 = await RedisConnection.connect(fresh.net, 'redis://localhost');
    expect(await c2.command('DBSIZE')).toBe(0);
    await stop(second);
  });

  it('with save "" nothing is written on shutdown', async () => {
    const b = box();
    const run = await boot(b, ['--save', '']);
    const c = await RedisConnection.connect(b.net, 'redis://localhost');
    await c.command('SET', 'k', 'v');
    expect(await stop(run)).toBe(0);
    expect(run.stdout.text()).not.toContain('Saving the final RDB snapshot');
    expect(b.fs.exists('/data/dump.rdb')).toBe(false);
  });

  it('the default save rule "3600 1" takes a background snapshot an hour after the first change', async () => {
    const b = box();
    const run = await boot(b);
    const c = await RedisConnection.connect(b.net, 'redis://localhost');
    await c.command('SET', 'k', 'v');
    b.clock.advance(3_600_000);
    expect(b.fs.exists('/data/dump.rdb')).toBe(false);
    b.clock.advance(1_000);
    await settle();
    const t = '29 Nov 2026 15:00:01.000';
    expect(run.stdout.text()).toContain(
      [
        `1:M ${t} * 1 changes in 3600 seconds. Saving...`,
        `1:M ${t} * Background saving started by pid 19`,
        `19:C ${t} * DB saved on disk`,
        `19:C ${t} * Fork CoW for RDB: current 0 MB, peak 0 MB, average 0 MB`,
        `1:M ${t} * Background saving terminated with success`,
      ].join('\n'),
    );
    expect(b.fs.exists('/data/dump.rdb')).toBe(true);
    expect(await c.command('LASTSAVE')).toBe(Math.floor(b.clock.now() / 1000));
    await stop(run);
  });

  it('SAVE writes the snapshot at once; expired keys are not saved', async () => {
    const b = box();
    const run = await boot(b, ['--save', '']);
    const c = await RedisConnection.connect(b.net, 'redis://localhost');
    await c.command('SET', 'short', 'x', 'EX', '1');
    await c.command('SET', 'long', 'y');
    b.clock.advance(2_000);
    expect(await c.command('SAVE')).toBe('OK');
    await stop(run);
    const again = box(b.fs, b.clock);
    const second = await boot(again);
    expect(second.stdout.text()).toContain('Done loading RDB, keys loaded: 1, keys expired: 0.');
    await stop(second);
  });

  it('appendonly yes keeps an AOF in appendonlydir that a restart replays', async () => {
    const b = box();
    const first = await boot(b, ['--appendonly', 'yes', '--save', '']);
    expect(first.stdout.text()).toContain('* Creating AOF base file appendonly.aof.1.base.rdb on server start\n');
    expect(first.stdout.text()).toContain('* Creating AOF incr file appendonly.aof.1.incr.aof on server start\n');
    expect(b.fs.readText('/data/appendonlydir/appendonly.aof.manifest')).toBe('file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n');
    const c = await RedisConnection.connect(b.net, 'redis://localhost');
    await c.command('SET', 'a', '1');
    await c.command('SET', 'tmp', 'x', 'EX', '100');
    await c.command('GET', 'a');
    await c.command('SELECT', '2');
    await c.command('LPUSH', 'l', 'z');
    const at = b.clock.now() + 100_000;
    expect(b.fs.readText('/data/appendonlydir/appendonly.aof.1.incr.aof')).toBe(
      '*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n' +
        `*5\r\n$3\r\nSET\r\n$3\r\ntmp\r\n$1\r\nx\r\n$4\r\nPXAT\r\n$13\r\n${at}\r\n` +
        '*2\r\n$6\r\nSELECT\r\n$1\r\n2\r\n*3\r\n$5\r\nLPUSH\r\n$1\r\nl\r\n$1\r\nz\r\n',
    );
    // Killed without a chance to save: only the AOF can bring the data back.
    first.abort('SIGKILL');
    expect(await first.exit).toBe(137);
    expect(b.fs.exists('/data/dump.rdb')).toBe(false);

    const again = box(b.fs, b.clock);
    const second = await boot(again, ['--appendonly', 'yes']);
    const log = second.stdout.text();
    expect(log).toContain('* Reading RDB base file on AOF loading...\n');
    expect(log).toContain('* RDB is base AOF\n');
    expect(log).toContain('* DB loaded from base file appendonly.aof.1.base.rdb: 0.000 seconds\n');
    expect(log).toContain('* DB loaded from incr file appendonly.aof.1.incr.aof: 0.000 seconds\n');
    expect(log).toContain('* DB loaded from append only file: 0.000 seconds\n');
    expect(log).toContain('* Opening AOF incr file appendonly.aof.1.incr.aof on server start\n');
    const c2 = await RedisConnection.connect(again.net, 'redis://localhost');
    expect(await c2.command('GET', 'a')).toBe('1');
    expect(await c2.command('PTTL', 'tmp')).toBe(100_000);
    expect(await c2.command('SELECT', '2')).toBe('OK');
    expect(await c2.command('LRANGE', 'l', 0, -1)).toEqual(['z']);
    expect(await stop(second)).toBe(0);
    expect(second.stdout.text()).toContain('* Calling fsync() on the AOF file.\n');
  });

  it('SHUTDOWN stops the server without a reply', async () => {
    const b = box();
    const run = await boot(b);
    const c = await RedisConnection.connect(b.net, 'redis://localhost');
    await expect(c.command('SHUTDOWN', 'NOSAVE')).rejects.toThrow('Socket closed unexpectedly');
    expect(await run.exit).toBe(0);
    expect(run.stdout.text()).not.toContain('Saving the final RDB snapshot');
    expect(await listening(b, 6379)).toBe(false);
  });
});
