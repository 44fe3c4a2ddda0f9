/**
 * Guest source of node's `util` (format, inspect, promisify, inherits, types, deprecate). `inspect` follows Node's
 * documented defaults (depth 2, breakLength 80, compact 3, arrays over 6 short items in columns, strings quoted
 * with single quotes inside objects, `<ref *1>`/`[Circular *1]`), written from Node's observable output.
 */
export const UTIL = String.raw`
builtin('util', function (require, host) {
  const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
  const custom = Symbol.for('nodejs.util.inspect.custom');

  function quote(s) {
    const q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes('\u0060') ? '\u0060' : "'";
    const esc = s.replace(/[\\\n\t\r\b\f\v\x00-\x1f\x7f]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v' })[c] || '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0'));
    return q + (q === "'" ? esc.replace(/'/g, "\\'") : esc) + q;
  }
  function key(k) {
    if (typeof k === 'symbol') return '[' + k.toString() + ']';
    return IDENT.test(k) ? k : quote(k);
  }
  function fnBase(f) {
    const src = Function.prototype.toString.call(f);
    if (/^class\b/.test(src)) {
      const parent = Object.getPrototypeOf(f);
      return '[class ' + (f.name || '(anonymous)') + (parent && parent.name ? ' extends ' + parent.name : '') + ']';
    }
    const kind = /^async\s/.test(src) ? (/^async\s+function\s*\*/.test(src) ? 'AsyncGeneratorFunction' : 'AsyncFunction') : /^function\s*\*/.test(src) ? 'GeneratorFunction' : 'Function';
    return '[' + kind + (f.name ? ': ' + f.name : ' (anonymous)') + ']';
  }
  function ctorName(v) {
    let proto = Object.getPrototypeOf(v);
    if (proto === null) return null;
    while (proto) {
      const d = Object.getOwnPropertyDescriptor(proto, 'constructor');
      if (d && typeof d.value === 'function' && d.value.name) return d.value.name;
      proto = Object.getPrototypeOf(proto);
    }
    return '';
  }
  // QuickJS keeps only the frames in .stack; Node's stack starts with the 'Name: message' line.
  function errorText(e) {
    const stack = typeof e.stack === 'string' ? e.stack : '';
    const head = String(e.name === undefined ? 'Error' : e.name) + (e.message ? ': ' + e.message : '');
    if (stack === '') return '[' + head + ']';
    if (/^\s*at /.test(stack)) return head + '\n' + stack.replace(/\n$/, '');
    return stack.replace(/\n$/, '');
  }
  function formatPrimitive(v, nested) {
    switch (typeof v) {
      case 'string': return nested ? quote(v) : v;
      case 'number': return Object.is(v, -0) ? '-0' : String(v);
      case 'bigint': return v + 'n';
      case 'symbol': return v.toString();
      case 'undefined': return 'undefined';
      case 'boolean': return String(v);
    }
    return 'null';
  }
  function isBelow(ctx, output, start) {
    let total = output.length + start;
    for (const o of output) total += o.length;
    return total + output.length <= ctx.breakLength;
  }
  function group(ctx, output, value) {
    let total = 0, max = 0;
    const lens = output.map((o) => o.length);
    for (const l of lens) { total += l + 2; if (l > max) max = l; }
    const actualMax = max + 2;
    if (!(actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (total / actualMax > 5 || max <= 6))) return output;
    const bias = Math.sqrt(actualMax - total / output.length);
    const biased = Math.max(actualMax - 3 - bias, 1);
    const columns = Math.min(Math.round(Math.sqrt(2.5 * biased * output.length) / biased), Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax), ctx.compact * 4, 15);
    if (columns <= 1) return output;
    const widths = [];
    for (let c = 0; c < columns; c++) {
      let w = 0;
      for (let j = c; j < output.length; j += columns) if (lens[j] > w) w = lens[j];
      widths.push(w + 2);
    }
    const numeric = value !== undefined && value.every((x) => typeof x === 'number' || typeof x === 'bigint');
    const rows = [];
    for (let i = 0; i < output.length; i += columns) {
      const end = Math.min(i + columns, output.length);
      let line = '';
      for (let j = i; j < end - 1; j++) line += numeric ? (output[j] + ', ').padStart(widths[j - i], ' ') : (output[j] + ', ').padEnd(widths[j - i], ' ');
      line += numeric ? output[end - 1].padStart(widths[end - 1 - i] - 2, ' ') : output[end - 1];
      rows.push(line);
    }
    return rows;
  }
  function reduce(ctx, output, base, braces, depth, entries) {
    if (ctx.currentDepth - depth < ctx.compact && entries === output.length) {
      const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
      if (isBelow(ctx, output, start)) {
        const joined = output.join(', ');
        if (!joined.includes('\n')) return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
      }
    }
    const ind = '\n' + ' '.repeat(ctx.indentationLvl);
    return (base ? base + ' ' : '') + braces[0] + ind + '  ' + output.join(',' + ind + '  ') + ind + braces[1];
  }
  function formatValue(ctx, v, depth, nested) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return formatPrimitive(v, nested);
    if (ctx.customInspect && v[custom] && typeof v[custom] === 'function' && v[custom] !== inspect) {
      const r = v[custom](ctx.depth - depth, Object.assign({}, ctx), inspect);
      if (r !== v) return typeof r === 'string' ? r : formatValue(ctx, r, depth, nested);
    }
    if (ctx.seen.includes(v)) {
      let i = ctx.circular.get(v);
      if (i === undefined) { i = ctx.circular.size + 1; ctx.circular.set(v, i); }
      return '[Circular *' + i + ']';
    }
    return formatRaw(ctx, v, depth, nested);
  }
  function formatRaw(ctx, v, depth) {
    let keys = Object.keys(v);
    const syms = Object.getOwnPropertySymbols(v).filter((s) => Object.getOwnPropertyDescriptor(v, s).enumerable);
    const name = ctorName(v);
    let braces = ['{', '}'], base = '', entries = null, extras = 'object', prefix = '';
    const tag = v[Symbol.toStringTag];
    const namePrefix = (fallback, size) => (name === null ? '[' + fallback + ': null prototype] ' : name !== fallback ? name + ' [' + fallback + '] ' : name + ' ') + (size !== undefined ? '' : '');
    if (Array.isArray(v)) {
      prefix = name === 'Array' ? '' : namePrefix('Array');
      braces = [prefix + '[', ']'];
      extras = 'array';
      keys = keys.filter((k) => !/^(0|[1-9][0-9]*)$/.test(k));
      if (v.length === 0 && keys.length === 0) return braces[0] + ']';
    } else if (typeof v === 'function') {
      base = fnBase(v);
      if (keys.length === 0 && syms.length === 0) return base;
    } else if (v instanceof RegExp) {
      base = RegExp.prototype.toString.call(v);
      if (keys.length === 0) return base;
    } else if (v instanceof Date) {
      base = isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
      if (keys.length === 0) return base;
    } else if (v instanceof Error) {
      base = errorText(v);
      // Nested errors keep their frames under their own line, as Node indents them.
      if (ctx.indentationLvl !== 0) base = base.replace(/\n/g, '\n' + ' '.repeat(ctx.indentationLvl));
      keys = keys.filter((k) => k !== 'stack' && k !== 'message');
      // Node shows a non-enumerable cause (new Error(msg, { cause })) as a last '[cause]' entry.
      if (Object.prototype.hasOwnProperty.call(v, 'cause') && !keys.includes('cause')) entries = [];
      if (keys.length === 0 && !entries) return base;
    } else if (typeof Buffer === 'function' && v instanceof Buffer) {
      const hex = [];
      for (let i = 0; i < Math.min(v.length, 50); i++) hex.push(v[i].toString(16).padStart(2, '0'));
      return '<Buffer' + (hex.length ? ' ' + hex.join(' ') : '') + (v.length > 50 ? ' ... ' + (v.length - 50) + ' more bytes' : '') + '>';
    } else if (ArrayBuffer.isView(v)) {
      braces = [name + '(' + v.length + ') [', ']'];
      extras = 'array';
      keys = [];
      if (v.length === 0) return braces[0] + ']';
    } else if (v instanceof Map) {
      braces = [(name === 'Map' ? 'Map' : name + ' [Map]') + '(' + v.size + ') {', '}'];
      if (v.size === 0 && keys.length === 0) return braces[0] + '}';
    } else if (v instanceof Set) {
      braces = [(name === 'Set' ? 'Set' : name + ' [Set]') + '(' + v.size + ') {', '}'];
      extras = 'set';
      if (v.size === 0 && keys.length === 0) return braces[0] + '}';
    } else if (v instanceof Promise) {
      braces = ['Promise {', '}'];
      entries = ['<pending>'];
    } else if (v instanceof WeakMap || v instanceof WeakSet) {
      return (v instanceof WeakMap ? 'WeakMap' : 'WeakSet') + ' { <items unknown> }';
    } else {
      if (name === null) prefix = '[Object: null prototype] ';
      else if (name !== 'Object') prefix = name + ' ';
      if (tag && typeof tag === 'string' && tag !== name) prefix = (prefix || 'Object ') + '[' + tag + '] ';
      braces = [prefix + '{', '}'];
      if (keys.length === 0 && syms.length === 0) return prefix + '{}';
    }
    if (depth > ctx.depth) {
      if (Array.isArray(v)) return '[Array]';
      return '[' + (name === null ? 'Object: null prototype' : name || 'Object') + ']';
    }
    ctx.seen.push(v);
    ctx.currentDepth = depth;
    const output = entries ? entries.slice() : [];
    ctx.indentationLvl += 2;
    if (extras === 'array') {
      const n = Math.min(v.length, 100);
      for (let i = 0; i < n; i++) output.push(Object.prototype.hasOwnProperty.call(v, i) || ArrayBuffer.isView(v) ? formatValue(ctx, v[i], depth + 1, true) : '<1 empty item>');
      if (v.length > 100) output.push('... ' + (v.length - 100) + ' more item' + (v.length - 100 > 1 ? 's' : ''));
    } else if (v instanceof Map) {
      for (const [k, val] of v) output.push(formatValue(ctx, k, depth + 1, true) + ' => ' + formatValue(ctx, val, depth + 1, true));
    } else if (v instanceof Set) {
      for (const val of v) output.push(formatValue(ctx, val, depth + 1, true));
    }
    const entryCount = output.length;
    for (const k of keys.concat(syms)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      let s;
      if (d.get || d.set) s = d.get ? (d.set ? '[Getter/Setter]' : '[Getter]') : '[Setter]';
      else s = formatValue(ctx, d.value, depth + 1, true);
      output.push(key(k) + ': ' + s);
    }
    if (v instanceof Error && entries) output.push('[cause]: ' + formatValue(ctx, v.cause, depth + 1, true));
    ctx.indentationLvl -= 2;
    ctx.seen.pop();
    let out = output;
    if (extras === 'array' && entryCount > 6 && ctx.compact >= 1) out = group(ctx, output.slice(0, entryCount), Array.isArray(v) ? v : Array.from(v)).concat(output.slice(entryCount));
    let res = reduce(ctx, out, base, braces, depth, output.length);
    const ref = ctx.circular.get(v);
    if (ref !== undefined) res = '<ref *' + ref + '> ' + res;
    return res;
  }
  function inspect(value, opts) {
    const ctx = { depth: 2, breakLength: 80, compact: 3, customInspect: true, seen: [], circular: new Map(), indentationLvl: 0, currentDepth: 0 };
    if (typeof opts === 'object' && opts !== null) {
      for (const k of ['depth', 'breakLength', 'compact', 'customInspect']) if (opts[k] !== undefined) ctx[k] = opts[k] === null ? Infinity : opts[k];
    }
    return formatValue(ctx, value, 0, true);
  }
  inspect.custom = custom;
  inspect.defaultOptions = { depth: 2, breakLength: 80, compact: 3 };

  function format(...args) {
    let first = args[0];
    let out = '';
    let a = 1;
    if (typeof first === 'string') {
      if (args.length === 1) return first;
      for (let i = 0; i < first.length; i++) {
        if (first[i] === '%' && i + 1 < first.length) {
          const c = first[i + 1];
          if (c === '%') { out += '%'; i++; continue; }
          if (a >= args.length || !'sdifjoOc'.includes(c)) { out += '%'; continue; }
          const v = args[a++];
          i++;
          switch (c) {
            case 's': out += typeof v === 'string' ? v : typeof v === 'bigint' ? v + 'n' : typeof v === 'object' && v !== null ? inspect(v, { depth: 1 }) : formatPrimitive(v, false); break;
            case 'd': case 'i': out += typeof v === 'bigint' ? v + 'n' : typeof v === 'symbol' ? 'NaN' : String(c === 'i' ? parseInt(v) : Number(v)); break;
            case 'f': out += typeof v === 'symbol' ? 'NaN' : String(parseFloat(v)); break;
            case 'j': try { out += JSON.stringify(v); } catch (e) { out += '[Circular]'; } break;
            case 'o': out += inspect(v, { depth: 4 }); break;
            case 'O': out += inspect(v); break;
            case 'c': break;
          }
          continue;
        }
        out += first[i];
      }
    } else {
      a = 0;
    }
    for (; a < args.length; a++) {
      const v = args[a];
      out += (out === '' && a === 0 ? '' : ' ') + (typeof v === 'string' ? v : inspect(v));
    }
    return out;
  }

  function promisify(fn) {
    if (typeof fn !== 'function') throw new TypeError('The "original" argument must be of type function');
    if (fn[promisify.custom]) return fn[promisify.custom];
    return function (...args) {
      return new Promise((resolve, reject) => fn.call(this, ...args, (err, ...values) => (err ? reject(err) : resolve(values.length > 1 ? values : values[0]))));
    };
  }
  promisify.custom = Symbol.for('nodejs.util.promisify.custom');
  function callbackify(fn) {
    return function (...args) {
      const cb = args.pop();
      fn.apply(this, args).then((v) => cb(null, v), (e) => cb(e));
    };
  }
  function inherits(ctor, superCtor) {
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
    Object.setPrototypeOf(ctor, superCtor);
    ctor.super_ = superCtor;
  }
  function deprecate(fn) { return fn; }
  function isDeepStrictEqual(a, b) { return inspect(a, { depth: Infinity }) === inspect(b, { depth: Infinity }); }
  const types = {
    isPromise: (v) => v instanceof Promise,
    isDate: (v) => v instanceof Date,
    isRegExp: (v) => v instanceof RegExp,
    isNativeError: (v) => v instanceof Error,
    isMap: (v) => v instanceof Map,
    isSet: (v) => v instanceof Set,
    isAsyncFunction: (v) => typeof v === 'function' && /^async\s/.test(Function.prototype.toString.call(v)),
    isUint8Array: (v) => v instanceof Uint8Array,
  };
  return {
    format, inspect, promisify, callbackify, inherits, deprecate, isDeepStrictEqual, types,
    formatWithOptions: (o, ...a) => format(...a),
    isArray: Array.isArray,
    TextEncoder: globalThis.TextEncoder, TextDecoder: globalThis.TextDecoder,
  };
});
`;
