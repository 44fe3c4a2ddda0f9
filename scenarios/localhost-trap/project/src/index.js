const express = require('express');
const { MongoClient } = require('mongodb');

// During development MongoDB runs on the same machine as the API.
const MONGO_URL = process.env.MONGO_URL || 'mongodb://localhost:27017';
const PORT = Number(process.env.PORT || 3000);

async function main() {
  const client = new MongoClient(MONGO_URL, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  console.log(`Connected to MongoDB at ${MONGO_URL}`);
  const notes = client.db('notes').collection('notes');

  const app = express();
  app.use(express.json());

  app.get('/notes', async (req, res) => {
    res.json(await notes.find().toArray());
  });

  app.post('/notes', async (req, res) => {
    if (typeof req.body.text !== 'string' || req.body.text === '') {
      return res.status(400).json({ error: 'text is required' });
    }
    const result = await notes.insertOne({ text: req.body.text, createdAt: new Date() });
    res.status(201).json({ _id: result.insertedId, text: req.body.text });
  });

  app.get('/health', async (req, res) => {
    res.json({ status: 'ok', notes: await notes.countDocuments() });
  });

  app.listen(PORT, () => console.log(`Notes API listening on port ${PORT}`));
}

main().catch((err) => {
  console.error('Could not start the notes API:', err.message);
  process.exit(1);
});
