import { compareValues, isDoc, type Doc, type Value } from './bson.ts';
import { CommandError, badValue } from './command-error.ts';
import { valuesAt } from './query.ts';
import { setPath } from './update.ts';

/** What `find` does after matching: sort, skip, limit and projection, in the server's order and with its errors. */

export function sortDocs(docs: Doc[], sort: Doc): Doc[] {
  const keys = Object.entries(sort).map(([k, dir]) => {
    if (dir !== 1 && dir !== -1) throw badValue('$sort key ordering must be 1 (for ascending) or -1 (for descending)');
    return { path: k.split('.'), dir };
  });
  if (keys.length === 0) return docs;
  // Array-valued fields sort by their smallest element ascending, largest descending, as mongod does.
  const key = (d: Doc, path: string[], dir: number): Value | undefined => {
    const vs = valuesAt(d, path).flatMap((v) => (Array.isArray(v) ? (v as Value[]) : [v]));
    return vs.reduce<Value | undefined>((best, v) => (best === undefined || compareValues(v, best) * dir < 0 ? v : best), undefined);
  };
  return [...docs].sort((a, b) => {
    for (const { path, dir } of keys) {
      const c = compareValues(key(a, path, dir), key(b, path, dir)) * dir;
      if (c !== 0) return c;
    }
    return 0;
  });
}

export function project(doc: Doc, projection: Doc): Doc {
  const entries = Object.entries(projection);
  if (entries.length === 0) return doc;
  const truthy = (v: Value) => v === true || (typeof v === 'number' && v !== 0);
  const inclusive = entries.filter(([k]) => k !== '_id').map(([, v]) => truthy(v));
  const mode = inclusive.length === 0 ? truthy(projection._id!) : inclusive[0]!;
  for (const [k, v] of entries) {
    if (k === '_id' || truthy(v) === mode) continue;
    const code = mode ? 31254 : 31253;
    throw new CommandError(code, `Location${code}`, mode ? `Cannot do exclusion on field ${k} in inclusion projection` : `Cannot do inclusion on field ${k} in exclusion projection`);
  }
  const keepId = projection._id === undefined || truthy(projection._id);
  if (mode) {
    const out: Doc = {};
    if (keepId && doc._id !== undefined) out._id = doc._id;
    for (const [k] of entries) {
      if (k === '_id') continue;
      const v = valuesAt(doc, k.split('.'))[0];
      if (v !== undefined) setPath(out, k.split('.'), v);
    }
    return out;
  }
  const out: Doc = structuredCopy(doc);
  if (!keepId) delete out._id;
  for (const [k] of entries) {
    if (k === '_id') continue;
    const parts = k.split('.');
    let cur: Value = out;
    for (const p of parts.slice(0, -1)) cur = isDoc(cur) ? (cur[p] ?? null) : null;
    if (isDoc(cur)) delete cur[parts.at(-1)!];
  }
  return out;
}

function structuredCopy(doc: Doc): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(doc)) out[k] = isDoc(v) ? structuredCopy(v) : v;
  return out;
}
