import type { DirEntry } from '../fs/types.ts';
import type { Digest } from '../image/types.ts';
import type { NewLayer } from '../image/store.ts';

/** What `docker build` asks of the builder, once the client has read its flags and the context. */
export interface BuildRequest {
  /** The context as the daemon receives it (ignored files already gone). */
  readonly context: DirEntry;
  /** Bytes of the context, for `transferring context: …`. */
  readonly contextBytes: number;
  /** The Dockerfile's text and the name the progress shows (`Dockerfile`, `app.Dockerfile`). */
  readonly dockerfile: string;
  readonly dockerfileName: string;
  /** What `transferring dockerfile:` counts (the protocol's bytes); the file's own length when absent. */
  readonly dockerfileTransferBytes?: number;
  /** Size of the ignore file sent (`transferring context: 2B` when there is none). */
  readonly ignoreFileBytes: number;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly noCache: boolean;
  readonly pull: boolean;
  readonly labels: Readonly<Record<string, string>>;
  /** Canonical tag references to point at the result. */
  readonly tags: readonly string[];
  /** `--secret` values by id: mounted by `RUN --mount=type=secret`, never in a layer or a cache key. */
  readonly secrets?: ReadonlyMap<string, Uint8Array>;
}

/** Why a step did or did not come from the cache: what the UI explains. */
export type StepReason =
  | { readonly kind: 'cached' }
  | { readonly kind: 'first-build' }
  | { readonly kind: 'no-cache' }
  /** The step below it was rebuilt, so its input is new. */
  | { readonly kind: 'parent-changed' }
  | { readonly kind: 'base-changed'; readonly image: string }
  | { readonly kind: 'files-changed'; readonly added: readonly string[]; readonly changed: readonly string[]; readonly removed: readonly string[] }
  | { readonly kind: 'definition-changed'; readonly what: readonly string[] };

/** One step of a build as it ran. */
export interface StepRecord {
  readonly stage: string;
  /** `[2/6] WORKDIR /app` as progress showed it. */
  readonly label: string;
  readonly instruction: string;
  readonly line: number;
  readonly cached: boolean;
  readonly reason: StepReason;
  readonly diffId?: Digest;
  readonly size?: number;
  /** Virtual milliseconds the step ran (0 when it came from the cache); absent where the builder does not time steps. */
  readonly durationMs?: number;
  /** Set on the step the build failed at: what it failed with. */
  readonly error?: string;
}

export interface BuildResult {
  readonly imageId: Digest;
  readonly steps: readonly StepRecord[];
  /** Tags that moved away from another image, which is now dangling unless still tagged elsewhere. */
  readonly displaced: readonly Digest[];
}

/** A filesystem state as a stack of layers, bottom first, with the cache key of the operation that produced it. */
export interface Snapshot {
  readonly layers: readonly NewLayer[];
  /** The union of `layers`, computed once. */
  readonly root: DirEntry;
  readonly key: string;
}
