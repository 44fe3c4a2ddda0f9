import { describe, expect, it } from 'vitest';
import { array, bulk, bulks, encodeCommand, encodeReply, error, integer, NIL, OK, ProtocolError, RespReader } from '../../../engine/programs/redis/resp.ts';
import { splitArgs } from '../../../engine/programs/redis/split-args.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('RESP2', () => {
  it('encodes each reply type as the wire shows it', () => {
    expect(encodeReply(OK)).toBe('+OK\r\n');
    expect(encodeReply(error('ERR syntax error'))).toBe('-ERR syntax error\r\n');
    expect(encodeReply(integer(42))).toBe(':42\r\n');
    expect(encodeReply(bulk('héllo'))).toBe('$6\r\nhéllo\r\n');
    expect(encodeReply(NIL)).toBe('$-1\r\n');
    expect(encodeReply(array(null))).toBe('*-1\r\n');
    expect(encodeReply(array([bulk('a'), integer(1), array([])]))).toBe('*3\r\n$1\r\na\r\n:1\r\n*0\r\n');
  });

  it('encodes a command as an array of bulk strings', () => {
    expect(encodeCommand(['SET', 'k', 'v'])).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n');
  });

  it('reads a request split across chunks only once it is complete', () => {
    const r = new RespReader();
    const wire = bytes(encodeCommand(['SET', 'key', 'a value']));
    r.push(wire.subarray(0, 7));
    expect(r.nextRequest()).toBeUndefined();
    r.push(wire.subarray(7, 20));
    expect(r.nextRequest()).toBeUndefined();
    r.push(wire.subarray(20));
    expect(r.nextRequest()).toEqual(['SET', 'key', 'a value']);
    expect(r.nextRequest()).toBeUndefined();
  });

  it('reads pipelined requests and inline commands (telnet style)', () => {
    const r = new RespReader();
    r.push(bytes(`${encodeCommand(['PING'])}SET a "b c"\r\n\r\n`));
    expect(r.nextRequest()).toEqual(['PING']);
    expect(r.nextRequest()).toEqual(['SET', 'a', 'b c']);
    expect(r.nextRequest()).toEqual([]);
    expect(r.nextRequest()).toBeUndefined();
  });

  it('counts bulk lengths in bytes', () => {
    const r = new RespReader();
    r.push(bytes('*1\r\n$4\r\nñé\r\n'));
    expect(r.nextRequest()).toEqual(['ñé']);
  });

  it('refuses malformed requests with the reasons Redis gives', () => {
    const bad = (s: string) => {
      const r = new RespReader();
      r.push(bytes(s));
      return () => r.nextRequest();
    };
    expect(bad('*1\r\n:1\r\n')).toThrow(new ProtocolError("expected '$', got ':'"));
    expect(bad('*x\r\n')).toThrow('invalid multibulk length');
    expect(bad('*1\r\n$-5\r\n')).toThrow('invalid bulk length');
    expect(bad('SET a "b\r\n')).toThrow('unbalanced quotes in request');
  });

  it('reads replies, nested and nil', () => {
    const r = new RespReader();
    r.push(bytes('*2\r\n$1\r\na\r\n*1\r\n:7\r\n$-1\r\n-WRONGTYPE x\r\n+OK\r\n*-1\r\n'));
    expect(r.nextReply()).toEqual(array([bulk('a'), array([integer(7)])]));
    expect(r.nextReply()).toEqual(NIL);
    expect(r.nextReply()).toEqual(error('WRONGTYPE x'));
    expect(r.nextReply()).toEqual(OK);
    expect(r.nextReply()).toEqual(array(null));
    expect(r.nextReply()).toBeUndefined();
    expect(bulks(['x', null])).toEqual(array([bulk('x'), NIL]));
  });
});

describe('splitArgs (sdssplitargs)', () => {
  it('splits words and understands both quote styles', () => {
    expect(splitArgs('  set  a   b ')).toEqual(['set', 'a', 'b']);
    expect(splitArgs('set "a b\\n\\x41" \'it\\\'s\'')).toEqual(['set', 'a b\nA', "it's"]);
    expect(splitArgs('save ""')).toEqual(['save', '']);
  });

  it('refuses unbalanced quotes and a quote glued to the next word', () => {
    expect(splitArgs('set "a')).toBeNull();
    expect(splitArgs('set "a"b')).toBeNull();
  });
});
