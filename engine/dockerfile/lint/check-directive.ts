// The `# check=skip=A,B;error=true` parser directive (BuildKit's linter.ParseLintOptions).

export interface CheckConfig {
  readonly skipAll: boolean;
  readonly skip: ReadonlySet<string>;
  readonly error: boolean;
}

export const DEFAULT_CHECK: CheckConfig = { skipAll: false, skip: new Set(), error: false };

/**
 * Reads the directive's value. Unknown keys and unparsable parts are ignored rather than failing the lint: the
 * editor should keep showing the other warnings while the user is still typing the directive.
 */
export function parseCheckDirective(value: string | undefined): CheckConfig {
  if (value === undefined) return DEFAULT_CHECK;
  let skip: string[] = [];
  let error = false;
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const val = part.slice(eq + 1).trim();
    if (key === 'skip') skip = val.split(',').map((s) => s.trim()).filter((s) => s !== '');
    else if (key === 'error') error = val.toLowerCase() === 'true' || val === '1';
  }
  return { skipAll: skip.some((s) => s.toLowerCase() === 'all'), skip: new Set(skip), error };
}
