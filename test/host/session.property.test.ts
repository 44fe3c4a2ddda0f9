import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import { writeSaveFile } from '../../engine/core/save-file.ts';
import { concatChunks } from '../../engine/core/value-codec.ts';
import { createMachine, type Snapshot } from '../../engine/index.ts';
import { deserializeSnapshot, encodeSnapshot, SaveFormatError } from '../../engine/sessions.ts';
import { SESSION_FORMAT } from '../../engine/host/session.ts';
import { fuzzParameters } from '../property.ts';
import { runClean } from './fuzz-terminal.ts';
import { scenarioMachine } from './session-scenario.ts';

/**
 * A save damaged past its checksum (as a buggy or hostile writer would make it): it is refused with SaveFormatError,
 * or it restores into a machine that answers commands as Docker would, never with an internal error. The envelope's
 * own damage (truncation, flipped bits under the checksum) is session.test.ts's.
 */

let payload: Uint8Array;
beforeAll(async () => {
  payload = concatChunks(encodeSnapshot((await scenarioMachine()).snapshot()));
}, 60_000);

const COMMANDS = ['docker ps -a', 'docker images -a', 'docker volume ls', 'docker network ls', 'docker system df -v', 'docker start worker server', 'docker inspect worker server myapp data appnet', 'docker logs worker', 'docker run --rm -v data:/data alpine cat /data/greeting', 'docker history myapp', 'ls -la', 'cat notes.txt'];

test('a save damaged inside is refused or restores into a working machine', async () => {
  let restored = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.nat(payload.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 3 }), async (flips) => {
      const bytes = payload.slice();
      for (const [at, xor] of flips) bytes[at]! ^= xor;
      let snapshot: Snapshot;
      try {
        snapshot = deserializeSnapshot(writeSaveFile(SESSION_FORMAT, bytes));
      } catch (e) {
        expect(e).toBeInstanceOf(SaveFormatError);
        return;
      }
      restored++;
      const machine = createMachine({ mode: 'headless' });
      machine.restore(snapshot);
      const terminal = machine.openTerminal();
      for (const line of COMMANDS) await runClean(terminal, line);
      machine.views.images();
      machine.views.containers();
      machine.views.network();
    }),
    fuzzParameters(300),
  );
  // Most flips land in strings and file bytes, which decode: the restore path must have been exercised.
  expect(restored).toBeGreaterThan(30);
}, 120_000);
