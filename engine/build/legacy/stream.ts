import type { PullProgress } from '../../image/pull.ts';

/**
 * Where the daemon's stream goes: the client's output, and the client's display for a pull's progress messages
 * (docker/cli renders those jsonmessages; the daemon only sends them).
 */
export interface LegacyOutput {
  write(text: string): Promise<void>;
  pullDisplay(write: (text: string) => Promise<void>): { onProgress: (p: PullProgress) => void; flush: () => Promise<void> };
}

/**
 * The daemon's build output as the legacy client shows it. The daemon streams JSON messages; docker/cli's
 * DisplayJSONMessagesStream prints a `stream` message as it is, so the builder's lines and a RUN's stdout arrive
 * raw. A RUN's stderr goes through the daemon's stderr formatter (streamformatter.NewStderrWriter), which wraps
 * each write in `ESC[91m … ESC[0m`: the bright red the classic builder shows npm's warnings in, terminal or not.
 * Pulls for FROM and `COPY --from` print as `docker pull` does.
 */
export class DaemonStream {
  #written = 0;
  readonly #out: LegacyOutput;

  constructor(out: LegacyOutput) {
    this.#out = out;
  }

  /** Whether the daemon has sent anything yet: an error before that is an API error, `Error response from daemon: …`. */
  get started(): boolean {
    return this.#written > 0;
  }

  async stdout(text: string): Promise<void> {
    if (text === '') return;
    this.#written += text.length;
    await this.#out.write(text);
  }

  async stderr(text: string): Promise<void> {
    if (text === '') return;
    await this.stdout(`\x1b[91m${text}\x1b[0m`);
  }

  /** A pull's progress display, writing through this stream. */
  pull(): { onProgress: (p: PullProgress) => void; flush: () => Promise<void> } {
    return this.#out.pullDisplay((text) => {
      this.#written += text.length;
      return this.#out.write(text);
    });
  }
}
