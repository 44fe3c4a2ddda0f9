import { describe, expect, it } from 'vitest';
import { BufferedReader } from '../../../engine/network/http/buffered-reader.ts';
import { chunked, formatResponseHead } from '../../../engine/network/http/format.ts';
import { keepsAlive } from '../../../engine/network/http/message.ts';
import { HttpParseError, readBody, readRequestHead, readResponseHead, requestFraming, responseFraming } from '../../../engine/network/http/parse.ts';
import type { Readable } from '../../../engine/programs/streams.ts';

/** A stream that hands out the given pieces one read at a time, as a peer's separate writes arrive. */
function pieces(...parts: string[]): BufferedReader {
  const queue = parts.map((s) => new TextEncoder().encode(s));
  const input: Readable = { read: async () => queue.shift() ?? null };
  return new BufferedReader(input);
}

describe('reading requests', () => {
  it('reads a head split anywhere, a body by Content-Length, and leaves the next request in place', async () => {
    const r = pieces('GET /a?x=1 HT', 'TP/1.1\r\nHost: localhost\r\nContent-Len', 'gth: 5\r\n\r\nhel', 'loPOST / HTTP/1.0\r\n\r\n');
    const head = (await readRequestHead(r))!;
    expect(head).toEqual({ method: 'GET', target: '/a?x=1', version: 'HTTP/1.1', headers: [['Host', 'localhost'], ['Content-Length', '5']] });
    const body = await readBody(r, requestFraming(head));
    expect(new TextDecoder().decode(body.bytes)).toBe('hello');
    expect((await readRequestHead(r))!.method).toBe('POST');
    expect(await readRequestHead(r)).toBeNull();
  });

  it('skips empty lines before a request and accepts bare LF line ends', async () => {
    const head = await readRequestHead(pieces('\r\n\nGET / HTTP/1.1\nHost: x\n\n'));
    expect(head?.headers).toEqual([['Host', 'x']]);
  });

  it('refuses what is not HTTP/1.x: a bad request line, space before a colon, folded headers', async () => {
    await expect(readRequestHead(pieces('hello\r\n\r\n'))).rejects.toBeInstanceOf(HttpParseError);
    await expect(readRequestHead(pieces('GET / HTTP/1.1\r\nHost : x\r\n\r\n'))).rejects.toMatchObject({ problem: 'header' });
    await expect(readRequestHead(pieces('GET / HTTP/1.1\r\nX: a\r\n  b\r\n\r\n'))).rejects.toMatchObject({ problem: 'header' });
    await expect(readRequestHead(pieces('GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n')).then((h) => requestFraming(h!))).rejects.toMatchObject({ problem: 'content-length' });
  });

  it('decodes chunked bodies with extensions and trailers', async () => {
    const r = pieces('5;name=v\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n');
    const body = await readBody(r, { kind: 'chunked' });
    expect(new TextDecoder().decode(body.bytes)).toBe('hello world');
    expect(body.complete).toBe(true);
    const round = await readBody(pieces(new TextDecoder().decode(chunked(new TextEncoder().encode('abc')))), { kind: 'chunked' });
    expect(new TextDecoder().decode(round.bytes)).toBe('abc');
  });

  it('reports a body cut short', async () => {
    const body = await readBody(pieces('abc'), { kind: 'length', length: 10 });
    expect(body).toMatchObject({ complete: false, missing: 7 });
    expect((await readBody(pieces('3\r\nab'), { kind: 'chunked' })).complete).toBe(false);
  });
});

describe('reading responses', () => {
  it('reads a status line with or without a reason and frames by method and status', async () => {
    const head = (await readResponseHead(pieces('HTTP/1.1 204\r\nX: y\r\n\r\n')))!;
    expect(head).toMatchObject({ status: 204, reason: '' });
    expect(responseFraming(head, 'GET')).toEqual({ kind: 'none' });
    const ok = (await readResponseHead(pieces('HTTP/1.0 200 OK\r\n\r\n')))!;
    expect(responseFraming(ok, 'GET')).toEqual({ kind: 'close' });
    expect(responseFraming(ok, 'HEAD')).toEqual({ kind: 'none' });
  });

  it('gives null for a server that closed without a byte, and an error for non-HTTP', async () => {
    expect(await readResponseHead(pieces())).toBeNull();
    await expect(readResponseHead(pieces('SSH-2.0-OpenSSH_9.6\r\n'))).rejects.toMatchObject({ problem: 'status-line' });
  });

  it('writes heads with CRLF and keeps an empty reason phrase', () => {
    expect(formatResponseHead({ version: 'HTTP/1.1', status: 200, reason: 'OK', headers: [['A', 'b']] })).toBe('HTTP/1.1 200 OK\r\nA: b\r\n\r\n');
    expect(formatResponseHead({ version: 'HTTP/1.1', status: 299, reason: '', headers: [] })).toBe('HTTP/1.1 299 \r\n\r\n');
  });

  it('knows which connections persist', () => {
    expect(keepsAlive('HTTP/1.1', [])).toBe(true);
    expect(keepsAlive('HTTP/1.1', [['Connection', 'close']])).toBe(false);
    expect(keepsAlive('HTTP/1.0', [])).toBe(false);
    expect(keepsAlive('HTTP/1.0', [['Connection', 'Keep-Alive']])).toBe(true);
  });
});
