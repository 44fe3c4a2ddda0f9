import { describe, expect, it } from 'vitest';
import { appMachine, network, runNode, startMongod } from './databases.ts';

const CRUD = `const { MongoClient, ObjectId } = require('mongodb');
async function main() {
  const client = new MongoClient('mongodb://mongo:27017', { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  const users = client.db('shop').collection('users');
  const doc = { name: 'ada', age: 36, joined: new Date('2024-01-02T03:04:05Z') };
  const one = await users.insertOne(doc);
  console.log('insertOne', one.acknowledged, one.insertedId instanceof ObjectId, doc._id.equals(one.insertedId));
  const many = await users.insertMany([{ name: 'bob', age: 25 }, { name: 'cy', age: 41 }, { name: 'di', age: 30 }]);
  console.log('insertMany', many.insertedCount, Object.keys(many.insertedIds).join(','));
  const names = await users.find({ age: { $gt: 26 } }).sort({ age: -1 }).skip(1).limit(2).project({ _id: 0, name: 1 }).toArray();
  console.log('find', JSON.stringify(names));
  const ada = await users.findOne({ _id: new ObjectId(one.insertedId.toHexString()) });
  console.log('findOne', ada.name, ada.joined instanceof Date, ada.joined.toISOString(), JSON.stringify(ada._id) === JSON.stringify(one.insertedId.toString()));
  console.log('count', await users.countDocuments(), await users.countDocuments({ age: { $lt: 31 } }));
  const up = await users.updateOne({ name: 'bob' }, { $set: { age: 26 } });
  console.log('updateOne', up.matchedCount, up.modifiedCount);
  const upMany = await users.updateMany({}, { $inc: { age: 1 } });
  console.log('updateMany', upMany.matchedCount, upMany.modifiedCount);
  console.log('deleteOne', (await users.deleteOne({ name: 'cy' })).deletedCount);
  console.log('deleteMany', (await users.deleteMany({ age: { $lt: 32 } })).deletedCount);
  console.log('left', (await users.find().toArray()).map((u) => u.name + ':' + u.age).join(' '));
  console.log('missing', await users.findOne({ name: 'nobody' }));
  try {
    await users.updateOne({}, { age: 1 });
  } catch (e) {
    console.log('caught', e.name, e.message, e instanceof Error);
  }
  try {
    await users.insertOne({ _id: one.insertedId, name: 'again' });
  } catch (e) {
    console.log('caught', e.name, e.code);
  }
  console.log('drop', await users.drop());
  await client.close();
}
main();
`;

describe('the mongodb package in the node sandbox', () => {
  it('runs the driver API against mongod across the network: CRUD, cursors, ObjectId and Date round-trips', async () => {
    const n = network();
    startMongod(n);
    const m = appMachine(n, { '/app/crud.js': CRUD }, { mongodb: '6.17.0' });
    const r = await runNode(n, m, ['node', 'crud.js']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'insertOne true true true',
        'insertMany 3 0,1,2',
        'find [{"name":"ada"},{"name":"di"}]',
        'findOne ada true 2024-01-02T03:04:05.000Z true',
        'count 4 2',
        'updateOne 1 1',
        'updateMany 4 4',
        'deleteOne 1',
        'deleteMany 2',
        'left ada:37',
        'missing null',
        'caught MongoInvalidArgumentError Update document requires atomic operators true',
        'caught MongoServerError 11000',
        'drop true',
        '',
      ].join('\n'),
    );
    // The closed client no longer holds the process: it ended by itself.
    expect(r.status).toBe(0);
  });

  it('prints ObjectIds as bson does and a selection failure as Node prints the driver error, cause chain included', async () => {
    const n = network('mongo', false);
    const app = `const { MongoClient, ObjectId } = require('mongodb');
console.log(new ObjectId('65f1a2b3c4d5e6f708091a2b'), { id: new ObjectId('65f1a2b3c4d5e6f708091a2b') }, JSON.stringify({ id: new ObjectId('65f1a2b3c4d5e6f708091a2b') }));
new MongoClient('mongodb://mongo:27017', { serverSelectionTimeoutMS: 1000 }).connect().catch((e) => { console.error(e); });
`;
    const m = appMachine(n, { '/app/a.js': app }, { mongodb: '6.17.0' });
    const r = await runNode(n, m, ['node', 'a.js']);
    expect(r.stdout).toBe(`new ObjectId('65f1a2b3c4d5e6f708091a2b') { id: new ObjectId('65f1a2b3c4d5e6f708091a2b') } {"id":"65f1a2b3c4d5e6f708091a2b"}\n`);
    expect(r.stderr).toMatch(/^MongoServerSelectionError: getaddrinfo ENOTFOUND mongo\n {4}at .*\{\n {2}errorLabelSet: Set\(0\) \{\},\n {2}reason: TopologyDescription \{\n {4}type: 'Unknown',\n {4}servers: Map\(1\) \{ 'mongo:27017' => \[ServerDescription\] \},\n/);
    expect(r.stderr).toContain("  code: undefined,\n  [cause]: MongoNetworkError: getaddrinfo ENOTFOUND mongo\n");
    expect(r.stderr).toContain("    errorLabelSet: Set(1) { 'ResetPool' },\n    beforeHandshake: false,\n    [cause]: Error: getaddrinfo ENOTFOUND mongo\n        at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26) {\n      errno: -3008,\n      code: 'ENOTFOUND',\n      syscall: 'getaddrinfo',\n      hostname: 'mongo'\n    }\n  }\n}\n");
    expect(r.status).toBe(0);
    expect(r.elapsed).toBeGreaterThanOrEqual(1000);
  });

  it('throws MongoParseError from the constructor for a malformed connection string', async () => {
    const n = network();
    const m = appMachine(n, { '/app/a.js': "const { MongoClient, MongoParseError } = require('mongodb');\ntry { new MongoClient('http://x'); } catch (e) { console.log(e instanceof MongoParseError, e.name + ': ' + e.message); }\n" }, { mongodb: '6.17.0' });
    const r = await runNode(n, m, ['node', 'a.js']);
    expect(r.stdout).toBe('true MongoParseError: Invalid scheme, expected connection string to start with "mongodb://" or "mongodb+srv://"\n');
  });
});
