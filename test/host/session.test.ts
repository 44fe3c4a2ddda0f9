import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeSaveFile, type SaveFormat } from '../../engine/core/save-file.ts';
import { concatChunks, encodeValue } from '../../engine/core/value-codec.ts';
import { buildTree, makeFile } from '../../engine/fs/tree.ts';
import { SESSION_FORMAT } from '../../engine/host/session.ts';
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
    const v1 = serializeSnapshot(machine.snapshot());
    type Payload = { snapshotVersion: number; state: { now: number } };
    const v2: SaveFormat = {
      ...SESSION_FORMAT,
      version: 2,
      migrations: new Map([[1, (p) => ({ ...(p as Payload), state: { ...(p as Payload).state, now: (p as Payload).state.now + 1000 } })]]),
    };
    const upgraded = deserializeSnapshot(v1, v2).state as { now: number };
    expect(upgraded.now).toBe(machine.clock.now() + 1000);
    const v0 = writeSaveFile({ ...SESSION_FORMAT, version: 0 }, encodeValue({ snapshotVersion: 1, state: machine.snapshot().state }));
    expect(() => deserializeSnapshot(v0)).toThrow(expect.objectContaining({ name: 'SaveFormatError', problem: 'too-old' }));
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
