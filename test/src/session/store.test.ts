import { describe, expect, it } from 'vitest';
import { createMachine, type Machine } from '../../../engine/index.ts';
import { deserializeSnapshot, SaveFormatError, serializeSnapshot } from '../../../engine/sessions.ts';
import type { Records } from '../../../src/session/records.ts';
import { recoverSession } from '../../../src/session/recover.ts';
import { CURRENT_KEY, DAMAGED_KEY, sessionStore } from '../../../src/session/store.ts';

/**
 * IndexedDB as the store uses it, in memory: each commit all or nothing. `cut` decides, per commit, how a write is
 * interrupted: 'crash' (the page died before the transaction committed: nothing of it lands) or 'truncate' (the new
 * save's bytes land cut short, as a broken disk or a bug in the encoder would leave them).
 */
class MemoryRecords implements Records {
  readonly data = new Map<string, unknown>();
  cut: ((puts: readonly (readonly [string, unknown])[]) => 'crash' | 'truncate' | 'full' | undefined) | undefined;

  async get(key: string) {
    return this.data.get(key);
  }
  async keys() {
    return [...this.data.keys()];
  }
  async commit(puts: readonly (readonly [string, unknown])[], deletes: readonly string[] = []) {
    const how = this.cut?.(puts);
    if (how === 'crash') throw new DOMException('The page was closed mid-write', 'AbortError');
    if (how === 'full') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    for (const [key, value] of puts) this.data.set(key, how === 'truncate' && value instanceof Uint8Array ? value.slice(0, value.length >> 1) : value);
    for (const key of deletes) this.data.delete(key);
  }
  close() {}
}

const saveKeys = (r: MemoryRecords) => [...r.data.keys()].filter((k) => k.startsWith('save-')).sort();

async function machineWith(text: string): Promise<Machine> {
  const machine = createMachine({ mode: 'headless' });
  const status = await machine.openTerminal().run(`echo ${text} > f.txt`, { stdout: () => {}, stderr: () => {} });
  expect(status).toBe(0);
  return machine;
}

async function restore(bytes: Uint8Array): Promise<Machine> {
  const machine = createMachine({ mode: 'headless' });
  machine.restore(deserializeSnapshot(bytes));
  return machine;
}

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const fileOf = (m: Machine | undefined) => m?.hostFs.readText('/home/student/project/f.txt');

describe('the session store', () => {
  it('keeps the newest save and the one before it, and drops older ones', async () => {
    const records = new MemoryRecords();
    const store = sessionStore(records);
    const a = new Uint8Array([1]);
    const b = new Uint8Array([2]);
    const c = new Uint8Array([3]);
    expect(await store.load()).toEqual({ kind: 'none' });
    await store.save(a);
    expect(await store.load()).toEqual({ kind: 'save', bytes: a });
    await store.save(b);
    expect(await store.load()).toEqual({ kind: 'save', bytes: b, previous: a });
    await store.save(c);
    expect(await sessionStore(records).load()).toEqual({ kind: 'save', bytes: c, previous: b });
    expect(saveKeys(records)).toHaveLength(2);
  });

  it('keeps the previous save when the pointer never moves (the page closed mid-save)', async () => {
    const records = new MemoryRecords();
    const store = sessionStore(records);
    await store.save(new Uint8Array([1]));
    records.cut = (puts) => (puts.some(([k]) => k === CURRENT_KEY) ? 'crash' : undefined);
    await expect(store.save(new Uint8Array([2]))).rejects.toThrow('mid-write');
    expect(saveKeys(records)).toHaveLength(2);
    records.cut = undefined;
    // After a reload: the old save, and the orphan written before the crash is cleared away.
    expect(await sessionStore(records).load()).toEqual({ kind: 'save', bytes: new Uint8Array([1]) });
    expect(saveKeys(records)).toHaveLength(1);
  });

  it('brings back the save before when the newest was written cut short, and sets the bad one aside', async () => {
    const records = new MemoryRecords();
    const store = sessionStore(records);
    const good = serializeSnapshot((await machineWith('one')).snapshot());
    await store.save(good);
    records.cut = (puts) => (puts.some(([k]) => k.startsWith('save-')) ? 'truncate' : undefined);
    const newest = serializeSnapshot((await machineWith('two')).snapshot());
    await store.save(newest);
    records.cut = undefined;

    const reloaded = sessionStore(records);
    const loaded = await reloaded.load();
    expect(loaded.kind).toBe('save');
    const recovered = await recoverSession(loaded, restore, reasonOf);
    expect(fileOf(recovered.machine)).toBe('one\n');
    expect(recovered.damaged).toMatchObject({ fellBack: true, bytes: newest.slice(0, newest.length >> 1) });
    expect(recovered.damaged?.reason).toMatch(/cut short/);
    await reloaded.keepDamaged({ bytes: recovered.damaged!.bytes, reason: recovered.damaged!.reason, at: 1 }, true);
    // The good one is the current save now, with nothing behind it; the bad one is kept to download.
    expect(await sessionStore(records).load()).toEqual({ kind: 'save', bytes: good });
    expect((await reloaded.damaged())?.bytes).toEqual(newest.slice(0, newest.length >> 1));
    expect(records.data.has(DAMAGED_KEY)).toBe(true);
  });

  // Every way the newest save can come back wrong, each with the page's recovery: the save before it, and the bad one set aside.
  const damages: [string, (bytes: Uint8Array, records: MemoryRecords, key: string) => void, RegExp][] = [
    ['cut short', (b, r, k) => r.data.set(k, b.slice(0, b.length >> 1)), /cut short/],
    ['with flipped bytes', (b, r, k) => r.data.set(k, b.map((x, i) => (i % 97 === 60 ? x ^ 0x5a : x))), /damaged/],
    ['missing a chunk in the middle', (b, r, k) => r.data.set(k, new Uint8Array([...b.subarray(0, 80), ...b.subarray(80 + 64)])), /damaged|cut short/],
    ['as a record that is not a file', (_, r, k) => r.data.set(k, { not: 'bytes' }), /not a file/],
    ['gone: the pointer names a missing record', (_, r, k) => r.data.delete(k), /missing/],
  ];
  for (const [how, damage, reason] of damages) {
    it(`brings back the save before when the newest is ${how}`, async () => {
      const records = new MemoryRecords();
      const store = sessionStore(records);
      const good = serializeSnapshot((await machineWith('one')).snapshot());
      await store.save(good);
      const newest = serializeSnapshot((await machineWith('two')).snapshot());
      await store.save(newest);
      damage(newest, records, (records.data.get(CURRENT_KEY) as { key: string }).key);

      const reloaded = sessionStore(records);
      const recovered = await recoverSession(await reloaded.load(), restore, reasonOf);
      expect(fileOf(recovered.machine)).toBe('one\n');
      expect(recovered.damaged?.fellBack).toBe(true);
      expect(recovered.damaged?.reason).toMatch(reason);
      await reloaded.keepDamaged({ bytes: recovered.damaged!.bytes, reason: recovered.damaged!.reason, at: 1 }, true);
      expect(await sessionStore(records).load()).toEqual({ kind: 'save', bytes: good });
    });
  }

  it('a full storage refuses a save with QuotaExceededError and keeps the save before; the next save that fits lands', async () => {
    const records = new MemoryRecords();
    const store = sessionStore(records);
    await store.save(new Uint8Array([1]), 'log one');
    records.cut = (puts) => (puts.some(([k]) => k.startsWith('save-')) ? 'full' : undefined);
    await expect(store.save(new Uint8Array([2]), 'log two')).rejects.toThrow(expect.objectContaining({ name: 'QuotaExceededError' }));
    await expect(store.save(new Uint8Array([3]), 'log three')).rejects.toThrow(expect.objectContaining({ name: 'QuotaExceededError' }));
    expect(await sessionStore(records).load()).toEqual({ kind: 'save', bytes: new Uint8Array([1]), attachment: 'log one' });
    records.cut = undefined;
    await store.save(new Uint8Array([4]), 'log four');
    expect(await sessionStore(records).load()).toEqual({ kind: 'save', bytes: new Uint8Array([4]), attachment: 'log four', previous: new Uint8Array([1]), previousAttachment: 'log one' });
    expect(saveKeys(records)).toHaveLength(2);
  });

  it('keeps each save\'s attachment (a scenario\'s attempt log) with it, also when it falls back to the one before', async () => {
    const records = new MemoryRecords();
    const store = sessionStore(records);
    await store.save(new Uint8Array([1]), 'log one');
    await store.save(new Uint8Array([2]), 'log two');
    expect(await store.load()).toEqual({ kind: 'save', bytes: new Uint8Array([2]), attachment: 'log two', previous: new Uint8Array([1]), previousAttachment: 'log one' });
    await store.keepDamaged({ bytes: new Uint8Array([2]), reason: 'bad', at: 1 }, true);
    expect(await store.load()).toEqual({ kind: 'save', bytes: new Uint8Array([1]), attachment: 'log one' });
  });

  it('keeps sessions with different names apart in the same records', async () => {
    const records = new MemoryRecords();
    const sandbox = sessionStore(records);
    const scenario = sessionStore(records, Date.now, 'scenario:keep-data:');
    await sandbox.save(new Uint8Array([1]));
    await scenario.save(new Uint8Array([2]), 'log');
    await scenario.save(new Uint8Array([3]), 'log');
    await scenario.save(new Uint8Array([4]), 'log');
    expect(await sandbox.load()).toEqual({ kind: 'save', bytes: new Uint8Array([1]) });
    expect((await scenario.load()).kind === 'save' && (await scenario.load())).toMatchObject({ bytes: new Uint8Array([4]), previous: new Uint8Array([3]) });
    await scenario.keepDamaged({ bytes: new Uint8Array([4]), reason: 'bad', at: 1 });
    expect(await sandbox.load()).toEqual({ kind: 'save', bytes: new Uint8Array([1]) });
    expect(await sandbox.damaged()).toBeUndefined();
  });

  it('restores the newest save when it is whole, and gives up only when both are bad', async () => {
    const good = serializeSnapshot((await machineWith('two')).snapshot());
    expect(fileOf((await recoverSession({ kind: 'save', bytes: good, previous: new Uint8Array([9]) }, restore, reasonOf)).machine)).toBe('two\n');
    const bad = good.slice(0, 100);
    const lost = await recoverSession({ kind: 'save', bytes: bad, previous: new Uint8Array([9]) }, restore, reasonOf);
    expect(lost.machine).toBeUndefined();
    expect(lost.damaged).toMatchObject({ bytes: bad, fellBack: false });
    // A record that is no save file at all falls back the same way.
    const fell = await recoverSession({ kind: 'unreadable', bytes: new Uint8Array(), reason: 'The saved session is missing.', previous: good }, restore, reasonOf);
    expect(fileOf(fell.machine)).toBe('two\n');
    expect(fell.damaged).toMatchObject({ reason: 'The saved session is missing.', fellBack: true });
    expect(() => deserializeSnapshot(bad)).toThrow(SaveFormatError);
  });

  it('forgets the current save when nothing could be restored', async () => {
    const records = new MemoryRecords();
    const store = sessionStore(records);
    await store.save(new Uint8Array([1]));
    await store.keepDamaged({ bytes: new Uint8Array([1]), reason: 'bad', at: 1 });
    expect(await sessionStore(records).load()).toEqual({ kind: 'none' });
  });
});
