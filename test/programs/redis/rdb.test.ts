import { describe, expect, it } from 'vitest';
import { crc64 } from '../../../engine/programs/redis/crc64.ts';
import { decodeRdb, encodeRdb, RdbError } from '../../../engine/programs/redis/rdb.ts';
import { addMember, Keyspace, newSet } from '../../../engine/programs/redis/store.ts';

const NOW = Date.UTC(2026, 10, 29, 14, 0, 0);
const info = { version: '7.4.4', ctime: NOW / 1000, usedMem: 945_000, aofBase: false };

describe('crc64 (Jones)', () => {
  it('gives the published check value', () => {
    expect(crc64(new TextEncoder().encode('123456789'))).toBe(0xe9c6d914c4b8d9can);
  });
});

describe('RDB snapshots', () => {
  function sample(): Keyspace {
    const ks = new Keyspace(() => NOW);
    ks.set(0, 'greeting', { type: 'string', value: 'hello' });
    ks.set(0, 'count', { type: 'string', value: '-300' });
    ks.set(0, 'big', { type: 'string', value: '123456789012' });
    ks.set(0, 'queue', { type: 'list', items: ['a', 'b', 'c'] });
    ks.set(0, 'user:1', { type: 'hash', fields: new Map([['name', 'Ada'], ['age', '36']]) });
    const tags = newSet();
    for (const m of ['3', '1', '2']) addMember(tags, m);
    ks.set(0, 'tags', tags);
    ks.set(3, 'session', { type: 'string', value: 'x'.repeat(300) });
    ks.setExpire(3, 'session', NOW + 60_000);
    return ks;
  }

  it('starts with the version 12 signature and ends with EOF and a checksum of the rest', () => {
    const bytes = encodeRdb(sample(), info, NOW);
    expect(new TextDecoder().decode(bytes.subarray(0, 9))).toBe('REDIS0012');
    expect(bytes[bytes.length - 9]).toBe(0xff);
    let crc = 0n;
    for (let i = 7; i >= 0; i--) crc = (crc << 8n) | BigInt(bytes[bytes.length - 8 + i]!);
    expect(crc).toBe(crc64(bytes.subarray(0, bytes.length - 8)));
  });

  it('loads back every type, database and expiry it saved', () => {
    const loaded = new Keyspace(() => NOW);
    const result = decodeRdb(encodeRdb(sample(), info, NOW), loaded, NOW);
    expect(result).toMatchObject({ version: '7.4.4', ctime: NOW / 1000, usedMem: 945_000, aofBase: false, keysLoaded: 7, keysExpired: 0 });
    expect(loaded.get(0, 'greeting')).toEqual({ type: 'string', value: 'hello' });
    expect(loaded.get(0, 'count')).toEqual({ type: 'string', value: '-300' });
    expect(loaded.get(0, 'big')).toEqual({ type: 'string', value: '123456789012' });
    expect(loaded.get(0, 'queue')).toEqual({ type: 'list', items: ['a', 'b', 'c'] });
    expect(loaded.get(0, 'user:1')).toEqual({ type: 'hash', fields: new Map([['name', 'Ada'], ['age', '36']]) });
    expect([...(loaded.get(0, 'tags') as { members: Set<string> }).members]).toEqual(['1', '2', '3']);
    expect(loaded.expireAt(3, 'session')).toBe(NOW + 60_000);
  });

  it('skips keys that expired before loading, and counts them', () => {
    const later = NOW + 120_000;
    const loaded = new Keyspace(() => later);
    const result = decodeRdb(encodeRdb(sample(), info, NOW), loaded, later);
    expect(result.keysExpired).toBe(1);
    expect(loaded.get(3, 'session')).toBeUndefined();
  });

  it('refuses a damaged file', () => {
    const bytes = encodeRdb(sample(), info, NOW);
    bytes[20] = bytes[20]! ^ 0xff;
    expect(() => decodeRdb(bytes, new Keyspace(() => NOW), NOW)).toThrow(RdbError);
    expect(() => decodeRdb(new TextEncoder().encode('hello'), new Keyspace(() => NOW), NOW)).toThrow('Wrong signature trying to load DB from file');
  });
});
