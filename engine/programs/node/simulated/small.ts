/** Our own `cors` and `dotenv`, as JavaScript that runs in the node sandbox from node_modules. */

/** cors 2.8: `Access-Control-Allow-Origin: *` by default, preflight answered with 204 and the allowed methods. */
export const CORS = String.raw`'use strict';
module.exports = function cors(options) {
  const o = Object.assign({ origin: '*', methods: 'GET,HEAD,PUT,PATCH,POST,DELETE', preflightContinue: false, optionsSuccessStatus: 204 }, options || {});
  return function corsMiddleware(req, res, next) {
    let origin = o.origin;
    if (origin === true) origin = req.headers.origin;
    else if (Array.isArray(origin)) origin = origin.includes(req.headers.origin) ? req.headers.origin : false;
    else if (origin instanceof RegExp) origin = origin.test(req.headers.origin || '') ? req.headers.origin : false;
    if (origin) res.setHeader('Access-Control-Allow-Origin', origin);
    if (origin && origin !== '*') res.setHeader('Vary', 'Origin');
    if (o.credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
    if (o.exposedHeaders) res.setHeader('Access-Control-Expose-Headers', [].concat(o.exposedHeaders).join(','));
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', [].concat(o.methods).join(','));
      const allowed = o.allowedHeaders || req.headers['access-control-request-headers'];
      if (allowed) { res.setHeader('Access-Control-Allow-Headers', [].concat(allowed).join(',')); if (!o.allowedHeaders) res.setHeader('Vary', 'Access-Control-Request-Headers'); }
      if (o.maxAge) res.setHeader('Access-Control-Max-Age', String(o.maxAge));
      if (o.preflightContinue) return next();
      res.statusCode = o.optionsSuccessStatus;
      res.setHeader('Content-Length', '0');
      return res.end();
    }
    next();
  };
};
`;

/**
 * dotenv: `.env` from the working directory into process.env (existing variables win unless override). dotenv 17
 * announces what it injected with a rotating tip; we print its line with one fixed tip (the rotation is random).
 */
export const DOTENV = String.raw`'use strict';
const fs = require('fs');
const path = require('path');
const VERSION = require('../package.json').version;
function parse(src) {
  const out = {};
  const re = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*('(?:\\'|[^'])*'|"(?:\\"|[^"])*"|\x60(?:\\\x60|[^\x60])*\x60|[^#\r\n]*)?\s*(?:#.*)?$/gm;
  for (const m of String(src).replace(/\r\n?/g, '\n').matchAll(re)) {
    let v = (m[2] || '').trim();
    const q = v[0];
    v = v.replace(/^(['"\x60])([\s\S]*)\1$/, '$2');
    if (q === '"') v = v.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    out[m[1]] = v;
  }
  return out;
}
function config(options) {
  const o = options || {};
  const file = o.path ? String(o.path) : path.resolve(process.cwd(), '.env');
  let parsed;
  try {
    parsed = parse(fs.readFileSync(file, o.encoding || 'utf8'));
  } catch (e) {
    if (o.debug) console.log('[dotenv@' + VERSION + '][DEBUG] Failed to load ' + file + ' ' + e.message);
    return { error: e };
  }
  let n = 0;
  for (const k of Object.keys(parsed)) {
    if (o.override || !Object.prototype.hasOwnProperty.call(process.env, k)) { process.env[k] = parsed[k]; n++; }
  }
  const quiet = o.quiet !== undefined ? o.quiet : Number(VERSION.split('.')[0]) < 17;
  if (!quiet) console.log('[dotenv@' + VERSION + '] injecting env (' + n + ') from ' + path.relative(process.cwd(), file) + ' -- tip: ⚙️  suppress all logs with { quiet: true }');
  return { parsed };
}
module.exports = { config, parse, populate: (t, s) => Object.assign(t, s) };
`;

/** `require('dotenv/config')`. */
export const DOTENV_CONFIG = String.raw`require('./lib/main.js').config();
`;
