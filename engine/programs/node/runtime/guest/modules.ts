/**
 * Guest source of the CommonJS loader (`require`, `module`, `require.resolve`, JSON files), the shims that let ES
 * modules import builtins and CommonJS files, Node-style stack frames, and the text node prints for a fatal error.
 * Resolution itself is the host's (../resolve.ts): it reads the container's filesystem directly.
 */
export const MODULES = String.raw`
const INTERNAL = 'node:internal/dockyard';
let cachedInfo;
function nodeInfo() { return cachedInfo || (cachedInfo = host.info()); }

// ---- stacks -----------------------------------------------------------------------------------------------------
// QuickJS keeps frames only ("    at f (/app/x.js:1:5)"); Node writes its internal frames after a module's code.
function nodeFrames(stack) {
  const out = [];
  for (const line of String(stack || '').split('\n')) {
    if (/^\s*at .*\(node:internal\/modules\/|^\s*at node:internal\/main/.test(line)) { out.push(line); continue; }
    const m = /^\s*at (.*?)(?: \((.*)\))?$/.exec(line);
    if (!m) continue;
    let [, fn, where] = m;
    if (where === undefined) { where = fn; fn = ''; }
    if (where.startsWith(INTERNAL) || fn === '<eval>') continue;
    if (where === 'native') continue;
    // Node's loader frames follow a module's top level; what called it is node's own (cut at 10 frames anyway).
    if (fn === '__node_module__' || fn === 'Object.<anonymous>') { out.push('    at Object.<anonymous> (' + where + ')'); out.push(...nodeInfo().moduleFrames.map((f) => '    at ' + f)); break; }
    out.push(fn && fn !== '<anonymous>' ? '    at ' + fn + ' (' + where + ')' : '    at ' + where);
  }
  return out.slice(0, 10).join('\n');
}
function userFrame(stack) {
  for (const line of String(stack || '').split('\n')) {
    const m = /\(?((?:\/|file:)[^()]*?):(\d+):(\d+)\)?$/.exec(line.trim());
    if (m && !m[1].startsWith(INTERNAL)) return { file: m[1], line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}
function setNodeStack(e, frames) {
  Object.defineProperty(e, 'stack', { value: e.name + ': ' + e.message + '\n' + frames, writable: true, configurable: true, enumerable: false });
  return e;
}

// ---- CommonJS ---------------------------------------------------------------------------------------------------
function Module(id, parent) {
  this.id = id;
  this.path = requireBuiltin('path').dirname(id);
  this.exports = {};
  this.filename = id;
  this.loaded = false;
  this.children = [];
  this.paths = nodeModulePaths(this.path);
  Object.defineProperty(this, 'parent', { value: parent, enumerable: false, writable: true });
  if (parent) parent.children.push(this);
}
function nodeModulePaths(dir) {
  const parts = dir.split('/').filter(Boolean);
  const out = [];
  for (let i = parts.length; i >= 0; i--) if (parts[i - 1] !== 'node_modules') out.push('/' + parts.slice(0, i).concat('node_modules').join('/'));
  return out.map((p) => p.replace(/^\/\//, '/'));
}
Module._cache = Object.create(null);
Module.builtinModules = Object.keys(builtins);
Module.isBuiltin = (n) => String(n).replace(/^node:/, '') in builtins;
Module.createRequire = (filename) => makeRequire(new Module(String(filename).replace(/^file:\/\//, ''), null));
Module.Module = Module;
builtin('module', () => Module);

function requireStack(module) {
  const out = [];
  for (let m = module; m; m = m.parent) if (m.filename) out.push(m.filename);
  return out;
}
function notFound(request, module) {
  const stack = requireStack(module);
  const e = new Error("Cannot find module '" + request + "'" + (stack.length ? '\nRequire stack:\n- ' + stack.join('\n- ') : ''));
  e.code = 'MODULE_NOT_FOUND';
  e.requireStack = stack;
  const caller = new Error().stack;
  setNodeStack(e, nodeInfo().notFoundFrames.map((f) => '    at ' + f).join('\n') + (nodeFrames(caller) ? '\n' + nodeFrames(caller) : ''));
  Object.defineProperty(e, '__nodeHeader', { value: nodeInfo().notFoundHeader });
  return e;
}
function resolveFilename(request, module) {
  if (typeof request !== 'string') { const e = new TypeError('The "id" argument must be of type string. Received ' + (request === undefined ? 'undefined' : typeof request)); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; }
  const r = host.resolve(request, module && module.filename, 'require');
  if (!r) throw notFound(request, module);
  return r;
}
function unsupported(name) {
  const e = new Error("Dockyard does not simulate node's '" + name + "' module: the app cannot use it here");
  e.code = 'ERR_DOCKYARD_UNSUPPORTED';
  return e;
}
function loadBuiltin(name) {
  if (!(name in builtins)) throw unsupported(name);
  return requireBuiltin(name);
}
function loadFile(r, parent) {
  const cached = Module._cache[r.path];
  if (cached) return cached.exports;
  if (r.format === 'module') {
    const e = new Error('require() of ES Module ' + r.path + (parent ? ' from ' + parent.filename : '') + ' not supported.\nInstead change the require of ' + r.path + ' to a dynamic import() which is available in all CommonJS modules.');
    e.code = 'ERR_REQUIRE_ESM';
    throw e;
  }
  const module = new Module(r.path, parent);
  Module._cache[r.path] = module;
  let ok = false;
  try {
    const source = host.readText(r.path);
    if (r.format === 'json') {
      try {
        module.exports = JSON.parse(source.replace(/^\uFEFF/, ''));
      } catch (err) {
        err.message = r.path + ': ' + err.message;
        throw err;
      }
    } else if (r.binding) {
      module.exports = host.binding(r.binding);
    } else {
      const body = source.replace(/^\uFEFF/, '').replace(/^#!.*/, '');
      const fn = host.compile('(function __node_module__(exports, require, module, __filename, __dirname) {' + body + '\n})', r.path);
      fn.call(module.exports, module.exports, makeRequire(module), module, r.path, module.path);
    }
    ok = true;
  } finally {
    if (!ok) delete Module._cache[r.path];
  }
  module.loaded = true;
  return module.exports;
}
function requireFrom(module, request) {
  const r = resolveFilename(request, module);
  return r.builtin ? loadBuiltin(r.builtin) : loadFile(r, module);
}
function makeRequire(module) {
  const require = (request) => requireFrom(module, request);
  require.resolve = (request) => { const r = resolveFilename(request, module); return r.builtin ? (request.startsWith('node:') ? request : r.builtin) : r.path; };
  require.resolve.paths = (request) => (request.startsWith('.') ? [module.path] : module.paths);
  require.cache = Module._cache;
  require.main = mainModule;
  require.extensions = { '.js': null, '.json': null, '.node': null };
  return require;
}
let mainModule;

// ---- ES modules -------------------------------------------------------------------------------------------------
const RESERVED = new Set(['default', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'arguments', 'eval']);
const esmRequire = Symbol.for('dockyard.esm.require');
globalThis[esmRequire] = (kind, name) => (kind === 'builtin' ? loadBuiltin(name) : loadFile({ path: name, format: kind }, null));
function esmShim(kind, name) {
  const value = globalThis[esmRequire](kind, name);
  const names = value !== null && (typeof value === 'object' || typeof value === 'function') ? Object.keys(value).filter((k) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) && !RESERVED.has(k)) : [];
  return 'const m = globalThis[Symbol.for("dockyard.esm.require")](' + JSON.stringify(kind) + ', ' + JSON.stringify(name) + ');\nexport default m;\n' + (names.length ? 'export const { ' + names.join(', ') + ' } = m;\n' : '');
}

// ---- fatal errors -----------------------------------------------------------------------------------------------
function fatalText(err, fromPromise) {
  const util = requireBuiltin('util');
  if (!(err instanceof Error)) {
    if (fromPromise) {
      const e = new Error('This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "' + util.inspect(err) + '".');
      e.code = 'ERR_UNHANDLED_REJECTION';
      return nodeInfo().rejectionHeader + '\n[UnhandledPromiseRejection: ' + e.message + '] {\n  code: \'ERR_UNHANDLED_REJECTION\'\n}\n';
    }
    return 'Uncaught ' + util.inspect(err) + '\n';
  }
  let header = err.__nodeHeader;
  if (!header) {
    const at = userFrame(err.stack);
    header = '';
    if (at) {
      let line = '';
      try { line = host.readText(at.file).split('\n')[at.line - 1] || ''; } catch (e) { line = ''; }
      // V8 points at the throw statement; QuickJS's column is the constructor call, so look back for the throw.
      let col = at.column - 1;
      const t = line.lastIndexOf('throw', col);
      if (t >= 0) col = t;
      header = at.file + ':' + at.line + '\n' + line + '\n' + ' '.repeat(Math.max(0, col)) + '^\n';
    }
  }
  if (!String(err.stack || '').includes(': ')) setNodeStack(err, nodeFrames(err.stack));
  return header + '\n' + util.inspect(err) + '\n';
}

function runMain(path, format) {
  if (format === 'module') return undefined;
  mainModule = new Module(path, null);
  mainModule.id = '.';
  process.mainModule = mainModule;
  Module._cache[path] = mainModule;
  const source = host.readText(path).replace(/^\uFEFF/, '').replace(/^#!.*/, '');
  if (format === 'json') { mainModule.exports = JSON.parse(source); return undefined; }
  const fn = host.compile('(function __node_module__(exports, require, module, __filename, __dirname) {' + source + '\n})', path);
  fn.call(mainModule.exports, mainModule.exports, makeRequire(mainModule), mainModule, path, mainModule.path);
  mainModule.loaded = true;
  return undefined;
}
function evalString(code, print) {
  mainModule = new Module(host.cwd() + '/[eval]', null);
  mainModule.id = '[eval]';
  globalThis.require = makeRequire(mainModule);
  globalThis.module = mainModule;
  globalThis.exports = mainModule.exports;
  globalThis.__filename = '[eval]';
  globalThis.__dirname = '.';
  const value = host.evalGlobal(code, '[eval]');
  if (print) console.log(typeof value === 'string' ? value : requireBuiltin('util').inspect(value));
}
function uncaught(err) {
  if (process.listenerCount('uncaughtException') > 0) { process.emit('uncaughtException', err, 'uncaughtException'); return ''; }
  return fatalText(err, false);
}
function unhandledRejection(reason) {
  if (process.listenerCount('unhandledRejection') > 0) { process.emit('unhandledRejection', reason, Promise.resolve()); return ''; }
  return fatalText(reason, true);
}
function beforeExit(code) {
  if (process.listenerCount('beforeExit') > 0) process.emit('beforeExit', code);
}
function exit(code) {
  if (!process._exiting) { process._exiting = true; process.exitCode = code; process.emit('exit', code); }
  return process.exitCode === undefined ? code : Number(process.exitCode) | 0;
}
function signal(name) {
  process.emit(name, name);
}
function exitCode() { return process.exitCode === undefined ? 0 : Number(process.exitCode) | 0; }
`;
