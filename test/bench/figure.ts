/**
 * What a benchmark (test/bench/*.bench.ts) gives back: figures, each with the bound the project promises for it when
 * there is one. The bound is a number and a comparison, not text, so the report (report.ts) can say whether it is met.
 */

export interface Target {
  readonly op: '<' | '<=' | '>=' | '=';
  readonly bound: number;
  /** Why this bound, shown beside it (`pure-JS sha256 bound`). */
  readonly note?: string;
}

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: Target;
}

/** A benchmark's default export. `{ skipped }` when it cannot run here (no built site, no browser), with the reason. */
export type Bench = (opts: { smoke: boolean }) => Promise<Figure[] | { skipped: string }>;

export const below = (bound: number, note?: string): Target => ({ op: '<', bound, ...(note ? { note } : {}) });
export const atMost = (bound: number, note?: string): Target => ({ op: '<=', bound, ...(note ? { note } : {}) });
export const atLeast = (bound: number, note?: string): Target => ({ op: '>=', bound, ...(note ? { note } : {}) });
export const exactly = (bound: number, note?: string): Target => ({ op: '=', bound, ...(note ? { note } : {}) });

export function meets(value: number, target: Target): boolean {
  switch (target.op) {
    case '<':
      return value < target.bound;
    case '<=':
      return value <= target.bound;
    case '>=':
      return value >= target.bound;
    case '=':
      return value === target.bound;
  }
}
