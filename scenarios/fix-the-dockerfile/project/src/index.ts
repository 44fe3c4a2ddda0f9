import express from 'express';

interface User {
  id: number;
  email: string;
  name?: string;
}

const app = express();
const port = Number(process.env.PORT ?? 3000);
const users: User[] = [];

app.use(express.json());

app.get('/', (_req, res) => {
  res.json({ status: 'ok', users: users.length });
});

app.get('/users', (_req, res) => {
  res.json(users);
});

app.post('/users', (req, res) => {
  const user: User = { id: users.length + 1, email: req.body.email, name: req.body.name };
  users.push(user);
  res.status(201).json(user);
});

app.listen(port, () => console.log(`Server listening on port ${port}`));
