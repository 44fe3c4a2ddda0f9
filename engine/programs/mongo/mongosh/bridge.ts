import { ObjectId } from '../bson.ts';
import { IS_DATABASE, ShellCollection } from './shell-api.ts';

/**
 * The host side of guest-shell.ts: the shell's objects (the `db` proxy, collections, cursors) are kept here in a
 * table and the guest holds references to them; values cross in the wire form both sides agree on (`{$oid}`,
 * `{$regularExpression}`, `{$$ref}`, `{$$function}`).
 */

type Fn = (...args: unknown[]) => unknown;

/** What the guest is told of a property or a global: a method to call, or a value. */
export type Described = { fn: true } | { value: unknown };

/** A value a host function threw that is not an Error (exit's request): carried through the guest by id. */
const THROWN = '$$thrown';

export class Bridge {
  readonly #objects: unknown[] = [];
  readonly #ids = new Map<unknown, number>();
  readonly #thrown: unknown[] = [];

  constructor(private readonly globals: Readonly<Record<string, unknown>>) {}

  /** The bindings guest-shell.ts is called with. */
  bindings(): Record<string, Fn> {
    return {
      get: (id, prop) => {
        const target = this.#objects[Number(id)] as Record<string, unknown>;
        const v = target[String(prop)];
        return this.#describe(v === undefined && target instanceof ShellCollection ? target.subCollection(String(prop)) : v);
      },
      call: (id, prop, args) => {
        const target = this.#objects[Number(id)] as Record<string, Fn>;
        return this.#run(() => target[String(prop)]!.apply(target, (args as unknown[]).map((a) => this.fromGuest(a))));
      },
      callGlobal: (name, args) => this.#run(() => (this.globals[String(name)] as Fn)(...(args as unknown[]).map((a) => this.fromGuest(a)))),
    };
  }

  /** The globals as guest-shell.ts's install takes them. */
  describeGlobals(): Record<string, Described> {
    return Object.fromEntries(Object.entries(this.globals).map(([k, v]) => [k, this.#describe(v)]));
  }

  /** The original of a value a host function threw, when `error` (a guest copy) stands for one. */
  thrownBy(error: unknown): unknown {
    const id = (error as Record<string, unknown> | null)?.[THROWN];
    return typeof id === 'number' ? this.#thrown[id] : undefined;
  }

  /** Host to guest: the wire form of a host value. */
  toGuest(v: unknown): unknown {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
    if (typeof v === 'function') return v;
    if (v instanceof ObjectId) return { $oid: v.toHexString() };
    if (v instanceof RegExp) return { $regularExpression: { pattern: v.source, options: v.flags } };
    if (v instanceof Date || v instanceof Error || v instanceof Uint8Array) return v;
    if (typeof (v as PromiseLike<unknown>).then === 'function') return Promise.resolve(v).then((x) => this.toGuest(x));
    if (Array.isArray(v)) return v.map((x) => this.toGuest(x));
    if (isShellObject(v)) return { $$ref: this.#ref(v) };
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.toGuest(x)]));
  }

  /** Guest to host: host values (ObjectId, RegExp, the shell's own objects) from their wire form. */
  fromGuest(v: unknown): unknown {
    if (typeof v === 'function') {
      const fn = v as Fn;
      return (...args: unknown[]) => this.fromGuest(fn(...args.map((a) => this.toGuest(a))));
    }
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof Promise) return v.then((x) => this.fromGuest(x));
    if (Array.isArray(v)) return v.map((x) => this.fromGuest(x));
    if (v instanceof Date || v instanceof Error || v instanceof Uint8Array) return v;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1) {
      if (typeof o.$oid === 'string') return new ObjectId(o.$oid);
      if (typeof o.$$ref === 'number') return this.#objects[o.$$ref];
      if (typeof o.$$function === 'string') return namedFunction(o.$$function);
      const re = o.$regularExpression as { pattern?: unknown; options?: unknown } | undefined;
      if (re && typeof re.pattern === 'string') return new RegExp(re.pattern, String(re.options ?? ''));
    }
    return Object.fromEntries(keys.map((k) => [k, this.fromGuest(o[k])]));
  }

  #describe(v: unknown): Described {
    return typeof v === 'function' ? { fn: true } : { value: this.toGuest(v) };
  }

  #ref(v: unknown): number {
    let id = this.#ids.get(v);
    if (id === undefined) {
      id = this.#objects.push(v) - 1;
      this.#ids.set(v, id);
    }
    return id;
  }

  /** Calls into the host; results go back in wire form, and what is thrown that is not an Error keeps its identity. */
  #run(f: () => unknown): unknown {
    try {
      return this.toGuest(f());
    } catch (e) {
      if (e instanceof Error) throw e;
      throw Object.assign(new Error('thrown by the shell'), { [THROWN]: this.#thrown.push(e) - 1 });
    }
  }
}

/** The shell's objects, passed by reference: a database, and instances of its classes (collections, cursors). */
function isShellObject(v: object): boolean {
  if ((v as Record<symbol, unknown>)[IS_DATABASE] === true) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto !== Object.prototype && proto !== null;
}

function namedFunction(name: string): Fn {
  const f = () => undefined;
  Object.defineProperty(f, 'name', { value: name });
  return f;
}
