import { describe, expect, it } from 'vitest';
import { appMachine, network, runNode, startMongod } from './databases.ts';

const APP = `const mongoose = require('mongoose');
const userSchema = new mongoose.Schema({
  name: { type: String, required: true },
  age: Number,
  admin: { type: Boolean, default: false },
  joined: { type: Date, default: () => new Date('2025-01-01T00:00:00Z') },
});
const User = mongoose.model('User', userSchema);
const Person = mongoose.model('Person', new mongoose.Schema({ name: String }));
const Category = mongoose.model('Category', new mongoose.Schema({ name: String }));
mongoose.connection.on('connected', () => console.log('connected'));
async function main() {
  await mongoose.connect('mongodb://mongo:27017/shop');
  const ada = await new User({ name: 'ada', age: 36 }).save();
  console.log(ada);
  console.log(JSON.stringify(ada) === JSON.stringify({ name: 'ada', age: 36, admin: false, joined: '2025-01-01T00:00:00.000Z', _id: ada.id, __v: 0 }));
  await User.create([{ name: 'bob', age: '25' }, { name: 'cy', age: 41, admin: true }]);
  console.log((await User.find().sort({ age: 1 })).map((u) => u.name).join(','), (await User.find({ admin: true }).exec()).length);
  const found = await User.findById(ada.id);
  console.log(found.name, found instanceof User, found.joined instanceof Date, found._id.equals(ada._id));
  const lean = await User.findOne({ name: 'bob' }).lean();
  console.log(lean.age, lean instanceof User, typeof lean.save);
  console.log(await User.countDocuments({ age: { $gt: 30 } }));
  console.log((await User.updateOne({ name: 'bob' }, { age: 26 })).modifiedCount, (await User.findOne({ name: 'bob' })).age);
  console.log((await User.deleteOne({ name: 'cy' })).deletedCount, await User.countDocuments());
  console.log(Person.collection.collectionName, Category.collection.collectionName, User.collection.collectionName);
  try {
    await new User({ age: 3 }).save();
  } catch (e) {
    console.log(e.name + ': ' + e.message, e instanceof mongoose.Error.ValidationError, e.errors.name.kind);
  }
  try {
    await User.create({ name: 'x', age: 'old' });
  } catch (e) {
    console.log(e.message);
  }
  await mongoose.disconnect();
}
main();
`;

describe('the mongoose package in the node sandbox', () => {
  it('models, documents, queries and validation over the mongodb package against mongod', async () => {
    const n = network();
    startMongod(n);
    const m = appMachine(n, { '/app/app.js': APP }, { mongoose: '8.16.3', mongodb: '6.17.0' });
    const r = await runNode(n, m, ['node', 'app.js']);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('connected');
    expect(r.stdout).toMatch(/^connected\n\{\n {2}name: 'ada',\n {2}age: 36,\n {2}admin: false,\n {2}joined: 2025-01-01T00:00:00\.000Z,\n {2}_id: new ObjectId\('[0-9a-f]{24}'\),\n {2}__v: 0\n\}\ntrue\n/);
    expect(lines.slice(10)).toEqual([
      'bob,ada,cy 1',
      'ada true true true',
      '25 false undefined',
      '2',
      '1 26',
      '1 2',
      'people categories users',
      'ValidationError: User validation failed: name: Path `name` is required. true required',
      'User validation failed: age: Cast to Number failed for value "old" (type string) at path "age"',
      '',
    ]);
    expect(r.status).toBe(0);
  });

  it('rejects connect with MongooseServerSelectionError when mongod is unreachable', async () => {
    const n = network('mongo', false);
    const app = "const mongoose = require('mongoose');\nmongoose.connect('mongodb://mongo:27017/app', { serverSelectionTimeoutMS: 2000 }).catch((e) => { console.error(e.name + ': ' + e.message); process.exit(1); });\n";
    const r = await runNode(n, appMachine(n, { '/app/app.js': app }, { mongoose: '8.16.3', mongodb: '6.17.0' }), ['node', 'app.js']);
    expect(r).toMatchObject({ stderr: 'MongooseServerSelectionError: getaddrinfo ENOTFOUND mongo\n', status: 1 });
    expect(r.elapsed).toBeGreaterThanOrEqual(2000);
  });
});
