import { compareValues, isDoc, ObjectId, typeName, valuesEqual, type Doc, type Value } from './bson.ts';
import { badValue } from './command-error.ts';

/**
 * mongod's query matcher for the operators lessons use: equality (with arrays matching any element), $eq $ne $gt
 * $gte $lt $lte $in $nin $exists $regex (with $options) $not, and the logical $and $or $nor. Comparisons bracket by
 * type as the server does: `{age: {$gt: 5}}` never matches a string.
 */
const OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists', '$regex', '$options', '$not', '$size']);

/** Checks a filter's operators as mongod's parser does before it looks at any document (so an empty collection errs too). */
export function validateFilter(filter: Doc): void {
  for (const [key, cond] of Object.entries(filter)) {
    if (key.startsWith('$')) {
      matchLogical({}, key, cond);
      for (const sub of cond as Doc[]) validateFilter(sub);
    } else if (isOperatorObject(cond)) {
      for (const op of Object.keys(cond)) if (!OPERATORS.has(op)) throw badValue(`unknown operator: ${op}`);
    }
  }
}

export function matches(doc: Doc, filter: Doc): boolean {
  for (const [key, cond] of Object.entries(filter)) {
    if (key.startsWith('$')) {
      if (!matchLogical(doc, key, cond)) return false;
    } else if (!matchField(doc, key, cond)) return false;
  }
  return true;
}

function matchLogical(doc: Doc, op: string, cond: Value): boolean {
  if (op !== '$and' && op !== '$or' && op !== '$nor') throw badValue(`unknown top level operator: ${op}. If you are trying to match a field named '${op}', use $getField`);
  if (!Array.isArray(cond) || cond.length === 0) throw badValue(`${op} argument must be a non-empty array`);
  const subs = cond.map((c) => {
    if (!isDoc(c)) throw badValue(`${op} argument's entries must be objects`);
    return c;
  });
  if (op === '$and') return subs.every((s) => matches(doc, s));
  if (op === '$or') return subs.some((s) => matches(doc, s));
  return !subs.some((s) => matches(doc, s));
}

/** The values a dotted path reaches, descending into arrays along the way (`tags.name` over an array of objects). */
export function valuesAt(v: Value | undefined, path: readonly string[]): (Value | undefined)[] {
  if (path.length === 0) return [v];
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(v)) {
    const out: (Value | undefined)[] = [];
    if (/^\d+$/.test(head)) out.push(...valuesAt(v[Number(head)], rest));
    for (const el of v) if (isDoc(el)) out.push(...valuesAt(el[head], rest));
    return out;
  }
  if (isDoc(v)) return valuesAt(Object.prototype.hasOwnProperty.call(v, head) ? v[head] : undefined, rest);
  return [undefined];
}

function isOperatorObject(cond: Value): cond is Doc {
  if (!isDoc(cond)) return false;
  const keys = Object.keys(cond);
  return keys.length > 0 && keys[0]!.startsWith('$');
}

function matchField(doc: Doc, path: string, cond: Value): boolean {
  const values = valuesAt(doc, path.split('.'));
  if (!isOperatorObject(cond)) return values.some((v) => equalityMatch(v, cond));
  return Object.entries(cond).every(([op, arg]) => matchOperator(values, op, arg, cond));
}

/** `{field: value}`: equal, or an array holding an equal element, or a regex matching the string. */
function equalityMatch(v: Value | undefined, target: Value): boolean {
  if (target instanceof RegExp) return regexMatch(v, target);
  if (target === null && v === undefined) return true;
  if (valuesEqual(v, target)) return true;
  return Array.isArray(v) && v.some((el) => valuesEqual(el, target));
}

function regexMatch(v: Value | undefined, re: RegExp): boolean {
  if (typeof v === 'string') return new RegExp(re.source, re.flags.replace('g', '')).test(v);
  return Array.isArray(v) && v.some((el) => typeof el === 'string' && regexMatch(el, re));
}

/** Compared only within a type bracket: numbers with numbers, strings with strings, dates with dates... */
function comparable(a: Value | undefined, b: Value): boolean {
  if (a === undefined || a === null) return b === null;
  if (typeof a === 'number') return typeof b === 'number';
  if (typeof a === 'string') return typeof b === 'string';
  if (a instanceof Date) return b instanceof Date;
  if (a instanceof ObjectId) return b instanceof ObjectId;
  if (typeof a === 'boolean') return typeof b === 'boolean';
  return typeName(a) === typeName(b);
}

function compareMatch(v: Value | undefined, arg: Value, test: (c: number) => boolean): boolean {
  const one = (x: Value | undefined) => comparable(x, arg) && test(compareValues(x, arg));
  return one(v) || (Array.isArray(v) && v.some(one));
}

function matchOperator(values: (Value | undefined)[], op: string, arg: Value, whole: Doc): boolean {
  switch (op) {
    case '$eq':
      return values.some((v) => equalityMatch(v, arg));
    case '$ne':
      return !values.some((v) => equalityMatch(v, arg));
    case '$gt':
      return values.some((v) => compareMatch(v, arg, (c) => c > 0));
    case '$gte':
      return values.some((v) => compareMatch(v, arg, (c) => c >= 0));
    case '$lt':
      return values.some((v) => compareMatch(v, arg, (c) => c < 0));
    case '$lte':
      return values.some((v) => compareMatch(v, arg, (c) => c <= 0));
    case '$in':
      if (!Array.isArray(arg)) throw badValue('$in needs an array');
      return values.some((v) => arg.some((a) => equalityMatch(v, a)));
    case '$nin':
      if (!Array.isArray(arg)) throw badValue('$nin needs an array');
      return !values.some((v) => arg.some((a) => equalityMatch(v, a)));
    case '$exists':
      return values.some((v) => v !== undefined) === Boolean(arg);
    case '$regex': {
      const options = typeof whole.$options === 'string' ? whole.$options : '';
      let re: RegExp;
      if (arg instanceof RegExp) re = new RegExp(arg.source, options || arg.flags);
      else if (typeof arg === 'string') re = new RegExp(arg, options);
      else throw badValue('$regex has to be a string');
      return values.some((v) => regexMatch(v, re));
    }
    case '$options':
      if (!('$regex' in whole)) throw badValue('$options needs a $regex');
      return true;
    case '$not':
      if (!isDoc(arg) && !(arg instanceof RegExp)) throw badValue('$not needs a regex or a document');
      return !values.some((v) => (arg instanceof RegExp ? regexMatch(v, arg) : Object.entries(arg).every(([o, a]) => matchOperator([v], o, a, arg))));
    case '$size':
      return values.some((v) => Array.isArray(v) && v.length === arg);
    default:
      throw badValue(`unknown operator: ${op}`);
  }
}
