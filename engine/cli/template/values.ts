/**
 * Go values as templates see them. Engine data is plain JS; these markers add what Go's reflection would know:
 * - a struct: an object tagged with `goStruct(type, fields)` (field order = declaration order, for json and %v;
 *   JSON names and omitempty from the type; an unknown field is an error naming the Go type);
 * - a map: a JS `Map`, or an untagged plain object (like map[string]interface{}); missing keys give `<no value>`;
 * - a slice: an array; typed nils: NIL_SLICE (prints `[]`, json `null`) and NIL_MAP; `null` is a nil pointer or
 *   interface (`<nil>`); numbers are Go ints when integral, float64 otherwise.
 */
export const GO_TYPE = Symbol('go.type');

export interface GoStructType {
  /** Go's name for the type in errors, e.g. `system.dockerInfo`. */
  readonly name: string;
  /** Go field name -> JSON name where they differ (`APIVersion` -> `ApiVersion`). */
  readonly json?: Readonly<Record<string, string>>;
  /** Field order in JSON when it differs from the Go declaration order. */
  readonly jsonOrder?: readonly string[];
  /** Fields tagged `omitempty`. */
  readonly omitEmpty?: readonly string[];
}

export type GoStruct = Record<string, unknown> & { readonly [GO_TYPE]: GoStructType };

export function goStruct<T extends Record<string, unknown>>(type: GoStructType, fields: T): T & { readonly [GO_TYPE]: GoStructType } {
  return Object.assign(Object.create(null) as object, fields, { [GO_TYPE]: type }) as T & { readonly [GO_TYPE]: GoStructType };
}

export function isGoStruct(v: unknown): v is GoStruct {
  return typeof v === 'object' && v !== null && GO_TYPE in v;
}

class TypedNil {
  constructor(readonly kind: 'slice' | 'map') {}
}
export const NIL_SLICE = new TypedNil('slice');
export const NIL_MAP = new TypedNil('map');
export function isTypedNil(v: unknown): v is TypedNil {
  return v instanceof TypedNil;
}

/**
 * Methods of a map-typed value, found before its keys as Go does: docker's table header is a
 * `map[string]string` type with a `Label(name)` method. Holds `Record<string, (...args) => unknown>`.
 */
export const GO_METHODS = Symbol('go.methods');

/** Go's json.Marshaler: a value carrying this function is encoded as the (compact) JSON text it returns. */
export const GO_MARSHAL_JSON = Symbol('go.marshalJSON');

/** A value that is not there (a missing map key): prints `<no value>`. */
export const NO_VALUE = Symbol('no value');

export function isPlainMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !isGoStruct(v) && !isTypedNil(v);
}

/** Map entries in Go's printing order (sorted keys). */
export function mapEntries(v: Map<unknown, unknown> | Record<string, unknown>): [unknown, unknown][] {
  const entries: [unknown, unknown][] = v instanceof Map ? [...v.entries()] : Object.entries(v);
  return entries.sort(([a], [b]) => compareKeys(a, b));
}

function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Go's notion of truth for if/with/and/or/not: the zero value is false, structs are always true. */
export function isTrue(v: unknown): boolean {
  if (v === null || v === undefined || v === NO_VALUE || isTypedNil(v)) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  if (isGoStruct(v)) return true;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** Go's type name for errors and %!verb(type=...) (best effort for untyped JS data). */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined || v === NO_VALUE) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64';
  if (isGoStruct(v)) return v[GO_TYPE].name;
  if (v === NIL_SLICE) return '[]interface {}';
  if (Array.isArray(v)) {
    const first = v[0];
    return `[]${v.length > 0 && v.every((x) => goTypeName(x) === goTypeName(first)) ? goTypeName(first) : 'interface {}'}`;
  }
  return 'map[string]interface {}';
}

/** fmt's %v. */
export function formatValue(v: unknown, top = true): string {
  if (v === NO_VALUE) return '<no value>';
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (v === NIL_SLICE) return '[]';
  if (v === NIL_MAP) return 'map[]';
  if (Array.isArray(v)) return `[${v.map((x) => formatValue(x, false)).join(' ')}]`;
  if (isGoStruct(v)) return `{${Object.keys(v).map((k) => formatValue(v[k], false)).join(' ')}}`;
  if (v instanceof Map || typeof v === 'object') {
    const entries = mapEntries(v as Map<unknown, unknown> | Record<string, unknown>);
    return `map[${entries.map(([k, x]) => `${formatValue(k, false)}:${formatValue(x, false)}`).join(' ')}]`;
  }
  void top;
  return String(v);
}

/** strconv.FormatFloat(f, 'g', -1, 64) as %v prints a float64; integers print plainly. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = n.toExponential().split('e');
    const sign = e!.startsWith('-') ? '-' : '+';
    return `${m}e${sign}${e!.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return String(n);
}
