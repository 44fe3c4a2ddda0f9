import { GO_MARSHAL_JSON, GO_TYPE, isGoStruct, isTypedNil, mapEntries, NO_VALUE } from './values.ts';

/**
 * Go's encoding/json Marshal of template values: struct fields in declaration order under their JSON names
 * (omitempty honoured), map keys sorted, nil slices and maps as `null`. Docker's `json` template function turns
 * HTML escaping off; `escapeHTML` gives Go's default (`<` as \u003c...) for callers that need it.
 */
export function marshalJson(v: unknown, escapeHTML = false): string {
  const s = encode(v);
  const out = s.replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return escapeHTML ? out.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`) : out;
}

function encode(v: unknown): string {
  if (v === null || v === undefined || v === NO_VALUE || isTypedNil(v)) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(encode).join(',')}]`;
  if (typeof v === 'object' && GO_MARSHAL_JSON in v) return (v[GO_MARSHAL_JSON] as () => string)();
  if (isGoStruct(v)) {
    const type = v[GO_TYPE];
    const parts: string[] = [];
    for (const key of type.jsonOrder ?? Object.keys(v)) {
      const value = v[key];
      if (typeof value === 'function') continue;
      if (type.omitEmpty?.includes(key) && isEmpty(value)) continue;
      parts.push(`${JSON.stringify(type.json?.[key] ?? key)}:${encode(value)}`);
    }
    return `{${parts.join(',')}}`;
  }
  if (typeof v === 'object') {
    const entries = mapEntries(v as Map<unknown, unknown> | Record<string, unknown>);
    return `{${entries.map(([k, x]) => `${JSON.stringify(String(k))}:${encode(x)}`).join(',')}}`;
  }
  return 'null';
}

function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '' || isTypedNil(v)) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  if (typeof v === 'object' && !isGoStruct(v)) return Object.keys(v).length === 0;
  return false;
}
