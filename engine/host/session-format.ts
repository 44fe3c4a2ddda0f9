import { writeSaveFile, type Migration, type SaveFormat } from '../core/save-file.ts';
import { concatChunks } from '../core/value-codec.ts';

/** The schema version this engine writes. Bump it with a migration from the previous version in MIGRATIONS. */
export const SESSION_SCHEMA_VERSION = 1;

/** version → migration to version + 1. Empty while there has only been one schema. */
export const MIGRATIONS: ReadonlyMap<number, Migration> = new Map();

export const SESSION_FORMAT: SaveFormat = { magic: 'DOCKYARD-SESSION', version: SESSION_SCHEMA_VERSION, migrations: MIGRATIONS };

/** A payload from `encodeSnapshot` (its pieces) as a session file: compressed and checksummed, the same bytes every time. */
export function sessionFile(payload: readonly Uint8Array[]): Uint8Array {
  return writeSaveFile(SESSION_FORMAT, concatChunks(payload));
}
