import { clone, isDoc, ObjectId, stringifyEJSON, typeName, valuesEqual, type Doc, type Value } from './bson.ts';
import { CommandError, failedToParse } from './command-error.ts';
import { valuesAt } from './query.ts';

/**
 * Applying an update to one document as mongod does: a replacement document (no `$` keys) or the operators
 * $set $unset $inc $push (with $each). The result is a new document; `_id` never changes.
 */
export function applyUpdate(doc: Doc, update: Doc): { doc: Doc; modified: boolean } {
  const keys = Object.keys(update);
  if (keys.length === 0 || !keys.some((k) => k.startsWith('$'))) {
    const replaced: Doc = { _id: doc._id ?? null, ...clone(update) };
    if (update._id !== undefined && !valuesEqual(update._id, doc._id)) throw immutableId();
    return { doc: replaced, modified: stringifyEJSON(replaced) !== stringifyEJSON(doc) };
  }
  const next = clone(doc);
  for (const [op, arg] of Object.entries(update)) {
    if (!isDoc(arg)) throw failedToParse(`Modifiers operate on fields but we found type ${typeName(arg)} instead. For example: {$mod: {<field>: ...}} not {${op}: ${JSON.stringify(arg)}}`);
    for (const [path, value] of Object.entries(arg)) {
      if (path === '_id' || path.startsWith('_id.')) {
        if (op === '$set' && valuesEqual(value, doc._id)) continue;
        throw immutableId();
      }
      apply(next, op, path, value, doc);
    }
  }
  return { doc: next, modified: stringifyEJSON(next) !== stringifyEJSON(doc) };
}

function immutableId(): CommandError {
  return new CommandError(66, 'ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
}

function apply(target: Doc, op: string, path: string, value: Value, original: Doc): void {
  const parts = path.split('.');
  switch (op) {
    case '$set':
      setPath(target, parts, clone(value));
      return;
    case '$unset':
      unsetPath(target, parts);
      return;
    case '$inc': {
      if (typeof value !== 'number') throw new CommandError(14, 'TypeMismatch', `Cannot increment with non-numeric argument: {${path}: ${JSON.stringify(value)}}`);
      const current = valuesAt(target, parts)[0];
      if (current !== undefined && typeof current !== 'number') {
        throw new CommandError(14, 'TypeMismatch', `Cannot apply $inc to a value of non-numeric type. {_id: ${idText(original)}} has the field '${parts.at(-1)}' of non-numeric type ${typeName(current)}`);
      }
      setPath(target, parts, (current ?? 0) + value);
      return;
    }
    case '$push': {
      const current = valuesAt(target, parts)[0];
      if (current !== undefined && !Array.isArray(current)) {
        throw new CommandError(2, 'BadValue', `The field '${path}' must be an array but is of type ${typeName(current)} in document {_id: ${idText(original)}}`);
      }
      const each = isDoc(value) && Array.isArray(value.$each) ? value.$each : [value];
      setPath(target, parts, [...(current ?? []), ...each.map((v) => clone(v))]);
      return;
    }
    default:
      throw failedToParse(`Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
  }
}

function idText(doc: Doc): string {
  const id = doc._id;
  return id instanceof ObjectId ? `ObjectId('${id.toHexString()}')` : JSON.stringify(id);
}

export function setPath(target: Doc, parts: readonly string[], value: Value): void {
  let cur: Doc = target;
  for (const p of parts.slice(0, -1)) {
    const next = cur[p];
    if (!isDoc(next)) {
      if (next !== undefined && next !== null) throw new CommandError(28, 'PathNotViable', `Cannot create field '${parts.at(-1)}' in element {${p}: ${JSON.stringify(next)}}`);
      cur[p] = {};
    }
    cur = cur[p] as Doc;
  }
  cur[parts.at(-1)!] = value;
}

function unsetPath(target: Doc, parts: readonly string[]): void {
  let cur: Value = target;
  for (const p of parts.slice(0, -1)) {
    if (!isDoc(cur)) return;
    cur = cur[p] ?? null;
  }
  if (isDoc(cur)) delete cur[parts.at(-1)!];
}

/** The document an upsert inserts: the filter's equality fields, then the update applied to it. */
export function upsertSeed(filter: Doc): Doc {
  const seed: Doc = {};
  for (const [k, v] of Object.entries(filter)) {
    if (k.startsWith('$')) continue;
    if (isDoc(v) && Object.keys(v)[0]?.startsWith('$')) {
      if ('$eq' in v) setPath(seed, k.split('.'), clone(v.$eq!));
      continue;
    }
    setPath(seed, k.split('.'), clone(v));
  }
  return seed;
}
