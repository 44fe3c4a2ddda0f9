/**
 * JSON as Go's encoding/json writes it, because an image ID is the digest of exact config bytes: no spaces, object
 * keys in the order given (callers build objects in Go struct order and sort map keys themselves), and `<`, `>`, `&`,
 * U+2028 and U+2029 escaped as Go does for HTML safety. Control characters other than \n \r \t use lowercase \u00xx,
 * which is also what JSON.stringify does.
 */
export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** A Go map's keys are marshalled sorted; object keys are not, so map-valued fields go through this. */
export function sortedMap<V>(map: Readonly<Record<string, V>>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of Object.keys(map).sort()) out[k] = map[k]!;
  return out;
}
