import type { BuildOutcome } from './service.ts';
import type { StepRecord } from './types.ts';

/** How many finished builds the daemon remembers for the build picture (BuildKit's own history keeps more). */
export const BUILDS_KEPT = 5;

/** One finished build as the build picture shows it: what was asked, what happened, every step. */
export interface BuildRecord {
  /** 1 for the machine's first build, counting up, so a picture can tell builds apart. */
  readonly seq: number;
  readonly builder: 'buildkit' | 'legacy';
  /** The Dockerfile's name in the context (`Dockerfile`, `app.Dockerfile`). */
  readonly dockerfileName: string;
  /** Canonical tag references the build was asked to name. */
  readonly tags: readonly string[];
  /** Virtual milliseconds. */
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly outcome: BuildOutcome;
  /** Every step recorded, in the order it ran; on a failed build, up to and including the one that failed. */
  readonly steps: readonly StepRecord[];
  /** Stages the target did not need, which BuildKit skips. */
  readonly skippedStages: readonly string[];
}

/** The list with `record` added last, keeping the newest BUILDS_KEPT. */
export function rememberBuild(history: readonly BuildRecord[], record: BuildRecord): readonly BuildRecord[] {
  return [...history, record].slice(-BUILDS_KEPT);
}
