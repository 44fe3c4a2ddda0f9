import { describe, expect, it } from 'vitest';
import { client, dataFs, drive, logLines, machine, settle, start, world } from './harness.ts';

describe('mongod', () => {
  it('keeps data written before a clean restart over the same dbpath, and a fresh dbpath has none', async () => {
    const w = world();
    const fs = dataFs(w);
    const m = machine(w, fs);
    const first = start(m, ['mongod', '--bind_ip_all'], { uid: 999, gid: 999 });
    await settle();
    const c1 = client(w);
    const inserted = await drive(w, c1.db('shop').collection('items').insertOne({ name: 'lamp', price: 25 }));
    expect(inserted.acknowledged).toBe(true);
    await c1.close();
    first.signal('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(fs.readText('/data/db/mongod.lock')).toBe('');

    const second = start(m, ['mongod', '--bind_ip_all'], { uid: 999, gid: 999 });
    await settle();
    const c2 = client(w);
    const docs = await drive(w, c2.db('shop').collection('items').find().toArray());
    expect(docs).toEqual([{ _id: inserted.insertedId, name: 'lamp', price: 25 }]);
    second.signal('SIGTERM');
    expect(await second.exit).toBe(0);

    const fresh = start(machine(w, dataFs(w)), ['mongod', '--bind_ip_all'], { uid: 999, gid: 999 });
    await settle();
    const c3 = client(w);
    expect(await drive(w, c3.db('shop').collection('items').countDocuments())).toBe(0);
    const dbs = await drive(w, c3.db('admin').admin().listDatabases());
    expect((dbs.databases as { name: string }[]).map((d) => d.name)).toEqual(['admin', 'config', 'local']);
    fresh.signal('SIGTERM');
    await fresh.exit;
  });

  it('writes its data as WiredTiger-named files under the dbpath', async () => {
    const w = world();
    const fs = dataFs(w);
    const server = start(machine(w, fs), ['mongod', '--bind_ip_all'], { uid: 999, gid: 999 });
    await settle();
    await drive(w, client(w).db('test').collection('c').insertOne({ a: 1 }));
    const files = fs.readdir('/data/db');
    for (const name of ['WiredTiger', 'WiredTiger.wt', 'WiredTiger.turtle', '_mdb_catalog.wt', 'sizeStorer.wt', 'mongod.lock', 'journal', 'diagnostic.data', 'storage.bson']) expect(files).toContain(name);
    expect(files.some((f) => /^collection-\d+-\d+\.wt$/.test(f))).toBe(true);
    expect(files.some((f) => /^index-\d+-\d+\.wt$/.test(f))).toBe(true);
    expect(fs.stat('/data/db/mongod.lock').uid).toBe(999);
    expect(fs.readText('/data/db/mongod.lock')).toBe('1\n');
    server.signal('SIGTERM');
    await server.exit;
  });

  it('keeps an acknowledged insert through SIGKILL, and notices the unclean shutdown at the next start', async () => {
    const w = world();
    const fs = dataFs(w);
    const m = machine(w, fs);
    const first = start(m, ['mongod', '--bind_ip_all'], { uid: 999, gid: 999 });
    await settle();
    const c = client(w);
    await drive(w, c.db('test').collection('kept').insertOne({ _id: 1, note: 'acknowledged' }));
    first.signal('SIGKILL');
    expect(await first.exit).toBe(137);
    expect(fs.readText('/data/db/mongod.lock')).toBe('1\n');

    const second = start(m, ['mongod', '--bind_ip_all'], { uid: 999, gid: 999 });
    await settle();
    expect(await drive(w, client(w).db('test').collection('kept').findOne({ _id: 1 }))).toEqual({ _id: 1, note: 'acknowledged' });
    expect(logLines(second.stdout).some((l) => l.id === 22271 && l.msg === 'Detected unclean shutdown - Lock file is not empty')).toBe(true);
    second.signal('SIGTERM');
    await second.exit;
  });

  it('logs its start, connections and a SIGTERM shutdown as mongod JSON lines', async () => {
    const w = world();
    const server = start(machine(w, dataFs(w)), ['mongod', '--bind_ip_all'], { uid: 999, gid: 999 });
    await settle();
    const c = client(w, 'mongodb://127.0.0.1:27017/?appName=lesson');
    await drive(w, c.db('test').command({ ping: 1 }));
    await c.close();
    await settle();
    server.signal('SIGTERM');
    expect(await server.exit).toBe(0);
    const text = server.stdout.text();
    const lines = logLines(server.stdout);
    const ids = lines.map((l) => l.id);
    expect(text.split('\n')[0]).toMatch(/^\{"t":\{"\$date":"2025-07-14T09:00:00\.000\+00:00"\},"s":"I", {2}"c":"CONTROL", {2}"id":23285, {3}"ctx":"main","msg":"Automatically disabling TLS 1\.0/);
    expect(lines.find((l) => l.id === 4615611)?.attr).toEqual({ pid: 1, port: 27017, dbPath: '/data/db', architecture: '64-bit', host: 'c0ffee123456' });
    expect((lines.find((l) => l.id === 23403)?.attr as { buildInfo: { version: string } }).buildInfo.version).toBe('8.0.10');
    expect(lines.find((l) => l.id === 21951)?.attr).toEqual({ options: { net: { bindIp: '*' } } });
    expect(lines.find((l) => l.id === 23016)).toMatchObject({ ctx: 'listener', msg: 'Waiting for connections', attr: { port: 27017, ssl: 'off' } });
    const accepted = lines.find((l) => l.id === 22943)!;
    expect(accepted).toMatchObject({ c: 'NETWORK', ctx: 'listener', msg: 'Connection accepted', attr: { isLoadBalanced: false, connectionId: 1, connectionCount: 1 } });
    expect(String(accepted.attr!.remote)).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(lines.find((l) => l.id === 51800)?.attr).toMatchObject({ client: 'conn1', doc: { application: { name: 'lesson' }, driver: { name: 'nodejs' } } });
    expect(lines.find((l) => l.id === 22944)).toMatchObject({ ctx: 'conn1', msg: 'Connection ended', attr: { connectionId: 1, connectionCount: 0 } });
    expect(lines.find((l) => l.id === 23377)).toMatchObject({ ctx: 'SignalHandler', msg: 'Received signal', attr: { signal: 15, error: 'Terminated' } });
    expect(ids.at(-2)).toBe(20565);
    expect(lines.at(-1)).toMatchObject({ id: 23138, msg: 'Shutting down', attr: { exitCode: 0 } });
    expect(lines.find((l) => l.id === 22120)).toMatchObject({ s: 'W', msg: 'Access control is not enabled for the database. Read and write access to data and configuration is unrestricted' });
  });

  it('stops on SIGINT too, saying so', async () => {
    const w = world();
    const server = start(machine(w, dataFs(w)), ['mongod'], { uid: 999, gid: 999 });
    await settle();
    server.signal('SIGINT');
    expect(await server.exit).toBe(0);
    expect(logLines(server.stdout).find((l) => l.id === 23377)?.attr).toEqual({ signal: 2, error: 'Interrupt' });
  });

  it('refuses to start without its data directory (exit 100, as mongod 7/8 words it)', async () => {
    const w = world();
    const server = start(machine(w, dataFs(w)), ['mongod', '--dbpath', '/srv/mongo']);
    expect(await server.exit).toBe(100);
    const lines = logLines(server.stdout);
    expect(lines.find((l) => l.id === 20557)).toMatchObject({
      s: 'E',
      msg: 'DBException in initAndListen, terminating',
      attr: { error: "NonExistentPath: Data directory /srv/mongo not found. Create the missing directory or specify another path using (1) the --dbpath command line option, or (2) by adding the 'storage.dbPath' option in the configuration file." },
    });
    expect(lines.at(-1)).toMatchObject({ id: 23138, attr: { exitCode: 100 } });
  });

  it('cannot take a dbpath it may not write to', async () => {
    const w = world();
    const fs = dataFs(w);
    fs.chown('/data/db', 0, 0);
    fs.chmod('/data/db', 0o755);
    const server = start(machine(w, fs), ['mongod'], { uid: 999, gid: 999 });
    expect(await server.exit).toBe(100);
    expect(logLines(server.stdout).find((l) => l.id === 20557)?.attr).toEqual({ error: 'IllegalOperation: Attempted to create a lock file on a read-only directory: /data/db' });
  });

  it('refuses unknown options as boost words them, and prints its version', async () => {
    const w = world();
    const m = machine(w, dataFs(w));
    const bad = start(m, ['mongod', '--storageEngin', 'x']);
    expect(await bad.exit).toBe(2);
    expect(bad.stderr.text()).toBe("Error parsing command line: unrecognised option '--storageEngin'\ntry 'mongod --help' for more information\n");
    const v = start(m, ['mongod', '--version']);
    expect(await v.exit).toBe(0);
    expect(v.stdout.text()).toMatch(/^db version v8\.0\.10\nBuild Info: \{\n {4}"version": "8\.0\.10",\n/);
  });

  it('listens on loopback only without --bind_ip_all, and warns that it does', async () => {
    const w = world();
    const server = start(machine(w, dataFs(w)), ['mongod', '--port', '27018'], { uid: 999, gid: 999 });
    await settle();
    expect(w.net.listening()).toEqual([{ address: '127.0.0.1', port: 27018 }]);
    expect(logLines(server.stdout).some((l) => l.id === 22140 && l.s === 'W')).toBe(true);
    server.signal('SIGTERM');
    await server.exit;
    expect(w.net.listening()).toEqual([]);
  });

  it('answers queries with the operators, projection, sort, skip and limit', async () => {
    const w = world();
    const server = start(machine(w, dataFs(w)), ['mongod'], { uid: 999, gid: 999 });
    await settle();
    const people = client(w).db('test').collection('people');
    await drive(w, people.insertMany([
      { _id: 1, name: 'Ada', age: 36, tags: ['math', 'code'] },
      { _id: 2, name: 'Alan', age: 41, tags: ['code'] },
      { _id: 3, name: 'Grace', age: 85 },
      { _id: 4, name: 'Linus', age: '28' },
    ]));
    const names = async (filter: object, options = {}) => (await drive(w, people.find(filter as never, options).toArray())).map((d) => d.name);
    expect(await names({ age: { $gt: 40 } })).toEqual(['Alan', 'Grace']);
    expect(await names({ age: { $gte: 36, $lt: 85 } })).toEqual(['Ada', 'Alan']);
    expect(await names({ tags: 'code' })).toEqual(['Ada', 'Alan']);
    expect(await names({ tags: { $exists: false } })).toEqual(['Grace', 'Linus']);
    expect(await names({ name: { $in: ['Ada', 'Grace'] } })).toEqual(['Ada', 'Grace']);
    expect(await names({ name: { $nin: ['Ada', 'Grace'] } })).toEqual(['Alan', 'Linus']);
    expect(await names({ name: { $ne: 'Ada' } })).toEqual(['Alan', 'Grace', 'Linus']);
    expect(await names({ name: { $regex: '^a', $options: 'i' } })).toEqual(['Ada', 'Alan']);
    expect(await names({ name: /^[GL]/ })).toEqual(['Grace', 'Linus']);
    expect(await names({ $or: [{ age: 36 }, { name: 'Linus' }] })).toEqual(['Ada', 'Linus']);
    expect(await names({ $and: [{ age: { $gt: 30 } }, { age: { $lt: 50 } }] })).toEqual(['Ada', 'Alan']);
    expect(await names({ age: { $eq: '28' } })).toEqual(['Linus']);
    expect(await names({}, { sort: { name: -1 }, skip: 1, limit: 2 })).toEqual(['Grace', 'Alan']);
    expect(await drive(w, people.find({ _id: 1 }, { projection: { name: 1, _id: 0 } }).toArray())).toEqual([{ name: 'Ada' }]);
    expect(await drive(w, people.find({ _id: 2 }, { projection: { tags: 0 } }).toArray())).toEqual([{ _id: 2, name: 'Alan', age: 41 }]);
    await expect(drive(w, people.find({ age: { $foo: 1 } }).toArray())).rejects.toThrow('unknown operator: $foo');
    server.signal('SIGTERM');
    await server.exit;
  });

  it('updates with $set $unset $inc $push, upserts, deletes, drops', async () => {
    const w = world();
    const server = start(machine(w, dataFs(w)), ['mongod'], { uid: 999, gid: 999 });
    await settle();
    const db = client(w).db('shop');
    const items = db.collection('items');
    await drive(w, items.insertMany([{ _id: 1, n: 1, tags: [] }, { _id: 2, n: 2 }, { _id: 3, n: 3 }]));
    expect(await drive(w, items.updateOne({ _id: 1 }, { $set: { name: 'a' }, $inc: { n: 10 }, $push: { tags: 'x' } }))).toEqual({ acknowledged: true, modifiedCount: 1, upsertedId: null, upsertedCount: 0, matchedCount: 1 });
    expect(await drive(w, items.findOne({ _id: 1 }))).toEqual({ _id: 1, n: 11, tags: ['x'], name: 'a' });
    expect(await drive(w, items.updateMany({ n: { $lt: 5 } }, { $unset: { n: '' } }))).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    const up = await drive(w, items.updateOne({ sku: 'new' }, { $set: { qty: 1 } }, { upsert: true }));
    expect(up).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 1 });
    expect(await drive(w, items.findOne({ sku: 'new' }))).toEqual({ _id: up.upsertedId, sku: 'new', qty: 1 });
    await expect(drive(w, items.updateOne({ _id: 2 }, { $inc: { _id: 1 } }))).rejects.toThrow("Performing an update on the path '_id' would modify the immutable field '_id'");
    await expect(drive(w, items.updateOne({ _id: 2 }, { n: 1 }))).rejects.toThrow('Update document requires atomic operators');
    await expect(drive(w, items.insertOne({ _id: 3 }))).rejects.toThrow('E11000 duplicate key error collection: shop.items index: _id_ dup key: { _id: 3 }');
    expect(await drive(w, items.deleteOne({}))).toEqual({ acknowledged: true, deletedCount: 1 });
    expect(await drive(w, items.deleteMany({}))).toEqual({ acknowledged: true, deletedCount: 3 });
    expect(await drive(w, items.drop())).toBe(true);
    expect(await drive(w, db.listCollections().toArray())).toEqual([]);
    await drive(w, db.collection('other').insertOne({ x: 1 }));
    expect(await drive(w, db.dropDatabase())).toBe(true);
    const names = ((await drive(w, db.admin().listDatabases())).databases as { name: string }[]).map((d) => d.name);
    expect(names).toEqual(['admin', 'config', 'local']);
    server.signal('SIGTERM');
    await server.exit;
  });
});
