/**
 * The shell's objects as the user's JavaScript sees them, inside the sandbox. `db`, its collections and cursors stay
 * on the host (shell-api.ts); here each is a proxy whose property reads and method calls go to the host by reference.
 * BSON values cross as Extended JSON (`{$oid}`, `{$regularExpression}`) and come back as the guest's ObjectId and
 * RegExp; Dates cross as they are.
 *
 * It is a function expression the host calls with its bridge (`get`, `call`, `callGlobal`); it returns `install`
 * (defines the globals) and `exportValue` (describes a completion value for the host: references, not copies, for
 * the shell's objects).
 */
export const GUEST_SHELL = String.raw`(function (host) {
  'use strict';
  const g = globalThis;
  const refIds = new WeakMap();
  const remotes = new Map();
  const hexOf = new WeakMap();

  function ObjectId(hex) {
    if (hex instanceof ObjectId) return hex;
    return decode(host.callGlobal('ObjectId', hex === undefined ? [] : [encode(hex)]));
  }
  function makeObjectId(hex) {
    const oid = Object.create(ObjectId.prototype);
    hexOf.set(oid, hex);
    return oid;
  }
  ObjectId.prototype.toHexString = function toHexString() { return hexOf.get(this); };
  ObjectId.prototype.toString = function toString() { return hexOf.get(this); };
  ObjectId.prototype.toJSON = function toJSON() { return hexOf.get(this); };
  ObjectId.prototype.equals = function equals(other) { return other instanceof ObjectId && hexOf.get(other) === hexOf.get(this); };
  ObjectId.prototype.getTimestamp = function getTimestamp() { return new Date(parseInt(hexOf.get(this).slice(0, 8), 16) * 1000); };
  ObjectId.isValid = function isValid(v) { return v instanceof ObjectId || (typeof v === 'string' && /^[0-9a-fA-F]{24}$/.test(v)); };

  function remote(id) {
    let r = remotes.get(id);
    if (r) return r;
    const methods = new Map();
    r = new Proxy({}, {
      get(target, prop) {
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        const d = host.get(id, prop);
        if (!d.fn) return decode(d.value);
        let m = methods.get(prop);
        if (!m) {
          m = { [prop]: function (...args) { return decode(host.call(id, prop, args.map(encode))); } }[prop];
          methods.set(prop, m);
        }
        return m;
      },
      set() { return false; },
    });
    refIds.set(r, id);
    remotes.set(id, r);
    return r;
  }

  function plain(v) {
    const p = Object.getPrototypeOf(v);
    return p === Object.prototype || p === null;
  }

  /** Guest to host: what crosses as a copy. Functions become callbacks that see host values as the guest's. */
  function encode(v) {
    if (typeof v === 'function') {
      if (refIds.has(v)) return { $$ref: refIds.get(v) };
      return (...args) => encode(v(...args.map(decode)));
    }
    if (v === null || typeof v !== 'object') return v;
    if (refIds.has(v)) return { $$ref: refIds.get(v) };
    if (v instanceof ObjectId) return { $oid: hexOf.get(v) };
    if (v instanceof RegExp) return { $regularExpression: { pattern: v.source, options: v.flags } };
    if (v instanceof Promise) return v.then(encode);
    if (v instanceof Date || v instanceof Error || ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return v;
    if (Array.isArray(v)) return v.map(encode);
    const out = {};
    for (const k of Object.keys(v)) out[k] = encode(v[k]);
    return out;
  }

  /** Host to guest. */
  function decode(v) {
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof Promise) return v.then(decode);
    if (Array.isArray(v)) return v.map(decode);
    if (!plain(v)) return v;
    const keys = Object.keys(v);
    if (keys.length === 1) {
      if (keys[0] === '$oid' && typeof v.$oid === 'string') return makeObjectId(v.$oid);
      if (keys[0] === '$$ref') return remote(v.$$ref);
      if (keys[0] === '$regularExpression') return new RegExp(v.$regularExpression.pattern, v.$regularExpression.options);
    }
    const out = {};
    for (const k of keys) out[k] = decode(v[k]);
    return out;
  }

  function install(globals) {
    for (const [name, d] of Object.entries(globals)) {
      if (d.fn) g[name] = { [name]: function (...args) { return decode(host.callGlobal(name, args.map(encode))); } }[name];
      else g[name] = decode(d.value);
    }
    if ('ObjectId' in globals) g.ObjectId = ObjectId;
  }

  /** A completion value for the host to print: functions by name (they are printed, not called). */
  function exportValue(v) {
    if (typeof v === 'function' && !refIds.has(v)) return { $$function: v.name };
    if (v instanceof Promise) return v.then(exportValue);
    return encode(v);
  }

  return { install, exportValue };
})`;
