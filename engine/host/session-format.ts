import { writeSaveFile, type Migration, type SaveFormat } from '../core/save-file.ts';
import { concatChunks } from '../core/value-codec.ts';

/**
 * The schema version this engine writes. Bump it with a migration from the previous version in MIGRATIONS.
 *
 * 1: the first session files. 2: the state always holds `builds` (the build picture's last builds); format 1 files
 * written before the machine remembered builds have none.
 */
export const SESSION_SCHEMA_VERSION = 2;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** 1 → 2: a machine saved before builds were remembered gets an empty list of them. */
const addBuilds: Migration = (payload) => {
  if (!isRecord(payload) || !isRecord(payload.state)) throw new Error('it holds no machine state');
  return payload.state.builds === undefined ? { ...payload, state: { ...payload.state, builds: [] } } : payload;
};

/** version → migration to version + 1. */
export const MIGRATIONS: ReadonlyMap<number, Migration> = new Map([[1, addBuilds]]);

export const SESSION_FORMAT: SaveFormat = { magic: 'DOCKYARD-SESSION', version: SESSION_SCHEMA_VERSION, migrations: MIGRATIONS };

/** A payload from `encodeSnapshot` (its pieces) as a session file: compressed and checksummed, the same bytes every time. */
export function sessionFile(payload: readonly Uint8Array[]): Uint8Array {
  return writeSaveFile(SESSION_FORMAT, concatChunks(payload));
}
