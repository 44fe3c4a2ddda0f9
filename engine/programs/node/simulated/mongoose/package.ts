/**
 * Our own npm `mongoose` (8.x basics), as JavaScript that runs in the node sandbox from node_modules/mongoose. It
 * sits on our `mongodb` package as the real one does: `mongoose.connect`, the default connection and its events,
 * `Schema` (String, Number, Boolean, Date, ObjectId, arrays and mixed; required, default, enum, min/max,
 * timestamps), `model` with mongoose's pluralized collection names, documents (`_id`, `__v`, save, toObject/toJSON,
 * `id`), static queries returning thenable Query objects (`exec`, `lean`, sort/limit/skip/select), and mongoose's
 * ValidationError, CastError and MongooseServerSelectionError wording. Middleware, populate, indexes and
 * discriminators are not simulated.
 */
export const MONGOOSE = (version: string): string => String.raw`'use strict';
const EventEmitter = require('events');
const mongodb = require('mongodb');
const { ObjectId } = mongodb;
const VERSION = '${version}';
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

// ---- errors -------------------------------------------------------------------------------------------------------

class MongooseError extends Error { get name() { return 'MongooseError'; } }
class CastError extends MongooseError {
  constructor(type, value, path, reason, model) {
    const shown = typeof value === 'string' ? '"' + value + '"' : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    const valueType = value === null ? 'null' : Array.isArray(value) ? 'Array' : typeof value === 'object' ? (value.constructor && value.constructor.name) || 'Object' : typeof value;
    super('Cast to ' + type + ' failed for value ' + shown + ' (type ' + valueType + ') at path "' + path + '"' + (model ? ' for model "' + model + '"' : ''));
    this.stringValue = shown;
    this.messageFormat = undefined;
    this.kind = type;
    this.value = value;
    this.path = path;
    this.reason = reason;
    this.valueType = valueType;
  }
  get name() { return 'CastError'; }
}
class ValidatorError extends MongooseError {
  constructor(props) {
    super(props.message);
    this.properties = props;
    this.kind = props.type;
    this.path = props.path;
    this.value = props.value;
  }
  get name() { return 'ValidatorError'; }
}
class ValidationError extends MongooseError {
  constructor(modelName, errors) {
    const parts = Object.keys(errors).map((p) => p + ': ' + errors[p].message);
    super(modelName + ' validation failed: ' + parts.join(', '));
    this.errors = errors;
    this._message = modelName + ' validation failed';
  }
  get name() { return 'ValidationError'; }
}
class MongooseServerSelectionError extends MongooseError {
  constructor(err) {
    super(err.message);
    this.reason = err.reason;
    this.code = undefined;
    Object.defineProperty(this, 'cause', { value: err.cause, writable: true, configurable: true });
  }
  get name() { return 'MongooseServerSelectionError'; }
}
class OverwriteModelError extends MongooseError {
  constructor(name) { super('Cannot overwrite ' + '\x60' + name + '\x60' + ' model once compiled.'); }
  get name() { return 'OverwriteModelError'; }
}
class MissingSchemaError extends MongooseError {
  constructor(name) { super("Schema hasn't been registered for model \"" + name + '".\nUse mongoose.model(name, schema)'); }
  get name() { return 'MissingSchemaError'; }
}

// ---- schemas and casting ------------------------------------------------------------------------------------------

const Mixed = function Mixed() {};
const Types = { ObjectId, String, Number, Boolean, Date, Mixed, Array, Buffer };
const TYPE_NAMES = new Map([[String, 'String'], [Number, 'Number'], [Boolean, 'Boolean'], [Date, 'Date'], [ObjectId, 'ObjectId'], [Mixed, 'Mixed']]);
const TICK = '\x60';

function typeName(t) {
  if (typeof t === 'string') return t.charAt(0).toUpperCase() + t.slice(1);
  return TYPE_NAMES.get(t) || 'Mixed';
}
function cast(type, value, path) {
  if (value === null || value === undefined) return value;
  switch (type) {
    case 'String':
      if (typeof value === 'object' && !(value instanceof ObjectId) && !Array.isArray(value)) throw new CastError('string', value, path);
      return Array.isArray(value) ? (() => { throw new CastError('string', value, path); })() : String(value);
    case 'Number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'boolean' ? Number(value) : NaN;
      if (Number.isNaN(n)) throw new CastError('Number', value, path);
      return n;
    }
    case 'Boolean':
      if (value === true || value === 'true' || value === 1 || value === '1' || value === 'yes') return true;
      if (value === false || value === 'false' || value === 0 || value === '0' || value === 'no') return false;
      throw new CastError('Boolean', value, path);
    case 'Date': {
      const d = value instanceof Date ? value : new Date(value);
      if (Number.isNaN(d.getTime())) throw new CastError('date', value, path);
      return d;
    }
    case 'ObjectId':
      if (value instanceof ObjectId) return value;
      if (ObjectId.isValid(value) && (typeof value !== 'number')) return new ObjectId(value);
      throw new CastError('ObjectId', value, path);
  }
  return value;
}

class Schema {
  constructor(definition, options) {
    this.obj = definition || {};
    this.options = Object.assign({ versionKey: '__v', timestamps: false }, options || {});
    this.paths = {};
    for (const path of Object.keys(this.obj)) {
      let spec = this.obj[path];
      if (Array.isArray(spec)) spec = { type: spec };
      else if (typeof spec !== 'object' || spec === null || spec instanceof Schema || spec.type === undefined) spec = typeof spec === 'function' || typeof spec === 'string' ? { type: spec } : { type: Mixed };
      const array = Array.isArray(spec.type);
      this.paths[path] = { path, instance: array ? 'Array' : typeName(spec.type), caster: array ? typeName(spec.type[0]) : undefined, options: spec };
    }
    const ts = this.options.timestamps;
    this.timestamps = ts ? { createdAt: (ts.createdAt === undefined ? 'createdAt' : ts.createdAt), updatedAt: (ts.updatedAt === undefined ? 'updatedAt' : ts.updatedAt) } : null;
    this.methods = {};
    this.statics = {};
    this.virtuals = {};
  }
  path(name) { return this.paths[name]; }
  add(definition) { const s = new Schema(definition); Object.assign(this.obj, definition); Object.assign(this.paths, s.paths); return this; }
  pre() { return this; }
  post() { return this; }
  index() { return this; }
  set(k, v) { this.options[k] = v; return this; }
  virtual(name) {
    const v = { get: null, get(fn) { this.getter = fn; return this; }, set(fn) { this.setter = fn; return this; } };
    this.virtuals[name] = v;
    return v;
  }
}
Schema.Types = Types;

function castPath(schemaPath, value) {
  if (schemaPath.instance === 'Array') {
    if (value === undefined || value === null) return value;
    return [].concat(value).map((v, i) => cast(schemaPath.caster, v, schemaPath.path + '.' + i));
  }
  return cast(schemaPath.instance, value, schemaPath.path);
}

// Filters: values at typed paths are cast as mongoose does (an _id string becomes an ObjectId).
function castFilter(schema, filter, modelName) {
  if (!filter || typeof filter !== 'object') return filter;
  const out = {};
  for (const k of Object.keys(filter)) {
    const sp = k === '_id' ? { instance: 'ObjectId', path: '_id' } : schema.paths[k];
    const v = filter[k];
    if (!sp || k.startsWith('$')) { out[k] = v; continue; }
    const one = (x) => {
      try {
        return sp.instance === 'Array' ? cast(sp.caster, x, k) : cast(sp.instance, x, k);
      } catch (e) {
        throw new CastError(e.kind, x, k, undefined, modelName);
      }
    };
    if (v && typeof v === 'object' && !(v instanceof Date) && !(v instanceof ObjectId) && !(v instanceof RegExp) && !Array.isArray(v) && Object.keys(v).some((o) => o.startsWith('$'))) {
      const ops = {};
      for (const o of Object.keys(v)) ops[o] = Array.isArray(v[o]) ? v[o].map(one) : typeof v[o] === 'object' && !(v[o] instanceof Date) ? v[o] : one(v[o]);
      out[k] = ops;
    } else out[k] = v instanceof RegExp ? v : one(v);
  }
  return out;
}

// ---- documents ----------------------------------------------------------------------------------------------------

class Document {
  constructor(fields, isNew) {
    Object.defineProperty(this, '$isNew', { value: isNew !== false, writable: true });
    Object.defineProperty(this, '$__fields', { value: {}, writable: true });
    const schema = this.schema;
    const given = fields || {};
    const f = this.$__fields;
    if (isNew === false) {
      for (const k of Object.keys(given)) f[k] = given[k];
    } else {
      for (const path of Object.keys(schema.paths)) {
        const sp = schema.paths[path];
        let v = given[path];
        if (v === undefined && sp.options.default !== undefined) v = typeof sp.options.default === 'function' ? sp.options.default.call(this) : sp.options.default;
        if (v === undefined && sp.instance === 'Array') v = [];
        if (v !== undefined) f[path] = v;
      }
      f._id = given._id !== undefined ? cast('ObjectId', given._id, '_id') : new ObjectId();
      const strict = schema.options.strict !== false;
      if (!strict) for (const k of Object.keys(given)) if (!(k in f)) f[k] = given[k];
    }
    for (const path of Object.keys(schema.paths).concat(['_id', schema.options.versionKey], schema.timestamps ? [schema.timestamps.createdAt, schema.timestamps.updatedAt] : [])) {
      if (!path || Object.prototype.hasOwnProperty.call(this, path)) continue;
      Object.defineProperty(this, path, { get: () => this.$__fields[path], set: (v) => { this.$__fields[path] = v; }, enumerable: true, configurable: true });
    }
  }
  get id() { return this._id === undefined ? undefined : String(this._id); }
  get isNew() { return this.$isNew; }
  get(path) { return this.$__fields[path]; }
  set(path, value) { if (typeof path === 'object') Object.assign(this.$__fields, path); else this.$__fields[path] = value; return this; }
  toObject(options) {
    const out = {};
    for (const k of Object.keys(this.$__fields)) if (this.$__fields[k] !== undefined) out[k] = this.$__fields[k];
    if (options && options.versionKey === false) delete out[this.schema.options.versionKey];
    return out;
  }
  toJSON(options) {
    const o = this.toObject(options);
    const t = this.schema.options.toJSON && this.schema.options.toJSON.transform;
    return typeof t === 'function' ? (t(this, o, options) || o) : o;
  }
  toString() { return require('util').inspect(this.toObject()); }
  [inspectSymbol]() { return this.toObject(); }
  validateSync() {
    const errors = {};
    const schema = this.schema;
    for (const path of Object.keys(schema.paths)) {
      const sp = schema.paths[path];
      const o = sp.options;
      let v = this.$__fields[path];
      try {
        v = castPath(sp, v);
        if (v !== undefined) this.$__fields[path] = v;
      } catch (e) {
        errors[path] = e;
        continue;
      }
      const fail = (type, text, extra) => { errors[path] = new ValidatorError(Object.assign({ message: text, type, path, value: v }, extra || {})); };
      const req = Array.isArray(o.required) ? o.required[0] : o.required;
      const reqMessage = Array.isArray(o.required) ? o.required[1] : undefined;
      const required = typeof req === 'function' ? req.call(this) : !!req;
      if (required && (v === undefined || v === null || (sp.instance === 'String' && v === '') || (sp.instance === 'Array' && v.length === 0 && false))) { fail('required', reqMessage || 'Path ' + TICK + path + TICK + ' is required.'); continue; }
      if (v === undefined || v === null) continue;
      const bound = (spec, name, test, word) => {
        if (spec === undefined) return;
        const limit = Array.isArray(spec) ? spec[0] : spec;
        if (test(limit)) fail(name, Array.isArray(spec) ? spec[1] : 'Path ' + TICK + path + TICK + ' (' + v + ') is ' + word + ' ' + (name === 'min' || name === 'minlength' ? 'minimum' : 'maximum') + ' allowed value (' + limit + ').', { [name]: limit });
      };
      if (sp.instance === 'Number') {
        bound(o.min, 'min', (l) => v < l, 'less than');
        bound(o.max, 'max', (l) => v > l, 'more than');
      }
      if (sp.instance === 'String') {
        if (o.enum) {
          const values = Array.isArray(o.enum) ? o.enum : o.enum.values;
          if (!values.includes(v)) fail('enum', (o.enum.message) || TICK + v + TICK + ' is not a valid enum value for path ' + TICK + path + TICK + '.', { enumValues: values });
        }
        if (o.minlength !== undefined || o.minLength !== undefined) { const l = o.minlength !== undefined ? o.minlength : o.minLength; if (v.length < l) fail('minlength', 'Path ' + TICK + path + TICK + ' (' + JSON.stringify(v).replace(/^"|"$/g, TICK) + ', length ' + v.length + ') is shorter than the minimum allowed length (' + l + ').', { minlength: l }); }
        if (o.maxlength !== undefined || o.maxLength !== undefined) { const l = o.maxlength !== undefined ? o.maxlength : o.maxLength; if (v.length > l) fail('maxlength', 'Path ' + TICK + path + TICK + ' (' + JSON.stringify(v).replace(/^"|"$/g, TICK) + ', length ' + v.length + ') is longer than the maximum allowed length (' + l + ').', { maxlength: l }); }
        if (o.trim) this.$__fields[path] = v.trim();
        if (o.lowercase) this.$__fields[path] = this.$__fields[path].toLowerCase();
        if (o.uppercase) this.$__fields[path] = this.$__fields[path].toUpperCase();
      }
    }
    return Object.keys(errors).length > 0 ? new ValidationError(this.constructor.modelName, errors) : undefined;
  }
  async validate() {
    const e = this.validateSync();
    if (e) throw e;
  }
  async save() {
    const e = this.validateSync();
    if (e) throw e;
    const schema = this.schema;
    const now = new Date();
    const vk = schema.options.versionKey;
    if (this.$isNew) {
      if (schema.timestamps) {
        if (schema.timestamps.createdAt && this.$__fields[schema.timestamps.createdAt] === undefined) this.$__fields[schema.timestamps.createdAt] = now;
        if (schema.timestamps.updatedAt) this.$__fields[schema.timestamps.updatedAt] = now;
      }
      if (vk) this.$__fields[vk] = 0;
      await this.constructor.collection.insertOne(this.toObject());
      this.$isNew = false;
    } else {
      if (schema.timestamps && schema.timestamps.updatedAt) this.$__fields[schema.timestamps.updatedAt] = now;
      const set = this.toObject();
      delete set._id;
      await this.constructor.collection.updateOne({ _id: this._id }, { $set: set });
    }
    return this;
  }
  async deleteOne() { return this.constructor.collection.deleteOne({ _id: this._id }); }
  equals(other) { return !!other && other._id !== undefined && String(other._id) === String(this._id); }
}

// ---- queries ------------------------------------------------------------------------------------------------------

class Query {
  constructor(model, op, filter, extra) {
    this.model = model;
    this.op = op;
    this._filter = filter || {};
    this._extra = extra;
    this._options = {};
    this._lean = false;
  }
  lean(v) { this._lean = v !== false; return this; }
  sort(s) { this._options.sort = typeof s === 'string' ? Object.fromEntries(s.split(/\s+/).filter(Boolean).map((k) => (k.startsWith('-') ? [k.slice(1), -1] : [k, 1]))) : s; return this; }
  limit(n) { this._options.limit = n; return this; }
  skip(n) { this._options.skip = n; return this; }
  select(p) {
    this._options.projection = typeof p === 'string' ? Object.fromEntries(p.split(/\s+/).filter(Boolean).map((k) => (k.startsWith('-') ? [k.slice(1), 0] : [k, 1]))) : p;
    return this;
  }
  where(f) { Object.assign(this._filter, f); return this; }
  populate() { return this; }
  getFilter() { return this._filter; }
  async exec() {
    const M = this.model;
    const c = M.collection;
    const filter = castFilter(M.schema, this._filter, M.modelName);
    const hydrate = (d) => (d === null ? null : this._lean ? d : M.hydrate(d));
    switch (this.op) {
      case 'find': return (await c.find(filter, this._options).toArray()).map(hydrate);
      case 'findOne': return hydrate(await c.findOne(filter, this._options));
      case 'countDocuments': return c.countDocuments(filter);
      case 'deleteOne': return c.deleteOne(filter);
      case 'deleteMany': return c.deleteMany(filter);
      case 'updateOne':
      case 'updateMany': return c[this.op](filter, M._update(this._extra.update), this._extra.options);
      case 'findOneAndDelete': {
        const d = await c.findOne(filter);
        if (d) await c.deleteOne({ _id: d._id });
        return hydrate(d);
      }
      case 'findOneAndUpdate': {
        // Not atomic here: our mongod has no findAndModify, so the document is found, then updated by its _id.
        const before = await c.findOne(filter);
        if (!before) return null;
        await c.updateOne({ _id: before._id }, M._update(this._extra.update));
        return hydrate(this._extra.options && this._extra.options.new ? await c.findOne({ _id: before._id }) : before);
      }
    }
    throw new MongooseError('Query.' + this.op + ' is not simulated');
  }
  then(resolve, reject) { return this.exec().then(resolve, reject); }
  catch(reject) { return this.exec().catch(reject); }
  finally(fn) { return this.exec().finally(fn); }
}

// ---- models -------------------------------------------------------------------------------------------------------

const UNCOUNTABLE = ['advice', 'energy', 'excretion', 'digestion', 'cooperation', 'health', 'justice', 'labour', 'machinery', 'equipment', 'information', 'pollution', 'sewage', 'paper', 'money', 'species', 'series', 'rain', 'rice', 'fish', 'sheep', 'moose', 'deer', 'news', 'expertise', 'status', 'media'];
const RULES = [
  [/(m)an$/gi, '$1en'], [/(pe)rson$/gi, '$1ople'], [/(child)$/gi, '$1ren'], [/^(ox)$/gi, '$1en'], [/(ax|test)is$/gi, '$1es'],
  [/(octop|vir)us$/gi, '$1i'], [/(alias|status|alumnus)$/gi, '$1es'], [/(bu)s$/gi, '$1ses'], [/(buffal|tomat|potat)o$/gi, '$1oes'],
  [/([ti])um$/gi, '$1a'], [/sis$/gi, 'ses'], [/(?:([^f])fe|([lr])f)$/gi, '$1$2ves'], [/(hive)$/gi, '$1s'], [/([^aeiouy]|qu)y$/gi, '$1ies'],
  [/(x|ch|ss|sh)$/gi, '$1es'], [/(matr|vert|ind)ix|ex$/gi, '$1ices'], [/([m|l])ouse$/gi, '$1ice'], [/(kn|w|l)ife$/gi, '$1ives'],
  [/(quiz)$/gi, '$1zes'], [/s$/gi, 's'], [/([^a-z])$/, '$1'], [/$/gi, 's'],
];
/** Mongoose's collection name for a model: lower-cased and pluralized by the first of its rules that matches. */
function pluralize(name) {
  const s = name.toLowerCase();
  if (UNCOUNTABLE.includes(s)) return s;
  for (const [re, to] of RULES) if (s.match(re)) return s.replace(re, to);
  return s;
}

function compile(mongoose, name, schema, collectionName) {
  class Model extends Document {}
  Object.defineProperty(Model, 'name', { value: 'model' });
  Model.modelName = name;
  Model.schema = schema;
  Model.base = mongoose;
  Model.db = mongoose.connection;
  Object.defineProperty(Model.prototype, 'schema', { value: schema });
  Object.defineProperty(Model.prototype, '$model', { value: Model });
  const collName = collectionName || schema.options.collection || pluralize(name);
  Object.defineProperty(Model, 'collection', { get: () => mongoose.connection.collection(collName) });
  Model.hydrate = (doc) => new Model(doc, false);
  Model._update = (u) => {
    const update = Object.assign({}, u);
    const set = {};
    for (const k of Object.keys(update)) if (!k.startsWith('$')) { set[k] = update[k]; delete update[k]; }
    if (Object.keys(set).length > 0) update.$set = Object.assign({}, update.$set, set);
    if (update.$set) {
      const cast = {};
      for (const k of Object.keys(update.$set)) cast[k] = schema.paths[k] ? castPath(schema.paths[k], update.$set[k]) : update.$set[k];
      update.$set = cast;
    }
    if (schema.timestamps && schema.timestamps.updatedAt) update.$set = Object.assign({}, update.$set, { [schema.timestamps.updatedAt]: new Date() });
    return update;
  };
  Model.create = async (docs) => {
    if (Array.isArray(docs)) return Promise.all(docs.map((d) => new Model(d).save()));
    return new Model(docs).save();
  };
  Model.insertMany = (docs) => Promise.all([].concat(docs).map((d) => new Model(d).save()));
  Model.find = (filter, projection) => { const q = new Query(Model, 'find', filter); return projection ? q.select(projection) : q; };
  Model.findOne = (filter, projection) => { const q = new Query(Model, 'findOne', filter); return projection ? q.select(projection) : q; };
  Model.findById = (id, projection) => Model.findOne({ _id: id }, projection);
  Model.countDocuments = (filter) => new Query(Model, 'countDocuments', filter);
  Model.estimatedDocumentCount = () => Model.collection.estimatedDocumentCount();
  Model.exists = async (filter) => { const d = await new Query(Model, 'findOne', filter).select({ _id: 1 }).lean(); return d ? { _id: d._id } : null; };
  Model.deleteOne = (filter) => new Query(Model, 'deleteOne', filter);
  Model.deleteMany = (filter) => new Query(Model, 'deleteMany', filter);
  Model.updateOne = (filter, update, options) => new Query(Model, 'updateOne', filter, { update, options });
  Model.updateMany = (filter, update, options) => new Query(Model, 'updateMany', filter, { update, options });
  Model.findByIdAndDelete = (id) => new Query(Model, 'findOneAndDelete', { _id: id });
  Model.findOneAndDelete = (filter) => new Query(Model, 'findOneAndDelete', filter);
  Model.findByIdAndUpdate = (id, update, options) => new Query(Model, 'findOneAndUpdate', { _id: id }, { update, options });
  Model.findOneAndUpdate = (filter, update, options) => new Query(Model, 'findOneAndUpdate', filter, { update, options });
  Object.assign(Model, schema.statics);
  Object.assign(Model.prototype, schema.methods);
  for (const v of Object.keys(schema.virtuals)) {
    const spec = schema.virtuals[v];
    Object.defineProperty(Model.prototype, v, { get() { return spec.getter ? spec.getter.call(this) : undefined; }, set(x) { if (spec.setter) spec.setter.call(this, x); }, configurable: true });
  }
  return Model;
}

// ---- connections and the mongoose object --------------------------------------------------------------------------

const STATES = { 0: 'disconnected', 1: 'connected', 2: 'connecting', 3: 'disconnecting' };

class Connection extends EventEmitter {
  constructor(base) {
    super();
    this.base = base;
    this.readyState = 0;
    this.client = null;
    this.db = null;
    this.name = undefined;
    this.host = undefined;
    this.port = undefined;
    this.models = {};
  }
  get states() { return STATES; }
  async openUri(uri, options) {
    const o = options || {};
    this.readyState = 2;
    this.emit('connecting');
    const client = new mongodb.MongoClient(uri, { serverSelectionTimeoutMS: o.serverSelectionTimeoutMS === undefined ? 30000 : o.serverSelectionTimeoutMS });
    try {
      await client.connect();
    } catch (e) {
      this.readyState = 0;
      const err = e && e.name === 'MongoServerSelectionError' ? new MongooseServerSelectionError(e) : e;
      if (this.listenerCount('error') > 0) this.emit('error', err);
      throw err;
    }
    this.client = client;
    this.db = client.db(o.dbName);
    this.name = this.db.databaseName;
    const at = client._address.lastIndexOf(':');
    this.host = client._address.slice(0, at);
    this.port = Number(client._address.slice(at + 1));
    this.readyState = 1;
    this.emit('connected');
    this.emit('open');
    return this;
  }
  collection(name) {
    if (!this.db) return new PendingCollection(this, name);
    return this.db.collection(name);
  }
  model(name, schema, collection) { return this.base.model(name, schema, collection); }
  async close() {
    if (!this.client) return;
    this.readyState = 3;
    this.emit('disconnecting');
    await this.client.close();
    this.client = null;
    this.db = null;
    this.readyState = 0;
    this.emit('disconnected');
    this.emit('close');
  }
  asPromise() { return this.readyState === 1 ? Promise.resolve(this) : new Promise((resolve, reject) => { this.once('open', () => resolve(this)); this.once('error', reject); }); }
}

// Mongoose buffers model calls made before the connection opens, and times them out after 10 s.
class PendingCollection {
  constructor(conn, name) { this.conn = conn; this.name = name; }
  _wait(method) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new MongooseError('Operation ' + TICK + this.name + '.' + method + '()' + TICK + ' buffering timed out after 10000ms')), 10000);
      this.conn.once('open', () => { clearTimeout(timer); resolve(this.conn.db.collection(this.name)); });
    });
  }
}
for (const m of ['insertOne', 'findOne', 'countDocuments', 'estimatedDocumentCount', 'deleteOne', 'deleteMany', 'updateOne', 'updateMany']) {
  PendingCollection.prototype[m] = async function (...args) { return (await this._wait(m))[m](...args); };
}
PendingCollection.prototype.find = function (...args) {
  const pending = this._wait('find');
  const cursor = { toArray: async () => (await pending).find(...args).toArray() };
  return cursor;
};

class Mongoose {
  constructor() {
    this.connection = new Connection(this);
    this.connections = [this.connection];
    this.models = {};
    this.version = VERSION;
    this.Schema = Schema;
    this.Types = { ObjectId };
    this.SchemaTypes = Types;
    this.Error = Object.assign(MongooseError, { ValidationError, ValidatorError, CastError, MongooseServerSelectionError, OverwriteModelError, MissingSchemaError });
    this.Document = Document;
    this.Query = Query;
    this.mongo = mongodb;
    this.Mongoose = Mongoose;
    this.STATES = STATES;
    this.ConnectionStates = STATES;
    this._options = {};
  }
  async connect(uri, options) {
    await this.connection.openUri(uri, options);
    return this;
  }
  async disconnect() { await this.connection.close(); }
  createConnection(uri, options) {
    const c = new Connection(this);
    this.connections.push(c);
    if (uri) c.$initialConnection = c.openUri(uri, options).catch(() => {});
    return c;
  }
  model(name, schema, collection) {
    if (schema === undefined) {
      if (!this.models[name]) throw new MissingSchemaError(name);
      return this.models[name];
    }
    if (this.models[name]) throw new OverwriteModelError(name);
    if (!(schema instanceof Schema)) schema = new Schema(schema);
    const M = compile(this, name, schema, collection);
    this.models[name] = M;
    this.connection.models[name] = M;
    return M;
  }
  modelNames() { return Object.keys(this.models); }
  deleteModel(name) { delete this.models[name]; return this; }
  set(key, value) { this._options[key] = value; return this; }
  get(key) { return this._options[key]; }
  isValidObjectId(v) { return ObjectId.isValid(v); }
  isObjectIdOrHexString(v) { return v instanceof ObjectId || (typeof v === 'string' && /^[0-9a-fA-F]{24}$/.test(v)); }
  pluralize() { return pluralize; }
}

const mongoose = new Mongoose();
module.exports = mongoose;
module.exports.default = mongoose;
`;
