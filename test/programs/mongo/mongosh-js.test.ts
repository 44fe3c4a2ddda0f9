import { describe, expect, it } from 'vitest';
import { terminalReader, BytesReader, type Readable } from '../../../engine/programs/streams.ts';
import { dataFs, drive, machine, settle, start, world, type World } from './harness.ts';
import type { TreeFs } from '../../../engine/fs/tree-fs.ts';

/**
 * The installed mongosh (MONGO_PROGRAMS), whose JavaScript runs in the QuickJS sandbox: transcripts of what is
 * typed or passed with --eval against a mongod in an in-memory network namespace.
 */

async function session(w: World, argv: string[], stdin: string | Readable = '') {
  const fs = dataFs(w);
  fs.mkdir('/root', { recursive: true });
  const run = start(machine(w, fs), argv, { stdin });
  const status = await drive(w, run.exit);
  return { status, stdout: run.stdout.text(), stderr: run.stderr.text() };
}

async function server(w: World, fs: TreeFs = dataFs(w)) {
  const s = start(machine(w, fs), ['mongod', '--bind_ip_all'], { uid: 999, gid: 999 });
  await settle();
  return s;
}

/** ObjectIds as <1>, <2>... in order of first appearance: the same id keeps its number. */
function ids(text: string): string {
  const seen = new Map<string, number>();
  return text.replace(/ObjectId\('([0-9a-f]{24})'\)/g, (_, hex: string) => {
    if (!seen.has(hex)) seen.set(hex, seen.size + 1);
    return `ObjectId(<${seen.get(hex)}>)`;
  });
}

/** Lines typed at the prompt, and what the session printed after the greeting, split back per prompt. */
async function repl(w: World, lines: string[], argv = ['mongosh', '--quiet']) {
  const r = await session(w, argv, lines.join('\n') + '\n');
  return { ...r, stdout: ids(r.stdout) };
}

describe('mongosh evaluates JavaScript in the sandbox', () => {
  it('--eval prints what the script evaluates to, as mongosh 2.x prints it', async () => {
    const w = world();
    await server(w);
    const insert = await session(w, ['mongosh', '--quiet', '--eval', 'db.users.insertOne({name: "Ada"})']);
    expect(insert.status).toBe(0);
    expect(ids(insert.stdout)).toBe('{\n  acknowledged: true,\n  insertedId: ObjectId(<1>)\n}\n');
    const find = await session(w, ['mongosh', '--quiet', '--eval', 'db.users.find({}, {_id: 0})']);
    expect(find).toMatchObject({ status: 0, stdout: "[ { name: 'Ada' } ]\n", stderr: '' });
    const several = await session(w, ['mongosh', 'mongodb://localhost:27017/test', '--eval', 'const n = db.users.countDocuments()', '--eval', 'print("users:", n); n * 10']);
    expect(several.stdout).toBe('users: 1\n10\n');
    // An ObjectId made in the script goes to the server and comes back as the same id.
    const oid = await session(w, ['mongosh', '--quiet', '--eval', 'const id = ObjectId(); db.t.insertOne({_id: id, at: new Date(0)}); const d = db.t.findOne({_id: id}); [d._id.equals(id), d._id instanceof ObjectId, d.at]']);
    expect(oid.stdout).toBe("[ true, true, ISODate('1970-01-01T00:00:00.000Z') ]\n");
    // The shell's own commands work in --eval as at the prompt.
    const dbs = await session(w, ['mongosh', '--quiet', '--eval', 'show dbs']);
    expect(dbs).toMatchObject({ status: 0, stderr: '' });
    expect(dbs.stdout).toMatch(/^admin +[\d.]+ KiB\nconfig +[\d.]+ KiB\nlocal +[\d.]+ KiB\ntest +[\d.]+ KiB\n$/);
  });

  it('--eval exits 1 with the error on stderr, and quit(n) exits n', async () => {
    const w = world();
    await server(w);
    const undefinedName = await session(w, ['mongosh', '--quiet', '--eval', 'x']);
    expect(undefinedName).toEqual({ status: 1, stdout: '', stderr: 'ReferenceError: x is not defined\n' });
    const notAFunction = await session(w, ['mongosh', '--quiet', '--eval', 'db.users.nope()']);
    expect(notAFunction).toEqual({ status: 1, stdout: '', stderr: 'TypeError: db.users.nope is not a function\n' });
    const server_ = await session(w, ['mongosh', '--quiet', '--eval', 'db.users.find({a: {$foo: 1}}).toArray()']);
    expect(server_).toEqual({ status: 1, stdout: '', stderr: 'MongoServerError[BadValue]: unknown operator: $foo\n' });
    const quit = await session(w, ['mongosh', '--quiet', '--eval', 'print("bye"); if (true) quit(3)']);
    expect(quit).toEqual({ status: 3, stdout: 'bye\n', stderr: '' });
  });

  it('runs a session of shell commands and JavaScript at the prompt, keeping variables between lines', async () => {
    const w = world();
    await server(w);
    const r = await repl(w, [
      'use shop',
      'db.users.insertMany([{name: "Ada", age: 36}, {name: "Alan", age: 41}])',
      'let ada = db.users.findOne({name: "Ada"})',
      'ada.age',
      'db.users.updateOne({_id: ada._id}, {$set: {lang: "js"}})',
      'db.users.updateMany({}, {$inc: {age: 1}})',
      'db.users.find({}, {_id: 0})',
      'await db.users.countDocuments({age: {$gt: 40}})',
      'for (const u of db.users.find().toArray()) print(u.name, u.age)',
      'db.users.find({name: "Ada"}).forEach(printjson)',
      'db.users.deleteOne({name: "Alan"})',
      'db.getCollectionNames()',
      'show collections',
      'db.getName()',
      'db.runCommand({ping: 1})',
      'db.users.deleteMany({})',
      'db.users.drop()',
      'ObjectId("64b7f0c2a1b2c3d4e5f60718").getTimestamp()',
      'exit',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        'test> switched to db shop',
        'shop> {',
        '  acknowledged: true,',
        '  insertedIds: {',
        "    '0': ObjectId(<1>),",
        "    '1': ObjectId(<2>)",
        '  }',
        '}',
        'shop> shop> 36',
        'shop> {',
        '  acknowledged: true,',
        '  insertedId: null,',
        '  matchedCount: 1,',
        '  modifiedCount: 1,',
        '  upsertedCount: 0',
        '}',
        'shop> {',
        '  acknowledged: true,',
        '  insertedId: null,',
        '  matchedCount: 2,',
        '  modifiedCount: 2,',
        '  upsertedCount: 0',
        '}',
        "shop> [ { name: 'Ada', age: 37, lang: 'js' }, { name: 'Alan', age: 42 } ]",
        'shop> 1',
        'shop> Ada 37',
        'Alan 42',
        // Too wide for one line (Node's util.inspect breaks past 80 columns).
        'shop> {',
        '  _id: ObjectId(<1>),',
        "  name: 'Ada',",
        '  age: 37,',
        "  lang: 'js'",
        '}',
        'shop> { acknowledged: true, deletedCount: 1 }',
        "shop> [ 'users' ]",
        'shop> users',
        'shop> shop',
        'shop> { ok: 1 }',
        'shop> { acknowledged: true, deletedCount: 1 }',
        'shop> true',
        "shop> ISODate('2023-07-19T14:18:42.000Z')",
        'shop> ',
      ].join('\n'),
    );
  });

  it('prints errors as mongosh does and carries on at the prompt', async () => {
    const w = world();
    await server(w);
    const r = await repl(w, ['x', 'db.users.nope()', 'null.name', 'let y = ;', 'db.users.insertOne({_id: 1})', 'db.users.insertOne({_id: 1})', 'db.users.find({a: {$foo: 1}})', 'const c = 1', 'c = 2', 'throw new Error("boom")', 'y']);
    expect(r.stdout).toBe(
      [
        'test> ReferenceError: x is not defined',
        'test> TypeError: db.users.nope is not a function',
        "test> TypeError: Cannot read properties of null (reading 'name')",
        'test> Uncaught:',
        'SyntaxError: Unexpected token (1:8)',
        '',
        '> 1 | let y = ;',
        '    |         ^',
        '  2 |',
        '',
        'test> { acknowledged: true, insertedId: 1 }',
        'test> MongoServerError: E11000 duplicate key error collection: test.users index: _id_ dup key: { _id: 1 }',
        'test> MongoServerError[BadValue]: unknown operator: $foo',
        'test> test> TypeError: Assignment to constant variable.',
        'test> Error: boom',
        'test> ReferenceError: y is not defined',
        'test> ',
      ].join('\n'),
    );
  });

  it('continues an unfinished statement on the next lines with "... "', async () => {
    const w = world();
    await server(w);
    const r = await repl(w, ['for (let i = 0; i < 3; i++) {', '  db.counts.insertOne({_id: i})', '}', 'db.counts.find()', 'db.counts.insertOne({', '  _id: 9', '})']);
    expect(r.stdout).toBe(
      [
        'test> ... ... { acknowledged: true, insertedId: 2 }',
        'test> [ { _id: 0 }, { _id: 1 }, { _id: 2 } ]',
        'test> ... ... { acknowledged: true, insertedId: 9 }',
        'test> ',
      ].join('\n'),
    );
  });

  it('shows a cursor 20 documents at a time, the rest with "it"', async () => {
    const w = world();
    await server(w);
    const r = await repl(w, ['for (let i = 0; i < 23; i++) db.n.insertOne({_id: i})', 'db.n.find()', 'it', 'it']);
    const out = r.stdout.split('test> ');
    expect(out[2]).toBe(`[\n${Array.from({ length: 20 }, (_, i) => `  { _id: ${i} }`).join(',\n')}\n]\nType "it" for more\n`);
    expect(out[3]).toBe('[ { _id: 20 }, { _id: 21 }, { _id: 22 } ]\n');
    expect(out[4]).toBe('\n');
  });

  it('mixes use and show dbs with JavaScript; the prompt follows the database', async () => {
    const w = world();
    await server(w);
    const r = await repl(w, ['use mydb', 'db.notes.insertOne({_id: "a", text: "hi"})', 'show dbs', 'db', 'db.notes', 'db.getSiblingDB("test").getName()']);
    expect(r.stdout).toBe(
      [
        'test> switched to db mydb',
        "mydb> { acknowledged: true, insertedId: 'a' }",
        'mydb> admin   40.00 KiB',
        'config  12.00 KiB',
        'local   40.00 KiB',
        'mydb    40.00 KiB',
        'mydb> mydb',
        'mydb> mydb.notes',
        'mydb> test',
        'mydb> ',
      ].join('\n'),
    );
  });

  it('works the same when stdin is a terminal', async () => {
    const w = world();
    await server(w);
    const typed = terminalReader(new BytesReader('let n = 41\nn + 1\n'), { columns: 80, rows: 24 });
    const r = await session(w, ['mongosh', '--quiet'], typed);
    expect(r).toEqual({ status: 0, stdout: 'test> test> 42\ntest> ', stderr: '' });
  });

  it("keeps data through a mongod restart over the same dbpath (the seed's volume lesson)", async () => {
    const w = world();
    const fs = dataFs(w);
    const first = await server(w, fs);
    const write = await session(w, ['mongosh', '--quiet', '--eval', 'db.users.insertOne({_id: 1, name: "Ada"})']);
    expect(write.stdout).toBe('{ acknowledged: true, insertedId: 1 }\n');
    first.signal('SIGTERM');
    expect(await drive(w, first.exit)).toBe(0);

    const second = await server(w, fs);
    const read = await repl(w, ['db.users.find()', 'db.users.countDocuments()']);
    expect(read.stdout).toBe("test> [ { _id: 1, name: 'Ada' } ]\ntest> 1\ntest> ");
    second.signal('SIGTERM');
    await drive(w, second.exit);
  });
});
