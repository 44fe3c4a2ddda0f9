import { describe, expect, it } from 'vitest';
import { rewrite } from '../../../../engine/programs/mongo/mongosh/async-rewriter.ts';
import { IncompleteInput, ShellSyntaxError } from '../../../../engine/programs/mongo/mongosh/evaluator.ts';

describe('async rewriter', () => {
  it('awaits the calls of top-level code, not those inside functions the user wrote', () => {
    expect(rewrite('db.users.find().toArray()').code).toBe('(await (await db.users.find()).toArray())');
    expect(rewrite('let n = db.users.countDocuments({a: f(1)})').code).toBe('let n = (await db.users.countDocuments({a: (await f(1))}))');
    expect(rewrite('function f() { return g() }\nf()').code).toBe('function f() { return g() }\n(await f())');
    expect(rewrite('db.users.find().forEach(d => printjson(d))').code).toBe('(await (await db.users.find()).forEach(d => printjson(d)))');
    expect(rewrite('for (let i = 0; i < 3; i++) { db.c.insertOne({i}) }').code).toBe('for (let i = 0; i < 3; i++) { (await db.c.insertOne({i})) }');
  });

  it('awaits an optional chain as a whole, so it still short-circuits', () => {
    expect(rewrite('a?.b().c(x())').code).toBe('(await a?.b().c((await x())))');
  });

  it('maps positions back to the source and finds the callee whose arguments open there', () => {
    const r = rewrite('x = 1; db.users.nope()');
    const paren = r.code.indexOf('()');
    expect(r.sourceOffset(paren)).toBe(20);
    expect(r.calleeAt(r.sourceOffset(paren))).toBe('db.users.nope');
  });

  it('asks for more input when the statement is not finished', () => {
    expect(() => rewrite('for (let i = 0; i < 3; i++) {')).toThrow(IncompleteInput);
    expect(() => rewrite('db.users.insertOne({name: "Ada",')).toThrow(IncompleteInput);
    expect(() => rewrite('`abc')).toThrow(IncompleteInput);
  });

  it('reports a syntax error with Babel\'s wording and code frame', () => {
    let e: unknown;
    try {
      rewrite('let x = ;');
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(ShellSyntaxError);
    expect((e as Error).message).toBe('Unexpected token (1:8)\n\n> 1 | let x = ;\n    |         ^\n  2 |\n');
    expect(() => rewrite('db.x.find({a: 1 b: 2})')).toThrow('Unexpected token, expected "," (1:16)');
  });
});
