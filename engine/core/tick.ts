/**
 * Waits for the next macrotask. Every in-memory step of a simulated program is a promise continuation (a microtask),
 * so once a macrotask comes round, anything still pending is waiting on the virtual clock or on outside input.
 * That is how headless runs know when it is safe to jump the clock forward.
 */
export function macrotask(): Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown };
  if (g.setImmediate) return new Promise((resolve) => g.setImmediate!(resolve));
  return new Promise((resolve) => postTask(resolve));
}

/**
 * A page has no setImmediate, and nested setTimeout(0) waits at least 4 ms from the fifth level on: a build that
 * yields a few hundred times would idle for seconds. A message to ourselves is a task too (the page paints and takes
 * input between tasks) without that clamp.
 */
const pending: (() => void)[] = [];
let channel: MessageChannel | undefined;
function postTask(run: () => void): void {
  if (typeof MessageChannel !== 'function') {
    setTimeout(run, 0);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => pending.shift()?.();
  }
  pending.push(run);
  channel.port2.postMessage(undefined);
}
