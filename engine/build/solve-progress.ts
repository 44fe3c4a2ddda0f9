import type { VirtualClock } from '../core/clock.ts';
import type { ProgressWriter, SolveStatus, Vertex, VertexStatus, VertexWarning } from './progress/types.ts';

const NOTHING: SolveStatus = { vertexes: [], statuses: [], logs: [], warnings: [] };

/**
 * The builder's side of the progress stream: starts and ends vertices on the virtual clock and forwards each change
 * as a SolveStatus, as BuildKit's solver reports to the client.
 */
export class SolveProgress {
  #seq = 0;
  readonly #vertices = new Map<string, Vertex>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly writer: ProgressWriter,
  ) {}

  async start(name: string): Promise<string> {
    const id = `v${++this.#seq}`;
    await this.#vertex({ id, name, started: this.clock.now() });
    return id;
  }

  async cached(name: string): Promise<string> {
    const id = `v${++this.#seq}`;
    const now = this.clock.now();
    await this.#vertex({ id, name, started: now, completed: now, cached: true });
    return id;
  }

  async done(id: string): Promise<void> {
    const v = this.#vertices.get(id);
    if (v) await this.#vertex({ ...v, completed: this.clock.now() });
  }

  async fail(id: string, error: string): Promise<void> {
    const v = this.#vertices.get(id);
    if (v) await this.#vertex({ ...v, completed: this.clock.now(), error });
  }

  async cancel(id: string): Promise<void> {
    const v = this.#vertices.get(id);
    if (v && v.completed === undefined) await this.#vertex({ ...v, completed: this.clock.now(), canceled: true });
  }

  /** A status line inside a vertex that is already over when reported (`transferring context: 2B done`). */
  async status(vertex: string, name: string, extra: Partial<VertexStatus> = {}, startedAt = this.clock.now()): Promise<void> {
    const s: VertexStatus = { id: `${vertex}:${name}`, vertex, name, started: startedAt, completed: this.clock.now(), ...extra };
    await this.writer.write({ ...NOTHING, statuses: [s] });
  }

  async progressStatus(s: VertexStatus): Promise<void> {
    await this.writer.write({ ...NOTHING, statuses: [s] });
  }

  async log(vertex: string, stream: 1 | 2, data: string): Promise<void> {
    await this.writer.write({ ...NOTHING, logs: [{ vertex, stream, data, timestamp: this.clock.now() }] });
  }

  async warn(warning: VertexWarning): Promise<void> {
    await this.writer.write({ ...NOTHING, warnings: [warning] });
  }

  async #vertex(v: Vertex): Promise<void> {
    this.#vertices.set(v.id, v);
    await this.writer.write({ ...NOTHING, vertexes: [v] });
  }

  /** Every vertex still running: cancelled when the build stops on an error. */
  async cancelRunning(): Promise<void> {
    for (const v of [...this.#vertices.values()]) if (v.completed === undefined) await this.cancel(v.id);
  }
}
