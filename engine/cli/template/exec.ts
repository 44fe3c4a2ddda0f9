import { FuncError, type ParamType, type TemplateFunc } from './funcs.ts';
import { nodeString, type CommandNode, type Node, type PipeNode } from './nodes.ts';
import type { ParsedTemplate } from './parser.ts';
import {
  formatValue, GO_METHODS, goTypeName, isGoStruct, isTrue, isTypedNil, mapEntries, NIL_MAP, NO_VALUE,
} from './values.ts';

/**
 * Executes a parsed template over Go-shaped data (see values.ts). Errors read as Go's:
 * `template: NAME:LINE:COL: executing "NAME" at <NODE>: MESSAGE`; the output written before the error is kept,
 * since docker prints it.
 */
export class TemplateExecError extends Error {
  constructor(
    message: string,
    readonly partialOutput: string,
  ) {
    super(message);
  }
}

class Abort extends Error {
  constructor(readonly node: Node, readonly detail: string) {
    super(detail);
  }
}

class LoopControl {
  constructor(readonly kind: 'break' | 'continue') {}
}

interface Variable {
  readonly name: string;
  value: unknown;
}

/**
 * Go's `missingkey` option: what a map lookup of an absent key gives. 'default' (Go's `invalid` too) and 'zero'
 * both print `<no value>` here, since every map a template sees holds interface values; 'error' stops.
 */
export type MissingKey = 'default' | 'zero' | 'error';

export function execute(t: ParsedTemplate, data: unknown, funcs: ReadonlyMap<string, TemplateFunc>, missingKey: MissingKey = 'default'): string {
  let out = '';
  const vars: Variable[] = [{ name: '$', value: data }];

  const fail = (node: Node, detail: string): never => {
    throw new Abort(node, detail);
  };

  const walkList = (list: readonly Node[], dot: unknown) => {
    for (const n of list) walk(n, dot);
  };

  function walk(n: Node, dot: unknown): void {
    switch (n.kind) {
      case 'text':
        out += n.text;
        return;
      case 'action': {
        const v = evalPipe(n.pipe, dot);
        if (n.pipe.decl.length === 0) out += printable(v);
        return;
      }
      case 'if':
      case 'with': {
        const mark = vars.length;
        const v = evalPipe(n.pipe, dot);
        if (isTrue(v)) walkList(n.list, n.kind === 'with' ? v : dot);
        else if (n.elseList) walkList(n.elseList, dot);
        vars.length = mark;
        return;
      }
      case 'range':
        return walkRange(n, dot);
      case 'break':
      case 'continue':
        throw new LoopControl(n.kind);
      default:
        fail(n, `unknown node: ${nodeString(n)}`);
    }
  }

  function walkRange(n: Extract<Node, { kind: 'range' }>, dot: unknown): void {
    const mark = vars.length;
    const v = evalPipe({ ...n.pipe, decl: [] }, dot);
    let items: [unknown, unknown][];
    if (Array.isArray(v)) items = v.map((x, i) => [i, x]);
    else if (typeof v === 'number' && Number.isInteger(v)) items = Array.from({ length: Math.max(0, v) }, (_, i) => [i, i]);
    else if (isTypedNil(v) || v === null || v === NO_VALUE) items = [];
    else if (v instanceof Map || (typeof v === 'object' && !isGoStruct(v))) items = mapEntries(v as Map<unknown, unknown>);
    else return fail(n.pipe, `range can't iterate over ${formatValue(v)}`);
    if (items.length === 0) {
      if (n.elseList) walkList(n.elseList, dot);
      vars.length = mark;
      return;
    }
    for (const [key, elem] of items) {
      const [a, b] = n.pipe.decl;
      if (b !== undefined) vars.push({ name: a!, value: key }, { name: b, value: elem });
      else if (a !== undefined) vars.push({ name: a, value: elem });
      try {
        walkList(n.list, elem);
      } catch (e) {
        if (!(e instanceof LoopControl)) throw e;
        if (e.kind === 'break') break;
      } finally {
        vars.length = mark + (n.pipe.isAssign ? 0 : 0);
      }
    }
    vars.length = mark;
  }

  function evalPipe(pipe: PipeNode, dot: unknown): unknown {
    let value: unknown = undefined;
    let hasFinal = false;
    for (const cmd of pipe.cmds) {
      value = evalCommand(cmd, dot, hasFinal ? value : undefined, hasFinal);
      hasFinal = true;
    }
    for (const name of pipe.decl) {
      if (pipe.isAssign) {
        const v = [...vars].reverse().find((x) => x.name === name);
        if (v) v.value = value;
      } else {
        vars.push({ name, value });
      }
    }
    return value;
  }

  function evalCommand(cmd: CommandNode, dot: unknown, final: unknown, hasFinal: boolean): unknown {
    const first = cmd.args[0]!;
    const rest = cmd.args.slice(1);
    switch (first.kind) {
      case 'identifier':
        return call(first.name, cmd, rest, dot, final, hasFinal);
      case 'field':
        return evalFieldChain(dot, first, first.ident, rest, final, hasFinal, dot);
      case 'variable': {
        const base = lookupVar(first, first.ident[0]!);
        if (first.ident.length === 1) {
          noArgs(first, rest, hasFinal);
          return base;
        }
        return evalFieldChain(dot, first, first.ident.slice(1), rest, final, hasFinal, base);
      }
      case 'chain': {
        const base = evalArg(dot, first.node);
        return evalFieldChain(dot, first, first.field, rest, final, hasFinal, base);
      }
      case 'pipe':
        noArgs(first, rest, hasFinal);
        return evalPipe(first, dot);
      default:
        noArgs(first, rest, hasFinal);
        return evalArg(dot, first);
    }
  }

  function noArgs(node: Node, rest: readonly Node[], hasFinal: boolean) {
    if (rest.length > 0 || hasFinal) fail(node, `can't give argument to non-function ${nodeString(node)}`);
  }

  function lookupVar(node: Node, name: string): unknown {
    for (let i = vars.length - 1; i >= 0; i--) if (vars[i]!.name === name) return vars[i]!.value;
    return fail(node, `undefined variable: ${name}`);
  }

  function evalArg(dot: unknown, n: Node): unknown {
    switch (n.kind) {
      case 'dot':
        return dot;
      case 'nil':
        return fail(n, 'cannot assign nil to interface {}');
      case 'bool':
        return n.value;
      case 'number':
        return n.value;
      case 'string':
        return n.text;
      case 'field':
        return evalFieldChain(dot, n, n.ident, [], undefined, false, dot);
      case 'variable': {
        const base = lookupVar(n, n.ident[0]!);
        return n.ident.length === 1 ? base : evalFieldChain(dot, n, n.ident.slice(1), [], undefined, false, base);
      }
      case 'chain':
        return evalFieldChain(dot, n, n.field, [], undefined, false, evalArg(dot, n.node));
      case 'pipe':
        return evalPipe(n, dot);
      case 'identifier':
        return call(n.name, n, [], dot, undefined, false);
      default:
        return fail(n, `can't handle ${nodeString(n)}`);
    }
  }

  function evalFieldChain(
    dot: unknown, node: Node, idents: readonly string[], args: readonly Node[], final: unknown, hasFinal: boolean, receiver: unknown,
  ): unknown {
    let v = receiver;
    for (let i = 0; i < idents.length; i++) {
      const last = i === idents.length - 1;
      v = field(node, v, idents[i]!, last ? args : [], last ? final : undefined, last && hasFinal, dot);
    }
    return v;
  }

  function field(node: Node, receiver: unknown, name: string, args: readonly Node[], final: unknown, hasFinal: boolean, dot: unknown): unknown {
    if (isGoStruct(receiver)) {
      if (!(name in receiver)) fail(node, `can't evaluate field ${name} in type ${goTypeName(receiver)}`);
      const v = receiver[name];
      if (typeof v === 'function') {
        const argv = args.map((a) => evalArg(dot, a));
        if (hasFinal) argv.push(final);
        return (v as (...a: unknown[]) => unknown).apply(receiver, argv);
      }
      if (args.length > 0 || hasFinal) fail(node, `${name} has arguments but cannot be invoked as function`);
      return v;
    }
    if (receiver === null || receiver === undefined || receiver === NO_VALUE) {
      return fail(node, `nil pointer evaluating interface {}.${name}`);
    }
    const missing = (): unknown => (missingKey === 'error' ? fail(node, `map has no entry for key ${JSON.stringify(name)}`) : NO_VALUE);
    // A nil map is still a map: every lookup misses.
    if (receiver === NIL_MAP) {
      if (args.length > 0 || hasFinal) fail(node, `${name} is not a method but has arguments`);
      return missing();
    }
    if (receiver instanceof Map || (typeof receiver === 'object' && !Array.isArray(receiver) && !isTypedNil(receiver))) {
      const methods = (receiver as { [GO_METHODS]?: Record<string, (...a: unknown[]) => unknown> })[GO_METHODS];
      if (methods && Object.hasOwn(methods, name)) {
        const argv = args.map((a) => evalArg(dot, a));
        if (hasFinal) argv.push(final);
        return methods[name]!.apply(receiver, argv);
      }
      if (args.length > 0 || hasFinal) fail(node, `${name} is not a method but has arguments`);
      if (receiver instanceof Map) return receiver.has(name) ? receiver.get(name) : missing();
      return Object.hasOwn(receiver, name) ? (receiver as Record<string, unknown>)[name] : missing();
    }
    return fail(node, `can't evaluate field ${name} in type ${goTypeName(receiver)}`);
  }

  function call(name: string, cmd: Node, argNodes: readonly Node[], dot: unknown, final: unknown, hasFinal: boolean): unknown {
    const fn = funcs.get(name);
    if (!fn) return fail(cmd, `"${name}" is not a defined function`);
    const count = argNodes.length + (hasFinal ? 1 : 0);
    const fixed = fn.params.length;
    if (fn.variadic ? count < fixed : count !== fixed) {
      fail(cmd, `wrong number of args for ${name}: want ${fn.variadic ? 'at least ' : ''}${fixed} got ${count}`);
    }
    const values: unknown[] = [];
    argNodes.forEach((a, i) => values.push(checkType(a, evalArg(dot, a), fn.params[i] ?? fn.variadic ?? 'any')));
    if (hasFinal) values.push(checkType(cmd, final, fn.params[argNodes.length] ?? fn.variadic ?? 'any'));
    try {
      return fn.fn(...values);
    } catch (e) {
      if (e instanceof FuncError) return fail(cmd, `error calling ${name}: ${e.message}`);
      throw e;
    }
  }

  function checkType(node: Node, v: unknown, type: ParamType): unknown {
    const ok =
      type === 'any' ||
      (type === 'string' && typeof v === 'string') ||
      (type === 'int' && typeof v === 'number' && Number.isInteger(v)) ||
      (type === '[]string' && Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (ok) return v;
    if (node.kind === 'number' || node.kind === 'string' || node.kind === 'bool') {
      fail(node, `expected ${type === 'int' ? 'integer' : type}; found ${nodeString(node)}`);
    }
    return fail(node, `wrong type for value; expected ${type}; got ${goTypeName(v)}`);
  }

  function printable(v: unknown): string {
    return formatValue(v);
  }

  try {
    walkList(t.root, data);
    return out;
  } catch (e) {
    if (!(e instanceof Abort)) throw e;
    const before = t.text.slice(0, e.node.pos);
    const nl = before.lastIndexOf('\n');
    // Go reports the column in bytes of UTF-8.
    const col = new TextEncoder().encode(before.slice(nl + 1)).length;
    const message = `template: ${t.name}:${e.node.line}:${col}: executing "${t.name}" at <${nodeString(e.node)}>: ${e.detail}`;
    throw new TemplateExecError(message, out);
  }
}
