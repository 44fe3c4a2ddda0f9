import type { Process } from '../../process.ts';
import type { ShellEvaluator } from './evaluator.ts';

/**
 * The sandbox evaluator, loaded with the JavaScript sandbox and Babel's parser on the first line of JavaScript:
 * neither belongs in the page's main bundle, and `show dbs`, `use` and `exit` never need them.
 */
let loading: Promise<typeof import('./sandbox-evaluator.ts')> | undefined;

export function sandboxEvaluator(p: Process): ShellEvaluator {
  let inner: ShellEvaluator | undefined;
  return {
    async evaluate(source, globals) {
      if (!inner) {
        loading ??= import('./sandbox-evaluator.ts');
        // Loading takes real time: keep yielding so a headless driver sees work in progress, not a process waiting.
        let done = false;
        void loading.then(
          () => (done = true),
          () => (done = true),
        );
        while (!done) await p.clock.yield();
        inner = new (await loading).SandboxEvaluator(p);
      }
      return inner.evaluate(source, globals);
    },
    close() {
      inner?.close?.();
    },
  };
}
