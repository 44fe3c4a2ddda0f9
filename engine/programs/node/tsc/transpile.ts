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

function load(): Promise<Transform> {
  sucrase ??= import('sucrase').then((m) => m.transform as unknown as Transform);
  return sucrase;
}

export async function transpile(source: string, filePath: string, commonjs: boolean, jsx: boolean): Promise<TranspileResult> {
  const transform = await load();
  const transforms = ['typescript', ...(commonjs ? ['imports'] : []), ...(jsx ? ['jsx'] : [])];
  try {
    return { code: transform(source, { transforms, filePath, production: true, disableESTransforms: true }).code };
  } catch (e) {
    const err = e as { message?: string; loc?: { line: number; column: number } };
    const loc = err.loc ?? { line: 1, column: 0 };
    return { error: { line: loc.line, column: loc.column + 1, message: String(err.message ?? e).replace(/\s*\(\d+:\d+\)$/, '') } };
  }
}
