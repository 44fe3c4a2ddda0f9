// Reads .env when there is one (on your machine); in a container the settings come from docker run -e / --env-file.
require('dotenv').config();
const express = require('express');

const app = express();
const port = Number(process.env.PORT || 3000);

const products = [
  { id: 1, name: 'Blue mug', price: 8 },
  { id: 2, name: 'Sticker pack', price: 3 },
];

app.get('/', (_req, res) => {
  res.json({ status: 'ok', payments: process.env.PAYMENT_API_KEY ? 'configured' : 'not configured' });
});

app.get('/products', (_req, res) => {
  res.json(products);
});

app.listen(port, () => console.log(`shop-api listening on port ${port}`));
