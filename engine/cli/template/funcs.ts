import { marshalJson } from './json.ts';
import { sprintf } from './printf.ts';
import { formatValue, goTypeName, isGoStruct, isTrue, isTypedNil, NO_VALUE } from './values.ts';

/**
 * The functions a docker `--format` template can call: Go's builtins (len, index, print, printf, println, eq, ne,
 * lt, le, gt, ge, and, or, not, slice, html, js, urlquery) and docker's own (json, split, join, title, lower,
 * upper, pad, truncate; docker/cli templates/templates.go).
 */

/** An error inside a function; the executor reports it as `error calling NAME: MESSAGE`. */
export class FuncError extends Error {}

/** Parameter types that the executor checks before calling, with Go's wording on mismatch. */
export type ParamType = 'any' | 'string' | 'int' | '[]string';

export interface TemplateFunc {
  readonly params: readonly ParamType[];
  /** Type of extra arguments for a variadic function. */
  readonly variadic?: ParamType;
  readonly fn: (...args: unknown[]) => unknown;
}

const f = (params: ParamType[], fn: (...args: never[]) => unknown, variadic?: ParamType): TemplateFunc => ({
  params,
  fn: fn as (...args: unknown[]) => unknown,
  ...(variadic ? { variadic } : {}),
});

function basicKind(v: unknown): 'int' | 'float' | 'string' | 'bool' | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return undefined;
}

function eq(a: unknown, ...bs: unknown[]): boolean {
  if (bs.length === 0) throw new FuncError('missing argument for comparison');
  for (const b of bs) {
    const ka = basicKind(a);
    const kb = basicKind(b);
    if (ka === undefined || kb === undefined) {
      if (a === null && b === null) return true;
      if ((a === null || b === null) && (ka !== undefined || kb !== undefined)) throw new FuncError('incompatible types for comparison');
      if (ka === undefined && kb === undefined && a !== null && b !== null) throw new FuncError('non-comparable types');
      continue;
    }
    if (ka !== kb && !(ka !== 'string' && ka !== 'bool' && kb !== 'string' && kb !== 'bool')) {
      throw new FuncError('incompatible types for comparison');
    }
    if (a === b) return true;
  }
  return false;
}

function lt(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === undefined || kb === undefined || ka === 'bool' || kb === 'bool') throw new FuncError('invalid type for comparison');
  if ((ka === 'string') !== (kb === 'string')) throw new FuncError('incompatible types for comparison');
  return (a as number | string) < (b as number | string);
}

function length(v: unknown): number {
  if (typeof v === 'string') return new TextEncoder().encode(v).length;
  if (Array.isArray(v)) return v.length;
  if (v instanceof Map) return v.size;
  if (isTypedNil(v)) return 0;
  if (typeof v === 'object' && v !== null && !isGoStruct(v)) return Object.keys(v).length;
  throw new FuncError(`len of type ${goTypeName(v)}`);
}

function index(item: unknown, ...keys: unknown[]): unknown {
  let v = item;
  for (const key of keys) {
    if (v === null || v === undefined || v === NO_VALUE) throw new FuncError('index of untyped nil');
    if (Array.isArray(v) || typeof v === 'string') {
      if (typeof key !== 'number' || !Number.isInteger(key)) throw new FuncError(`cannot index slice/array with type ${goTypeName(key)}`);
      if (key < 0 || key >= v.length) throw new FuncError(`index out of range: ${key}`);
      v = typeof v === 'string' ? new TextEncoder().encode(v)[key] : v[key];
    } else if (isTypedNil(v)) {
      if (typeof key === 'number') throw new FuncError(`index out of range: ${key}`);
      v = null;
    } else if (v instanceof Map) {
      v = v.has(key) ? v.get(key) : null;
    } else if (typeof v === 'object' && !isGoStruct(v)) {
      v = Object.hasOwn(v, String(key)) ? (v as Record<string, unknown>)[String(key)] : null;
    } else {
      throw new FuncError(`can't index item of type ${goTypeName(v)}`);
    }
  }
  return v;
}

function print(args: unknown[]): string {
  // fmt.Sprint: a space between operands when neither is a string.
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatValue(a);
  });
  return out;
}

function title(s: string): string {
  // strings.Title: upper-case the first letter of each word (words separated by non-letters).
  return s.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

function truncate(s: string, n: number): string {
  const runes = [...s];
  return runes.length > n ? runes.slice(0, n).join('') : s;
}

function escapeHtml(s: string): string {
  return s.replace(/[<>&'"\0]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;', '\0': '\uFFFD' })[c]!);
}

export const FUNCS: ReadonlyMap<string, TemplateFunc> = new Map<string, TemplateFunc>([
  ['and', f(['any'], (...a: unknown[]) => a.find((x) => !isTrue(x)) ?? a[a.length - 1], 'any')],
  ['or', f(['any'], (...a: unknown[]) => a.find((x) => isTrue(x)) ?? a[a.length - 1], 'any')],
  ['not', f(['any'], (a: unknown) => !isTrue(a))],
  ['len', f(['any'], length)],
  ['index', f(['any'], index, 'any')],
  ['print', f([], (...a: unknown[]) => print(a), 'any')],
  ['println', f([], (...a: unknown[]) => a.map((x) => formatValue(x)).join(' ') + '\n', 'any')],
  ['printf', f(['string'], (fmt: string, ...a: unknown[]) => sprintf(fmt, a), 'any')],
  ['eq', f(['any'], eq, 'any')],
  ['ne', f(['any', 'any'], (a: unknown, b: unknown) => !eq(a, b))],
  ['lt', f(['any', 'any'], lt)],
  ['le', f(['any', 'any'], (a: unknown, b: unknown) => lt(a, b) || eq(a, b))],
  ['gt', f(['any', 'any'], (a: unknown, b: unknown) => !lt(a, b) && !eq(a, b))],
  ['ge', f(['any', 'any'], (a: unknown, b: unknown) => !lt(a, b))],
  ['html', f([], (...a: unknown[]) => escapeHtml(print(a)), 'any')],
  ['js', f([], (...a: unknown[]) => print(a).replace(/[\\'"<>&=]/g, (c) => (c === '\\' || c === "'" || c === '"' ? `\\${c}` : `\\u00${c.charCodeAt(0).toString(16).toUpperCase()}`)), 'any')],
  ['urlquery', f([], (...a: unknown[]) => encodeURIComponent(print(a)).replace(/%20/g, '+'), 'any')],
  // docker/cli templates.go
  ['json', f(['any'], (v: unknown) => marshalJson(v))],
  ['split', f(['string', 'string'], (s: string, sep: string) => s.split(sep))],
  ['join', f(['[]string', 'string'], (a: string[], sep: string) => a.join(sep))],
  ['title', f(['string'], title)],
  ['lower', f(['string'], (s: string) => s.toLowerCase())],
  ['upper', f(['string'], (s: string) => s.toUpperCase())],
  ['pad', f(['string', 'int', 'int'], (s: string, l: number, r: number) => ' '.repeat(l) + s + ' '.repeat(r))],
  ['truncate', f(['string', 'int'], truncate)],
]);

/** In a table's header line each docker function returns its first argument, so `{{upper .Name}}` heads NAME. */
export const HEADER_FUNCS: ReadonlyMap<string, TemplateFunc> = new Map<string, TemplateFunc>([
  ...FUNCS,
  ...['json', 'title', 'lower', 'upper'].map((n) => [n, f(['any'], (v: unknown) => v)] as const),
  ['split', f(['any', 'any'], (v: unknown) => v)],
  ['join', f(['any', 'any'], (v: unknown) => v)],
  ['pad', f(['any', 'any', 'any'], (v: unknown) => v)],
  ['truncate', f(['any', 'any'], (v: unknown) => v)],
]);

