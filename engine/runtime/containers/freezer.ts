import { VirtualClock } from '../../core/clock.ts';
import type { Writable } from '../../programs/streams.ts';

/**
 * The cgroup freezer (`docker pause`): a frozen container's processes get no CPU, so a sleep that comes due while
 * frozen ends only after the thaw, a busy loop stops between two steps and nothing more is written. The host's
 * clock keeps going; only what the container's processes would do with it waits.
 */
export class Freezer {
  #frozen = false;
  /** Timers that came due while frozen, in the order they came due. */
  #held: (() => void)[] = [];
  #waiters: (() => void)[] = [];

  get frozen(): boolean {
    return this.#frozen;
  }

  freeze(): void {
    this.#frozen = true;
  }

  thaw(): void {
    if (!this.#frozen) return;
    this.#frozen = false;
    for (const fire of this.#held.splice(0)) fire();
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Resolves at once when running, else at the thaw. */
  thawed(): Promise<void> {
    return this.#frozen ? new Promise((resolve) => this.#waiters.push(resolve)) : Promise.resolve();
  }

  /** Runs `fire` now, or at the thaw; returns what cancels a held run. */
  run(fire: () => void): () => void {
    if (!this.#frozen) {
      fire();
      return () => {};
    }
    this.#held.push(fire);
    return () => {
      const i = this.#held.indexOf(fire);
      if (i >= 0) this.#held.splice(i, 1);
    };
  }

  /** The container's view of the virtual clock: its timers fire only while it is not frozen. */
  clock(host: VirtualClock): VirtualClock {
    return new FreezableClock(host, this);
  }

  /** A stream the container writes to: a frozen process cannot write, so the write waits for the thaw. */
  writer(out: Writable): Writable {
    const thawed = () => this.thawed();
    return {
      async write(data) {
        await thawed();
        return out.write(data);
      },
      get broken() {
        return out.broken;
      },
      ...(out.tty ? { tty: out.tty } : {}),
    };
  }
}

/**
 * A VirtualClock (what every program gets as `p.clock`) whose time is the host's and whose timers go through the
 * freezer. Only the timer side differs: moving the clock stays the host's business.
 */
class FreezableClock extends VirtualClock {
  readonly #host: VirtualClock;
  readonly #freezer: Freezer;

  constructor(host: VirtualClock, freezer: Freezer) {
    super(host.now());
    this.#host = host;
    this.#freezer = freezer;
  }

  override now(): number {
    return this.#host.now();
  }

  override nowSeconds(): number {
    return this.#host.nowSeconds();
  }

  override at(at: number, fire: () => void): () => void {
    let cancelHeld: (() => void) | undefined;
    const cancel = this.#host.at(at, () => {
      cancelHeld = this.#freezer.run(fire);
    });
    return () => {
      cancel();
      cancelHeld?.();
    };
  }

  override after(ms: number, fire: () => void): () => void {
    return this.at(this.#host.now() + Math.max(0, ms), fire);
  }

  override async yield(): Promise<void> {
    await this.#host.yield();
    await this.#freezer.thawed();
  }

  override get yielding(): number {
    return this.#host.yielding;
  }

  override nextTimerAt(): number | undefined {
    return this.#host.nextTimerAt();
  }

  override advanceTo(target: number): void {
    this.#host.advanceTo(target);
  }

  override advance(ms: number): void {
    this.#host.advance(ms);
  }

  override set(ms: number): void {
    this.#host.set(ms);
  }
}
