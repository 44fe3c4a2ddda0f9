/**
 * Where the page keeps the session between visits: save files under keys of their own and a pointer (`current`)
 * naming the newest and the one before it. A save is written whole under a new key before the pointer moves to it,
 * so a save cut off before the move leaves the pointer on the previous one; and the previous one is kept until the
 * next save, so a newest save that turns out unreadable (cut short, damaged) still has a good one behind it.
 */
import { openIdbRecords } from './idb.ts';
import type { Records } from './records.ts';

/** The pointer: `{ key, previous?, attachment?, previousAttachment?, savedAt }`. */
export const CURRENT_KEY = 'current';
/** A save that could not be restored, kept for the student to download: `{ bytes, reason, at }`. */
export const DAMAGED_KEY = 'damaged';
const SAVE_PREFIX = 'save-';

export interface DamagedSave {
  readonly bytes: Uint8Array;
  readonly reason: string;
  readonly at: number;
}

/**
 * What `load` found: nothing, a save file, or a record that is not one (kept as bytes all the same); with the save
 * before it, when there is one, to fall back on.
 */
export type Loaded =
  | { readonly kind: 'none' }
  | ({ readonly kind: 'save'; readonly bytes: Uint8Array; readonly attachment?: string } & Fallback)
  | ({ readonly kind: 'unreadable'; readonly bytes: Uint8Array; readonly reason: string } & Fallback);

/** The save before the newest, and the text saved beside it. */
interface Fallback {
  readonly previous?: Uint8Array;
  readonly previousAttachment?: string;
}

export interface SessionStore {
  load(): Promise<Loaded>;
  /** `attachment` (a scenario's attempt log) is kept in the pointer beside its save, so the two always move together. */
  save(bytes: Uint8Array, attachment?: string): Promise<void>;
  /**
   * Moves the newest save aside (replacing any kept before). With `fellBack`, the save before it (which the page
   * restored instead) becomes the current one; otherwise nothing is current any more.
   */
  keepDamaged(damaged: DamagedSave, fellBack?: boolean): Promise<void>;
  damaged(): Promise<DamagedSave | undefined>;
  close(): void;
}

interface Pointer {
  readonly key: string;
  readonly previous?: string;
  readonly attachment?: string;
  readonly previousAttachment?: string;
  readonly savedAt: number;
}

/**
 * Opens the page's store in IndexedDB; rejects when the browser offers none. `name` prefixes every key, so several
 * sessions (the sandbox's, one per scenario) share the database without meeting.
 */
export async function openSessionStore(name = ''): Promise<SessionStore> {
  return sessionStore(await openIdbRecords(), Date.now, name);
}

export function sessionStore(records: Records, now: () => number = Date.now, name = ''): SessionStore {
  let seq = 0;
  const CURRENT = name + CURRENT_KEY;
  const DAMAGED = name + DAMAGED_KEY;
  const PREFIX = name + SAVE_PREFIX;
  const pointerOf = (value: unknown): Partial<Pointer> | undefined =>
    value !== null && typeof value === 'object' ? (value as Partial<Pointer>) : undefined;
  const keyOr = (value: unknown) => (typeof value === 'string' ? value : undefined);

  return {
    async load() {
      const pointer = await records.get(CURRENT);
      const key = keyOr(pointerOf(pointer)?.key);
      const previousKey = keyOr(pointerOf(pointer)?.previous);
      // Saves nothing points at (a write cut off before the pointer moved, one set aside as damaged) are dropped.
      const stale = (await records.keys()).filter((k) => k.startsWith(PREFIX) && k !== key && k !== previousKey);
      if (stale.length > 0) await records.commit([], stale);
      if (pointer === undefined) return { kind: 'none' };
      const before = previousKey !== undefined ? await records.get(previousKey) : undefined;
      const previousAttachment = keyOr(pointerOf(pointer)?.previousAttachment);
      const previous = before instanceof Uint8Array ? { previous: before, ...(previousAttachment !== undefined ? { previousAttachment } : {}) } : {};
      const attachment = keyOr(pointerOf(pointer)?.attachment);
      if (key === undefined) return { kind: 'unreadable', bytes: asBytes(pointer), reason: 'The pointer to the saved session is damaged.' };
      const value = await records.get(key);
      if (value instanceof Uint8Array) return { kind: 'save', bytes: value, ...(attachment !== undefined ? { attachment } : {}), ...previous };
      return { kind: 'unreadable', bytes: asBytes(value), reason: value === undefined ? 'The saved session is missing.' : 'The saved session is not a file.', ...previous };
    },

    async save(bytes, attachment) {
      // Never the key of a save it keeps: those must stay whole until the pointer has moved.
      const key = `${PREFIX}${now().toString(36)}-${(seq++).toString(36)}`;
      await records.commit([[key, bytes]]);
      const before = pointerOf(await records.get(CURRENT));
      const previous = keyOr(before?.key);
      const dropped = keyOr(before?.previous);
      const keepsPrevious = previous !== undefined && previous !== key;
      const previousAttachment = keyOr(before?.attachment);
      const pointer: Pointer = {
        key,
        ...(keepsPrevious ? { previous, ...(previousAttachment !== undefined ? { previousAttachment } : {}) } : {}),
        ...(attachment !== undefined ? { attachment } : {}),
        savedAt: now(),
      };
      await records.commit([[CURRENT, pointer]], dropped !== undefined && dropped !== key && dropped !== previous ? [dropped] : []);
    },

    async keepDamaged(damaged, fellBack = false) {
      const pointer = pointerOf(await records.get(CURRENT));
      const previous = keyOr(pointer?.previous);
      const current = keyOr(pointer?.key);
      if (fellBack && previous !== undefined) {
        const attachment = keyOr(pointer?.previousAttachment);
        const fallback: Pointer = { key: previous, ...(attachment !== undefined ? { attachment } : {}), savedAt: now() };
        await records.commit([[DAMAGED, damaged], [CURRENT, fallback]], current !== undefined ? [current] : []);
      } else {
        await records.commit([[DAMAGED, damaged]], [CURRENT]);
      }
    },

    async damaged() {
      const value = pointerOf(await records.get(DAMAGED)) as Partial<DamagedSave> | undefined;
      if (!value || !(value.bytes instanceof Uint8Array)) return undefined;
      return { bytes: value.bytes, reason: String(value.reason ?? ''), at: Number(value.at ?? 0) };
    },

    close: () => records.close(),
  };
}

/** Whatever a broken record holds, as bytes the student can download. */
function asBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (typeof value === 'string') return new TextEncoder().encode(value);
  try {
    return new TextEncoder().encode(JSON.stringify(value) ?? String(value));
  } catch {
    return new TextEncoder().encode(String(value));
  }
}
