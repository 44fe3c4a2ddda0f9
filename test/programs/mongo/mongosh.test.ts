import { describe, expect, it } from 'vitest';
import { createMongosh } from '../../../engine/programs/mongo/mongosh/mongosh.ts';
import { IncompleteInput, type ShellEvaluator } from '../../../engine/programs/mongo/mongosh/evaluator.ts';
import type { Program } from '../../../engine/programs/process.ts';
import { generateUri } from '../../../engine/programs/mongo/mongosh/uri.ts';
import { parseMongoshArgs, type MongoshArgs } from '../../../engine/programs/mongo/mongosh/args.ts';
import { dataFs, drive, machine, settle, start, world, type World } from './harness.ts';

/**
 * A stand-in for the QuickJS sandbox (engine/programs/js, not merged yet): Node evaluates the input as one
 * expression with the shell's globals, and a returned promise is awaited as mongosh's async rewriter would.
 */
const nodeEvaluator: ShellEvaluator = {
  async evaluate(source, globals) {
    const names = Object.keys(globals);
    let fn: (...a: unknown[]) => unknown;
    try {
      fn = new Function(...names, `return (${source.trim().replace(/;$/, '')}\n);`) as typeof fn;
    } catch (e) {
      if (e instanceof SyntaxError && /end of input/.test(e.message)) throw new IncompleteInput();
      throw e;
    }
    return await fn(...names.map((n) => globals[n]));
  },
};

const withJs: Program = createMongosh(nodeEvaluator);

async function session(w: World, argv: string[], stdin = '', program: Program = withJs) {
  const fs = dataFs(w);
  fs.mkdir('/root', { recursive: true });
  const m = machine(w, fs);
  const run = start({ ...m, registry: { ...m.registry, mongosh: program } }, argv, { stdin });
  const status = await drive(w, run.exit);
  return { status, stdout: run.stdout.text(), stderr: run.stderr.text(), fs };
}

async function server(w: World) {
  const s = start(machine(w, dataFs(w)), ['mongod', '--bind_ip_all'], { uid: 999, gid: 999 });
  await settle();
  return s;
}

describe('mongosh', () => {
  it('--eval prints only the result (quiet by default) as mongosh formats it', async () => {
    const w = world();
    await server(w);
    const ping = await session(w, ['mongosh', '--eval', 'db.runCommand({ping: 1})']);
    expect(ping).toMatchObject({ status: 0, stdout: '{ ok: 1 }\n', stderr: '' });
    const insert = await session(w, ['mongosh', 'mongodb://localhost:27017/shop', '--eval', "db.items.insertOne({name: 'lamp', price: 25})"]);
    expect(insert.stdout).toMatch(/^\{\n {2}acknowledged: true,\n {2}insertedId: ObjectId\('[0-9a-f]{24}'\)\n\}\n$/);
    const find = await session(w, ['mongosh', 'shop', '--quiet', '--eval', 'db.items.find({}, {_id: 0})']);
    expect(find.stdout).toBe("[ { name: 'lamp', price: 25 } ]\n");
    const count = await session(w, ['mongosh', '--eval', 'db.getSiblingDB("shop").items.countDocuments()']);
    expect(count.stdout).toBe('1\n');
  });

  it('greets, then runs shell commands and JavaScript at its prompt', async () => {
    const w = world();
    await server(w);
    const input = ['show dbs', 'use shop', "db.items.insertMany([{_id: 1, name: 'lamp'}, {_id: 2, name: 'desk', tags: ['wood']}])", 'db.items.find()', "db.items.updateOne({_id: 1}, {$set: {price: 25}})", 'db.items.findOne({price: {$gt: 20}})', 'db.items.deleteMany({})', 'show collections', 'db.getName()', 'db.items.drop()', 'db.items.find({a: {$foo: 1}})', 'exit', ''].join('\n');
    const r = await session(w, ['mongosh'], input);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Current Mongosh Log ID:\t[0-9a-f]{24}$/);
    expect(lines.slice(1).join('\n')).toBe(
      [
        'Connecting to:\t\tmongodb://127.0.0.1:27017/?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh+2.5.2',
        'Using MongoDB:\t\t8.0.10',
        'Using Mongosh:\t\t2.5.2',
        '',
        'For mongosh info see: https://www.mongodb.com/docs/mongodb-shell/',
        '',
        '',
        'To help improve our products, anonymous usage data is collected and sent to MongoDB periodically (https://www.mongodb.com/legal/privacy-policy).',
        'You can opt-out by running the disableTelemetry() command.',
        '',
        '------',
        '   The server generated these startup warnings when booting',
        '   2025-07-14T09:00:00.000+00:00: Access control is not enabled for the database. Read and write access to data and configuration is unrestricted',
        '------',
        '',
        'test> admin   40.00 KiB',
        'config  12.00 KiB',
        'local   40.00 KiB',
        'test> switched to db shop',
        'shop> { acknowledged: true, insertedIds: { \'0\': 1, \'1\': 2 } }',
        'shop> [',
        "  { _id: 1, name: 'lamp' },",
        "  { _id: 2, name: 'desk', tags: [ 'wood' ] }",
        ']',
        'shop> {',
        '  acknowledged: true,',
        '  insertedId: null,',
        '  matchedCount: 1,',
        '  modifiedCount: 1,',
        '  upsertedCount: 0',
        '}',
        "shop> { _id: 1, name: 'lamp', price: 25 }",
        'shop> { acknowledged: true, deletedCount: 2 }',
        'shop> items',
        'shop> shop',
        'shop> true',
        'shop> MongoServerError[BadValue]: unknown operator: $foo',
        'shop> ',
      ].join('\n'),
    );
    // mongosh keeps its config and a log per session under $HOME.
    expect(r.fs.readdir('/root/.mongodb/mongosh')).toContain('config');
  });

  it('pages a long find() with "it"', async () => {
    const w = world();
    await server(w);
    const docs = Array.from({ length: 25 }, (_, i) => `{_id: ${i}}`).join(', ');
    const r = await session(w, ['mongosh', '--quiet'], `db.n.insertMany([${docs}])\ndb.n.find()\nit\nit\n`);
    const out = r.stdout.split('test> ');
    expect(out[2]).toMatch(/^\[\n {2}\{ _id: 0 \},\n[\s\S]*\{ _id: 19 \}\n\]\nType "it" for more\n$/);
    expect(out[3]).toBe('[ { _id: 20 }, { _id: 21 }, { _id: 22 }, { _id: 23 }, { _id: 24 } ]\n');
    expect(out[4]).toBe('\n');
  });

  it('fails fast on a refused port or an unknown host, as mongosh prints it', async () => {
    const w = world();
    const t0 = w.clock.now();
    const refused = await session(w, ['mongosh']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/^Current Mongosh Log ID:\t[0-9a-f]{24}\nConnecting to:\t\tmongodb:\/\/127\.0\.0\.1:27017\/\?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh\+2\.5\.2\n$/);
    expect(refused.stderr).toBe('MongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017\n');
    expect(w.clock.now()).toBe(t0);
    const unknown = await session(w, ['mongosh', '--host', 'mongo', '--quiet', '--eval', '1']);
    expect(unknown).toMatchObject({ status: 1, stdout: '', stderr: 'MongoNetworkError: getaddrinfo ENOTFOUND mongo\n' });
  });

  it('without the JavaScript sandbox, still runs its shell commands and says why scripts cannot run', async () => {
    const w = world();
    await server(w);
    const bare = createMongosh();
    const r = await session(w, ['mongosh', '--quiet'], 'show dbs\ndb.x.find()\n', bare);
    expect(r.stdout).toBe("test> admin   40.00 KiB\nconfig  12.00 KiB\nlocal   40.00 KiB\ntest> Error: Dockyard's JavaScript sandbox is not available yet: mongosh can only run its shell commands (show dbs, show collections, use, exit)\ntest> ");
  });

  it('builds its connection string as mongosh does', () => {
    const uri = (...argv: string[]) => generateUri((parseMongoshArgs(argv) as { args: MongoshArgs }).args);
    expect(uri()).toBe('mongodb://127.0.0.1:27017/?directConnection=true&serverSelectionTimeoutMS=2000');
    expect(uri('shop')).toBe('mongodb://127.0.0.1:27017/shop?directConnection=true&serverSelectionTimeoutMS=2000');
    expect(uri('--port', '27018')).toBe('mongodb://127.0.0.1:27018/?directConnection=true&serverSelectionTimeoutMS=2000');
    expect(uri('--host', 'mongo')).toBe('mongodb://mongo/?directConnection=true');
    expect(uri('--host', 'mongo', '--port', '27017')).toBe('mongodb://mongo:27017/?directConnection=true');
    expect(uri('mongodb://localhost:27017')).toBe('mongodb://localhost:27017/?directConnection=true&serverSelectionTimeoutMS=2000');
    expect(uri('mongodb://root:pw@mongo:27017/app?authSource=admin')).toBe('mongodb://root:pw@mongo:27017/app?authSource=admin&directConnection=true');
  });
});
