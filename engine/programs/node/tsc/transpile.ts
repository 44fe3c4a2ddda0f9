import type { VirtualClock } from '../../../core/clock.ts';

/**
 * Type stripping with sucrase, loaded on first use so the page only downloads it when someone runs tsc. Sucrase
 * removes types and (for CommonJS) rewrites imports; it does not type-check and does not lower newer syntax to an
 * older `target`, and its output spells helpers its own way, not as tsc's emit does.
 */

export interface TranspileResult {
  readonly code?: string;
  /** The first syntax error, with a 1-based position as tsc reports it. */
  readonly error?: { readonly line: number; readonly column: number; readonly message: string };
}

type Transform = (code: string, options: { transforms: string[]; filePath?: string; production?: boolean; disableESTransforms?: boolean }) => { code: string };
let sucrase: Promise<Transform> | undefined;

/**
 * Loading the module is real (not virtual) time. The process keeps yielding meanwhile, so a headless driver sees
 * work in progress rather than a process waiting on nothing.
 */
async function load(clock: VirtualClock): Promise<Transform> {
  sucrase ??= import('sucrase').then((m) => m.transform as unknown as Transform);
  let done = false;
  void sucrase.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) await clock.yield();
  return sucrase;
}

export async function transpile(clock: VirtualClock, source: string, filePath: string, commonjs: boolean, jsx: boolean): Promise<TranspileResult> {
  const transform = await load(clock);
  const transforms = ['typescript', ...(commonjs ? ['imports'] : []), ...(jsx ? ['jsx'] : [])];
  try {
    return { code: transform(source, { transforms, filePath, production: true, disableESTransforms: true }).code };
  } catch (e) {
    const err = e as { message?: string; loc?: { line: number; column: number } };
    const loc = err.loc ?? { line: 1, column: 1 };
    // Sucrase's column already counts from 1 at the offending token, as tsc's does.
    return { error: { line: loc.line, column: loc.column, message: String(err.message ?? e).replace(/\s*\(\d+:\d+\)$/, '') } };
  }
}
