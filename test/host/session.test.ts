import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeSaveFile, type SaveFormat } from '../../engine/core/save-file.ts';
import { concatChunks, encodeValue } from '../../engine/core/value-codec.ts';
import { buildTree, makeFile } from '../../engine/fs/tree.ts';
import { MIGRATIONS, SESSION_FORMAT, SESSION_SCHEMA_VERSION } from '../../engine/host/session.ts';
import { scenarioMachine } from './session-scenario.ts';
import { createMachine, playScript, type Machine } from '../../engine/index.ts';
import { deserializeSnapshot, encodeSnapshot, encodeSnapshotSliced, SaveFormatError, serializeSnapshot } from '../../engine/sessions.ts';

const CHECKS = `
docker ps -a
docker images
docker volume ls
docker network ls
cat notes.txt
sha256sum alpine.tar
docker start -a worker
docker run --rm -v data:/data alpine cat /data/greeting
docker logs worker
docker inspect --format '{{.State.Status}} {{.State.ExitCode}}' server
docker build -t myapp app
`;

async function transcript(machine: Machine, script: string): Promise<string[]> {
  return (await playScript(machine, script)).map((e) => `$ ${e.command} [${e.exitCode}]\n${e.output}`);
}

describe('serializeSnapshot / deserializeSnapshot', () => {
  it('brings a whole machine back: a fresh machine restored from the bytes answers every command as the original', async () => {
    const original = await scenarioMachine();
    const bytes = serializeSnapshot(original.snapshot());
    const copy = createMachine({ mode: 'headless' });
    copy.restore(deserializeSnapshot(bytes));
    // The original is restored from its own in-memory snapshot so both have been through the same daemon restart.
    original.restore(original.snapshot());
    const expected = await transcript(original, CHECKS);
    expect(await transcript(copy, CHECKS)).toEqual(expected);
    expect(expected.join('')).toContain('myapp');
    expect(expected.join('')).toContain('hello\n');
  }, 60_000);

  it('is deterministic: the same state gives the same bytes', async () => {
    const machine = await scenarioMachine();
    const a = serializeSnapshot(machine.snapshot());
    const b = serializeSnapshot(machine.snapshot());
    expect(b).toEqual(a);
    // And a state read back writes the same bytes again.
    expect(serializeSnapshot(deserializeSnapshot(a))).toEqual(a);
  }, 60_000);

  it('writes base image layers as references to the catalog, so a save is small', async () => {
    const machine = await scenarioMachine();
    const bytes = serializeSnapshot(machine.snapshot());
    expect(bytes.length).toBeLessThan(512 * 1024);
  }, 60_000);

  it('starts with a self-describing header', () => {
    const bytes = serializeSnapshot(createMachine().snapshot());
    expect(new TextDecoder().decode(bytes.subarray(0, 16))).toBe('DOCKYARD-SESSION');
  });

  it('refuses what is not a session, and a session cut short, with a named error', () => {
    const good = serializeSnapshot(createMachine().snapshot());
    const problem = (bytes: Uint8Array) => {
      try {
        deserializeSnapshot(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(SaveFormatError);
        return (e as SaveFormatError).problem;
      }
      throw new Error('accepted');
    };
    expect(problem(new TextEncoder().encode('{"version":1}'))).toBe('not-a-save');
    expect(problem(new Uint8Array())).toBe('not-a-save');
    expect(problem(good.subarray(0, good.length - 1))).toBe('damaged');
    expect(problem(good.subarray(0, 20))).toBe('damaged');
    const future = good.slice();
    new DataView(future.buffer).setUint32(16, 99, true);
    expect(problem(future)).toBe('too-new');
  });

  it('refuses a well-wrapped payload that is not a machine, saying where it went wrong', () => {
    const wrapped = (value: unknown) => writeSaveFile(SESSION_FORMAT, encodeValue(value));
    const good = createMachine().snapshot().state as Record<string, unknown>;
    expect(() => deserializeSnapshot(wrapped({ snapshotVersion: 1, state: { ...good, now: 'soon' } }))).toThrow(/state\.now: expected a number/);
    expect(() => deserializeSnapshot(wrapped({ snapshotVersion: 1, state: { ...good, volumes: { volumes: new Map([['v', { name: 'v' }]]) } } }))).toThrow(SaveFormatError);
    expect(() => deserializeSnapshot(wrapped({ snapshotVersion: 2, state: good }))).toThrow(/does not hold a machine snapshot/);
    expect(() => deserializeSnapshot(wrapped([1, 2, 3]))).toThrow(SaveFormatError);
  });

  it('refuses a save whose tags or image configs the listings could not read (found by fuzzing saves)', async () => {
    const saved = (state: object) => serializeSnapshot({ version: 1, state });
    const state = (await scenarioMachine()).snapshot().state as { images: { tags: Map<string, string>; images: Map<string, { config: object }> } };
    const [ref, id] = [...state.images.tags][0]!;
    const badTag = { ...state.images, tags: new Map([[ref.replace(':', ' :'), id]]) };
    expect(() => deserializeSnapshot(saved({ ...state, images: badTag }))).toThrow(/state\.images\.tags: expected a reference/);
    const image = state.images.images.get(id)!;
    const noHistory = { ...state.images, images: new Map([...state.images.images, [id, { ...image, config: { ...image.config, history: undefined } }]]) };
    expect(() => deserializeSnapshot(saved({ ...state, images: noHistory }))).toThrow(/config\.history: expected a list/);
    expect(() => deserializeSnapshot(writeSaveFile(SESSION_FORMAT, new Uint8Array([0xff, 0, 1])))).toThrow(/damaged/);
  });

  it('turns any truncation or corruption of a session, inside or outside the envelope, into SaveFormatError (property)', async () => {
    const machine = await scenarioMachine();
    const file = serializeSnapshot(machine.snapshot());
    const payload = encodeValue({ snapshotVersion: 1, state: createMachine().snapshot().state });
    const only = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(SaveFormatError);
        return;
      }
      throw new Error('a corrupted session was accepted');
    };
    fc.assert(
      fc.property(fc.nat(file.length - 1), fc.nat(file.length - 1), fc.integer({ min: 1, max: 255 }), (cut, at, xor) => {
        const bytes = file.slice(0, cut);
        if (at < bytes.length) bytes[at]! ^= xor;
        only(() => deserializeSnapshot(bytes));
      }),
      { numRuns: 300 },
    );
    // Past the checksum: a payload corrupted before it was wrapped must still fail cleanly, never half-restore.
    fc.assert(
      fc.property(fc.nat(payload.length - 1), fc.integer({ min: 1, max: 255 }), fc.nat(payload.length), (at, xor, cut) => {
        const bytes = payload.slice(0, cut);
        if (at < bytes.length) bytes[at]! ^= xor;
        try {
          deserializeSnapshot(writeSaveFile(SESSION_FORMAT, bytes));
        } catch (e) {
          expect(e).toBeInstanceOf(SaveFormatError);
        }
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('upgrades an older save through the migration table, and refuses one no migration reaches', () => {
    const machine = createMachine();
    const current = serializeSnapshot(machine.snapshot());
    type Payload = { snapshotVersion: number; state: { now: number } };
    const next: SaveFormat = {
      ...SESSION_FORMAT,
      version: SESSION_SCHEMA_VERSION + 1,
      migrations: new Map([...MIGRATIONS, [SESSION_SCHEMA_VERSION, (p) => ({ ...(p as Payload), state: { ...(p as Payload).state, now: (p as Payload).state.now + 1000 } })]]),
    };
    const upgraded = deserializeSnapshot(current, next).state as { now: number };
    expect(upgraded.now).toBe(machine.clock.now() + 1000);
    const v0 = writeSaveFile({ ...SESSION_FORMAT, version: 0 }, encodeValue({ snapshotVersion: 1, state: machine.snapshot().state }));
    expect(() => deserializeSnapshot(v0)).toThrow(expect.objectContaining({ name: 'SaveFormatError', problem: 'too-old' }));
  });

  it('reads a format 1 save from before builds were remembered: migrated, restored with no builds, written back in the current format', async () => {
    const machine = createMachine({ mode: 'headless' });
    await playScript(machine, 'echo kept > f.txt\n');
    const { builds, ...withoutBuilds } = machine.snapshot().state as Record<string, unknown>;
    expect(builds).toEqual([]);
    const v1 = writeSaveFile({ ...SESSION_FORMAT, version: 1 }, encodeValue({ snapshotVersion: 1, state: withoutBuilds }));
    // Without the migration the file would be refused: the current format requires the field.
    expect(() => deserializeSnapshot(v1, { ...SESSION_FORMAT, version: 1, migrations: new Map() })).toThrow(/state\.builds: expected a list/);
    const snapshot = deserializeSnapshot(v1);
    expect((snapshot.state as { builds: unknown }).builds).toEqual([]);
    const copy = createMachine({ mode: 'headless' });
    copy.restore(snapshot);
    expect(copy.hostFs.readText('/home/student/project/f.txt')).toBe('kept\n');
    expect(new DataView(serializeSnapshot(copy.snapshot()).buffer).getUint32(16, true)).toBe(SESSION_SCHEMA_VERSION);
  });

  it('keeps the builds of a format 1 save that has them, and still checks them', async () => {
    const machine = createMachine({ mode: 'headless' });
    await playScript(machine, "mkdir app && printf 'FROM scratch\\nLABEL a=b\\n' > app/Dockerfile\ndocker build -q -t labelled app\n");
    const state = machine.snapshot().state as Record<string, unknown> & { builds: unknown[] };
    expect(state.builds).toHaveLength(1);
    const v1 = writeSaveFile({ ...SESSION_FORMAT, version: 1 }, encodeValue({ snapshotVersion: 1, state }));
    expect((deserializeSnapshot(v1).state as { builds: unknown[] }).builds).toEqual(state.builds);
    const bad = writeSaveFile({ ...SESSION_FORMAT, version: 1 }, encodeValue({ snapshotVersion: 1, state: { ...state, builds: [{ seq: 'one' }] } }));
    expect(() => deserializeSnapshot(bad)).toThrow(/state\.builds\[0\]\.seq: expected a number/);
    // A format 1 file that holds no state at all fails its migration as damage, not as a crash.
    const empty = writeSaveFile({ ...SESSION_FORMAT, version: 1 }, encodeValue({ snapshotVersion: 1 }));
    expect(() => deserializeSnapshot(empty)).toThrow(expect.objectContaining({ name: 'SaveFormatError', problem: 'damaged' }));
  });

  it('refuses a save from a newer Dockyard with a message saying so', () => {
    const future = writeSaveFile({ ...SESSION_FORMAT, version: SESSION_SCHEMA_VERSION + 1 }, encodeValue({ snapshotVersion: 1, state: {} }));
    expect(() => deserializeSnapshot(future)).toThrow(
      expect.objectContaining({ problem: 'too-new', message: `The session file was saved by a newer Dockyard (format ${SESSION_SCHEMA_VERSION + 1}; this page reads up to ${SESSION_SCHEMA_VERSION}).` }),
    );
  });

  it('refuses a save missing a field; ignores fields it does not know, `__proto__` and `constructor` included, without touching prototypes', () => {
    const wrapped = (value: unknown) => writeSaveFile(SESSION_FORMAT, encodeValue(value));
    const good = createMachine().snapshot().state as Record<string, unknown>;
    const { volumes: _, ...noVolumes } = good;
    expect(() => deserializeSnapshot(wrapped({ snapshotVersion: 1, state: noVolumes }))).toThrow(/state\.volumes: expected an object/);
    const hostile: Record<string, unknown> = { ...good, futureField: { x: 1 } };
    Object.defineProperty(hostile, '__proto__', { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
    Object.defineProperty(hostile, 'constructor', { value: { prototype: { polluted: true } }, enumerable: true, writable: true, configurable: true });
    const snapshot = deserializeSnapshot(wrapped({ snapshotVersion: 1, state: hostile }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(snapshot.state)).toBe(Object.prototype);
    const machine = createMachine();
    machine.restore(snapshot);
    // The machine takes the fields it knows: the next save carries none of the others.
    const again = deserializeSnapshot(serializeSnapshot(machine.snapshot())).state as Record<string, unknown>;
    expect(Object.keys(again).sort()).toEqual(Object.keys(good).sort());
  });
});

describe('encodeSnapshotSliced', () => {
  it('pauses while it encodes a big machine and gives the very pieces encodeSnapshot gives', async () => {
    const machine = createMachine({ mode: 'headless' });
    machine.hostFs.putEntry(
      '/home/student/project/files',
      buildTree(Array.from({ length: 20_000 }, (_, i) => ({ path: `f${i}`, entry: makeFile(`${i}\n`, { uid: 1000, gid: 1000 }) })), { uid: 1000, gid: 1000 }),
    );
    const snapshot = machine.snapshot();
    let pauses = 0;
    const sliced = await encodeSnapshotSliced(snapshot, async () => void pauses++);
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(concatChunks(sliced)).toEqual(concatChunks(encodeSnapshot(snapshot)));
  });
});
