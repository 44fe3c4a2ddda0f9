import { describe, expect, it } from 'vitest';
import { redisCli } from '../../../engine/programs/redis/cli.ts';
import { formatRaw, formatTty, repr } from '../../../engine/programs/redis/cli-format.ts';
import { array, bulk, bulks, error, integer, NIL, OK } from '../../../engine/programs/redis/resp.ts';
import { redisServer } from '../../../engine/programs/redis/server.ts';
import { Pipe } from '../../../engine/programs/streams.ts';
import { box, settle, start, until, type Box } from './helpers.ts';

async function withServer(args: string[] = []): Promise<Box> {
  const b = box();
  const run = start(b, redisServer, ['redis-server', ...args]);
  await until(() => run.stdout.text().includes('Ready to accept connections'), 'the server');
  return b;
}

async function cli(b: Box, args: string[], o: Parameters<typeof start>[3] = {}) {
  const run = start(b, redisCli, ['redis-cli', ...args], o);
  const code = await run.exit;
  return { code, stdout: run.stdout.text(), stderr: run.stderr.text() };
}

describe('reply formatting', () => {
  it('on a terminal: typed, quoted, numbered', () => {
    expect(formatTty(OK)).toBe('OK\n');
    expect(formatTty(integer(1))).toBe('(integer) 1\n');
    expect(formatTty(bulk('value'))).toBe('"value"\n');
    expect(formatTty(NIL)).toBe('(nil)\n');
    expect(formatTty(error('ERR syntax error'))).toBe('(error) ERR syntax error\n');
    expect(formatTty(array([]))).toBe('(empty array)\n');
    expect(formatTty(bulks(['a', 'b']))).toBe('1) "a"\n2) "b"\n');
    expect(formatTty(array([bulks(['x', 'y']), bulk('z')]))).toBe('1) 1) "x"\n   2) "y"\n2) "z"\n');
    expect(formatTty(bulks(Array.from({ length: 10 }, (_, i) => String(i))))).toMatch(/^ 1\) "0"\n 2\) "1"\n[\s\S]*\n10\) "9"\n$/);
  });

  it('quotes as sdscatrepr: escapes, and UTF-8 as its bytes', () => {
    expect(repr('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    expect(repr('é')).toBe('"\\xc3\\xa9"');
  });

  it('raw: values only', () => {
    expect(formatRaw(bulk('v'))).toBe('v');
    expect(formatRaw(NIL)).toBe('');
    expect(formatRaw(integer(3))).toBe('3');
    expect(formatRaw(bulks(['a', 'b']))).toBe('a\nb');
    expect(formatRaw(error('ERR x'))).toBe('ERR x\n');
  });
});

describe('redis-cli with a command', () => {
  it('prints raw when stdout is not a terminal', async () => {
    const b = await withServer();
    expect(await cli(b, ['SET', 'a', '1'])).toEqual({ code: 0, stdout: 'OK\n', stderr: '' });
    expect(await cli(b, ['ping'])).toEqual({ code: 0, stdout: 'PONG\n', stderr: '' });
    expect((await cli(b, ['INCR', 'a'])).stdout).toBe('2\n');
    expect((await cli(b, ['GET', 'nope'])).stdout).toBe('\n');
    await cli(b, ['RPUSH', 'l', 'x', 'y']);
    expect((await cli(b, ['LRANGE', 'l', '0', '-1'])).stdout).toBe('x\ny\n');
    expect(await cli(b, ['FOO'])).toEqual({ code: 0, stdout: "ERR unknown command 'FOO', with args beginning with: \n\n", stderr: '' });
  });

  it('prints typed replies on a terminal', async () => {
    const b = await withServer();
    expect((await cli(b, ['SET', 'a', '1'], { tty: true })).stdout).toBe('OK\n');
    expect((await cli(b, ['GET', 'a'], { tty: true })).stdout).toBe('"1"\n');
    expect((await cli(b, ['EXISTS', 'a'], { tty: true })).stdout).toBe('(integer) 1\n');
    expect((await cli(b, ['GET', 'nope'], { tty: true })).stdout).toBe('(nil)\n');
    expect((await cli(b, ['KEYS', '*'], { tty: true })).stdout).toBe('1) "a"\n');
    expect((await cli(b, ['HGET', 'a', 'f'], { tty: true })).stdout).toBe('(error) WRONGTYPE Operation against a key holding the wrong kind of value\n');
    // INFO is always printed raw, even on a terminal.
    expect((await cli(b, ['INFO', 'replication'], { tty: true })).stdout).toBe('# Replication\r\nrole:master\r\nconnected_slaves:0\r\n\n');
  });

  it('-p, -n and -a', async () => {
    const b = await withServer(['--port', '7000', '--requirepass', 'pw']);
    expect(await cli(b, ['-p', '7000', '-a', 'pw', '-n', '3', 'SET', 'x', 'y'])).toEqual({
      code: 0,
      stdout: 'OK\n',
      stderr: "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n",
    });
    expect((await cli(b, ['-p', '7000', '-a', 'pw', '--no-auth-warning', '-n', '3', 'GET', 'x'])).stdout).toBe('y\n');
    expect((await cli(b, ['-p', '7000', '-a', 'pw', '--no-auth-warning', 'GET', 'x'])).stdout).toBe('\n');
    expect((await cli(b, ['-p', '7000', 'GET', 'x'])).stdout).toBe('NOAUTH Authentication required.\n\n');
    expect(await cli(b, ['-p', '7000', '-a', 'bad', '--no-auth-warning', 'PING'])).toEqual({ code: 1, stdout: '', stderr: 'AUTH failed: WRONGPASS invalid username-password pair or user is disabled.\n' });
  });

  it('says why it could not connect', async () => {
    const b = box();
    expect(await cli(b, ['ping'])).toEqual({ code: 1, stdout: '', stderr: 'Could not connect to Redis at 127.0.0.1:6379: Connection refused\n' });
    expect((await cli(b, ['-h', 'cache', 'ping'])).stderr).toBe('Could not connect to Redis at cache:6379: Name or service not known\n');
    b.fs.writeFile('/etc/alpine-release', '3.21.3\n');
    expect((await cli(b, ['-h', 'cache', 'ping'])).stderr).toBe('Could not connect to Redis at cache:6379: Name does not resolve\n');
  });

  it('--version and an unknown option', async () => {
    const b = box();
    expect(await cli(b, ['--version'])).toEqual({ code: 0, stdout: 'redis-cli 7.4.4\n', stderr: '' });
    expect(await cli(b, ['--bogus'])).toEqual({ code: 1, stdout: '', stderr: "Unrecognized option or bad number of args for: '--bogus'\n" });
  });
});

describe('redis-cli interactive', () => {
  // What the user types is the terminal's echo, not redis-cli's output; an empty line just prompts again.
  it('shows the prompt on a terminal and answers each line', async () => {
    const b = await withServer();
    const r = await cli(b, [], { stdin: 'SET greeting "hello world"\nGET greeting\nSELECT 2\nGET greeting\n\nquit\n', stdinTty: true, tty: true });
    expect(r.stdout).toBe(['127.0.0.1:6379> OK', '127.0.0.1:6379> "hello world"', '127.0.0.1:6379> OK', '127.0.0.1:6379[2]> (nil)', '127.0.0.1:6379[2]> 127.0.0.1:6379[2]> '].join('\n'));
    expect(r.code).toBe(0);
  });

  it('reads commands from piped stdin without a prompt', async () => {
    const b = await withServer();
    const r = await cli(b, [], { stdin: 'SET a 1\nINCR a\n' });
    expect(r.stdout).toBe('OK\n2\n');
  });

  it('is "not connected" when the server is down, and retries on each command', async () => {
    const b = box();
    const r = await cli(b, [], { stdin: 'ping\n', stdinTty: true, tty: true });
    expect(r.stdout).toBe('not connected> not connected> ');
    expect(r.stderr).toBe('Could not connect to Redis at 127.0.0.1:6379: Connection refused\n'.repeat(2));
  });

  it('waits for what the user types', async () => {
    const b = await withServer();
    const keyboard = new Pipe();
    const run = start(b, redisCli, ['redis-cli'], { stdin: keyboard, stdinTty: true, tty: true });
    await until(() => run.stdout.text() === '127.0.0.1:6379> ', 'the prompt');
    await keyboard.write('ping\n');
    await until(() => run.stdout.text().endsWith('PONG\n127.0.0.1:6379> '), 'the reply');
    keyboard.closeWrite();
    expect(await run.exit).toBe(0);
    await settle();
  });
});

describe('redis-cli when the server goes away', () => {
  it('reports the closed connection once, then tries to reconnect', async () => {
    const b = box();
    const server = start(b, redisServer, ['redis-server']);
    await until(() => server.stdout.text().includes('Ready to accept connections'));
    const keyboard = new Pipe();
    const run = start(b, redisCli, ['redis-cli'], { stdin: keyboard, stdinTty: true, tty: true });
    await until(() => run.stdout.text() === '127.0.0.1:6379> ', 'the prompt');
    server.abort('SIGTERM');
    expect(await server.exit).toBe(0);
    await settle();
    await keyboard.write('ping\n');
    await until(() => run.stdout.text().endsWith('not connected> '), 'the error');
    await keyboard.write('ping\n');
    await until(() => run.stderr.text() !== '', 'the reconnect');
    keyboard.closeWrite();
    await run.exit;
    expect(run.stdout.text()).toBe('127.0.0.1:6379> Error: Server closed the connection\nnot connected> not connected> ');
    expect(run.stderr.text()).toBe('Could not connect to Redis at 127.0.0.1:6379: Connection refused\n');
  });

  it('Ctrl-C at the prompt ends it', async () => {
    const b = box();
    const keyboard = new Pipe();
    const run = start(b, redisCli, ['redis-cli'], { stdin: keyboard, stdinTty: true, tty: true });
    await until(() => run.stdout.text() === 'not connected> ', 'the prompt');
    run.abort('SIGINT');
    await expect(run.exit).rejects.toBe('SIGINT');
  });
});
