/**
 * Bad scenario or attempt files. `path` names the field (`tasks[0].checks[1]`), so a teacher can find the typo;
 * the message reads `PATH: what is wrong`.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    readonly code: 'yaml' | 'schema' | 'project',
    readonly path: string,
    readonly detail: string,
  ) {
    super(path ? `${path}: ${detail}` : detail);
  }
}

export class AttemptError extends Error {
  override readonly name = 'AttemptError';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(path ? `${path}: ${detail}` : detail);
  }
}

/** `tasks[0].checks[1].mount` from path segments. */
export function joinPath(base: string, segments: readonly PropertyKey[]): string {
  let out = base;
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? String(s) : `.${String(s)}`;
  }
  return out;
}
