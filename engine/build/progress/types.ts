/**
 * BuildKit's progress model (api/services/control SolveStatus, as util/progress/progressui consumes it), on the
 * virtual clock. The builder emits these; the printers (plain, tty, quiet, rawjson) turn them into what buildx
 * shows. Times are virtual-clock milliseconds.
 */

/** One node of the build graph as the user sees it: `[internal] load build definition…`, `[2/6] WORKDIR /app`. */
export interface Vertex {
  /** Stable identity within one build (BuildKit uses the op digest). */
  readonly id: string;
  /** What follows `#N ` in plain output. */
  readonly name: string;
  readonly started?: number;
  readonly completed?: number;
  readonly cached?: boolean;
  /** Set when the vertex failed: printed as `#N ERROR: <error>`. */
  readonly error?: string;
  /** The vertex was stopped because another one failed (or Ctrl-C): `#N CANCELED`. */
  readonly canceled?: boolean;
}

/** A progress line inside a vertex: `transferring context: 1.21kB done`, `writing image sha256:… done`. */
export interface VertexStatus {
  /** Identity within the build (updates to one status share it); never printed. */
  readonly id: string;
  readonly vertex: string;
  /**
   * The text the printers show, BuildKit's status ID: `transferring context:` (colon included), `writing image
   * sha256:…`, `naming to docker.io/library/app:latest`. The size and `done` are added by the printer.
   */
  readonly name: string;
  readonly current?: number;
  readonly total?: number;
  /** Not in BuildKit's model: its printers always show current/total as byte sizes (`1.21kB / 45.60MB`). */
  readonly units?: 'bytes' | 'count';
  readonly started?: number;
  readonly completed?: number;
  /** When this update was sent (BuildKit's Timestamp): a running status's elapsed time is measured to it. */
  readonly timestamp?: number;
}

/** Output of a RUN step's process (stream 1 stdout, 2 stderr). */
export interface VertexLog {
  readonly vertex: string;
  readonly stream: 1 | 2;
  readonly data: string;
  readonly timestamp: number;
}

/** A build check result attached to the vertex that parsed the Dockerfile. */
export interface VertexWarning {
  readonly vertex: string;
  /** `JSONArgsRecommended: JSON arguments recommended for CMD … (line 9)` as BuildKit's short form. */
  readonly short: string;
  readonly detail: readonly string[];
  readonly url?: string;
  /** 1-based source lines the warning points at, when it has a location. */
  readonly range?: { readonly start: number; readonly end: number };
  /** The Dockerfile the range points into; `docker --debug build` prints the lines from it. */
  readonly sourceInfo?: { readonly filename: string; readonly data: string };
}

/** One update: everything that changed since the previous one. */
export interface SolveStatus {
  readonly vertexes: readonly Vertex[];
  readonly statuses: readonly VertexStatus[];
  readonly logs: readonly VertexLog[];
  readonly warnings: readonly VertexWarning[];
}

/** Receives progress as the build runs; `done` is called once when the build ends, with the clock's time. */
export interface ProgressWriter {
  write(status: SolveStatus): void | Promise<void>;
  done(at: number): void | Promise<void>;
}
