/** Loads Monaco (and our Dockerfile support) once, on first use: it is a chunk of its own, never in the entry. */
type MonacoModule = typeof import('./monaco-setup.ts');

let loading: Promise<MonacoModule> | undefined;

export function loadMonaco(): Promise<MonacoModule> {
  loading ??= import('./monaco-setup.ts').catch((e: unknown) => {
    // A failed load (say, a dropped connection) may succeed when the editor is shown again.
    loading = undefined;
    throw e;
  });
  return loading;
}
