/**
 * The few operations the session store needs from IndexedDB, so its rules (write whole, then move the pointer; keep
 * the save before as a fallback) can be tested with an in-memory stand-in, including writes cut off half-way.
 */
export interface Records {
  get(key: string): Promise<unknown>;
  keys(): Promise<string[]>;
  /** Every put and delete together, or none of them (one transaction). */
  commit(puts: readonly (readonly [string, unknown])[], deletes?: readonly string[]): Promise<void>;
  close(): void;
}
