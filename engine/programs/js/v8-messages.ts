/**
 * QuickJS words its runtime errors differently from V8, whose wording Node (and so mongosh) prints. This rewrites the
 * common ones into V8's. `callee` is the source text of the call or `new` that failed, when the caller knows it:
 * V8 names it (`db.users.nope is not a function`), QuickJS does not (`not a function`).
 */
export function v8Message(name: string, message: string, callee?: string): string {
  let m: RegExpExecArray | null;
  if (name === 'ReferenceError' && (m = /^'(.+)' is not defined$/.exec(message))) return `${m[1]} is not defined`;
  if (name === 'TypeError') {
    if (message === 'not a function') return `${callee ?? 'expression'} is not a function`;
    if (message === 'not a constructor') return `${callee ?? 'expression'} is not a constructor`;
    if ((m = /^cannot read property '(.*)' of (undefined|null)$/.exec(message))) return `Cannot read properties of ${m[2]} (reading '${m[1]}')`;
    if ((m = /^cannot set property '(.*)' of (undefined|null)$/.exec(message))) return `Cannot set properties of ${m[2]} (setting '${m[1]}')`;
    if (/^'.*' is read-only$/.test(message)) return 'Assignment to constant variable.';
  }
  if (name === 'SyntaxError' && (m = /^redeclaration of '(.+)'$/.exec(message))) return `Identifier '${m[1]}' has already been declared`;
  if (name === 'RangeError' && message === 'invalid array length') return 'Invalid array length';
  if (name === 'InternalError' && message === 'stack overflow') return 'Maximum call stack size exceeded';
  return message;
}

/** V8's class for the errors whose class differs in QuickJS (stack overflow is a RangeError in V8). */
export function v8Name(name: string, message: string): string {
  return name === 'InternalError' && message === 'stack overflow' ? 'RangeError' : name;
}
