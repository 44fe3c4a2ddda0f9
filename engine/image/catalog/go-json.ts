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

/** Containers this large are written entry by entry by goJsonSliced; smaller ones (a history line) in one call. */
const SPLIT_ENTRIES = 16;

/**
 * goJson's exact bytes for plain data (objects, arrays, strings, numbers, booleans, null), written a piece at a time
 * with a `pause()` every `budget` characters, so that the config of an image with 100,000 labels and history lines
 * (tens of megabytes) does not hold the page in one call. The two outer levels are always split, deeper containers
 * only when large.
 */
export async function goJsonSliced(value: unknown, pause: () => Promise<void>, budget: number): Promise<string> {
  const parts: string[] = [];
  let written = 0;
  for (const characters of pieces(value, 0, parts)) {
    written += characters;
    if (written >= budget) {
      written = 0;
      await pause();
    }
  }
  return parts.join('');
}

/** Appends `v`'s JSON to `parts`, yielding the characters of each piece written. */
function* pieces(v: unknown, depth: number, parts: string[]): Generator<number, void, void> {
  if (typeof v === 'object' && v !== null && !('toJSON' in v)) {
    const array = Array.isArray(v);
    const record = v as Record<string, unknown>;
    const keys = array ? undefined : Object.keys(v).filter((k) => isJsonValue(record[k]));
    const entries = array ? v.length : keys!.length;
    if (depth < 2 || entries > SPLIT_ENTRIES) {
      parts.push(array ? '[' : '{');
      for (let i = 0; i < entries; i++) {
        if (i > 0) parts.push(',');
        if (array) {
          const x: unknown = v[i];
          yield* pieces(isJsonValue(x) ? x : null, depth + 1, parts);
        } else {
          parts.push(goJson(keys![i]!), ':');
          yield* pieces(record[keys![i]!], depth + 1, parts);
        }
      }
      parts.push(array ? ']' : '}');
      return;
    }
  }
  const json = goJson(v);
  parts.push(json);
  yield json.length;
}

/** What JSON.stringify keeps as an object member (it leaves out undefined, functions and symbols). */
const isJsonValue = (v: unknown) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
