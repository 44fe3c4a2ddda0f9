import 'dotenv/config';
import express from 'express';
import { PrismaClient } from '@prisma/client';

const app = express();
const prisma = new PrismaClient();
const port = Number(process.env.PORT ?? 3000);

app.use(express.json());

app.get('/users', async (_req, res) => {
  const users = await prisma.user.findMany();
  res.json(users);
});

app.post('/users', async (req, res) => {
  const user = await prisma.user.create({ data: { email: req.body.email, name: req.body.name } });
  res.status(201).json(user);
});

async function main(): Promise<void> {
  await prisma.$connect();
  console.log(`Connected to the database at ${process.env.DATABASE_URL}`);
  app.listen(port, () => console.log(`Server listening on port ${port}`));
}

main().catch((err) => {
  console.error('Could not connect to the database', err);
  process.exit(1);
});
