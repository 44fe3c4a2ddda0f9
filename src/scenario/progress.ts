/**
 * How far the student got with each scenario, kept in localStorage: started, solved, or solved after the solution
 * was shown. A value this page did not write (another version, a hand edit) is ignored, never trusted.
 */

export type Progress = 'not-started' | 'in-progress' | 'solved' | 'solution-shown';

export const PROGRESS_LABELS: Readonly<Record<Progress, string>> = {
  'not-started': 'not started',
  'in-progress': 'in progress',
  solved: 'solved',
  'solution-shown': 'solved with solution shown',
};

const KEY = 'dockyard.scenario-progress';
const STORED = new Set<Progress>(['in-progress', 'solved', 'solution-shown']);
/** A later state never gives way to an earlier one; solved (by the student) outranks solved after seeing the answer. */
const RANK: Readonly<Record<Progress, number>> = { 'not-started': 0, 'in-progress': 1, 'solution-shown': 2, solved: 3 };

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export class ProgressBook {
  readonly #store: Store | undefined;

  constructor(store: Store | undefined = safeLocalStorage()) {
    this.#store = store;
  }

  all(): Record<string, Progress> {
    let raw: unknown;
    try {
      raw = JSON.parse(this.#store?.getItem(KEY) ?? '{}');
    } catch {
      return {};
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const out: Record<string, Progress> = {};
    for (const [id, value] of Object.entries(raw)) if (STORED.has(value as Progress) && /^[a-z0-9-]+$/.test(id)) out[id] = value as Progress;
    return out;
  }

  of(id: string): Progress {
    return this.all()[id] ?? 'not-started';
  }

  /**
   * Records that `id` reached `progress`; a scenario once solved stays solved, and one solved with the solution shown
   * never becomes plainly solved (the solution had been seen).
   */
  mark(id: string, progress: Progress): Progress {
    const all = this.all();
    const before = all[id] ?? 'not-started';
    let next = RANK[progress] > RANK[before] ? progress : before;
    if (before === 'solution-shown' && progress === 'solved') next = before;
    if (next === before) return before;
    all[id] = next;
    try {
      this.#store?.setItem(KEY, JSON.stringify(all));
    } catch {
      // Storage full or refused: progress is a convenience; the scenario works the same without it.
    }
    return next;
  }
}

function safeLocalStorage(): Store | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
