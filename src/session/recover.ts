import type { Loaded } from './store.ts';

/** What came back from the stored session, and the save that could not be restored (to set aside), if any. */
export interface Recovered<M> {
  readonly machine?: M;
  readonly damaged?: { readonly bytes: Uint8Array; readonly reason: string; readonly fellBack: boolean };
}

/**
 * The newest save if it restores; otherwise the one before it (the student loses the last command or two, not the
 * session); otherwise nothing. The newest's problem is what the student is told, whichever way it goes.
 */
export async function recoverSession<M>(loaded: Loaded, restore: (bytes: Uint8Array, attachment: string | undefined) => Promise<M>, reasonOf: (e: unknown) => string): Promise<Recovered<M>> {
  if (loaded.kind === 'none') return {};
  let reason: string;
  if (loaded.kind === 'save') {
    try {
      return { machine: await restore(loaded.bytes, loaded.attachment) };
    } catch (e) {
      reason = reasonOf(e);
    }
  } else reason = loaded.reason;
  if (loaded.previous) {
    try {
      return { machine: await restore(loaded.previous, loaded.previousAttachment), damaged: { bytes: loaded.bytes, reason, fellBack: true } };
    } catch {
      // Both are bad: the newest one is set aside and explained.
    }
  }
  return { damaged: { bytes: loaded.bytes, reason, fellBack: false } };
}
