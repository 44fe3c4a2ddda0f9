/**
 * A typed event stream. The UI and scenarios subscribe to it; the engine emits what happened (an image was pulled,
 * a container changed state, a file was written) so pictures update live without polling.
 */
export type Listener<E> = (event: E) => void;

export class EventStream<E extends { readonly type: string }> {
  #listeners = new Set<Listener<E>>();

  subscribe(listener: Listener<E>): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Subscribes to one kind of event only. */
  on<T extends E['type']>(type: T, listener: Listener<Extract<E, { type: T }>>): () => void {
    return this.subscribe((e) => {
      if (e.type === type) listener(e as Extract<E, { type: T }>);
    });
  }

  emit(event: E): void {
    for (const listener of [...this.#listeners]) {
      // A broken listener (a UI bug) must never break the engine.
      try {
        listener(event);
      } catch {
        /* ignored on purpose */
      }
    }
  }
}
