/**
 * Waits for the next macrotask. Every in-memory step of a simulated program is a promise continuation (a microtask),
 * so once a macrotask comes round, anything still pending is waiting on the virtual clock or on outside input.
 * That is how headless runs know when it is safe to jump the clock forward.
 */
export function macrotask(): Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown };
  return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : setTimeout(resolve, 0)));
}
