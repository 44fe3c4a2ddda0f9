// A tiny web server: answers every request with a greeting and the time.
const http = require('http');

const port = Number(process.env.PORT || 8080);

http
  .createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ hello: 'from web', mode: process.env.NODE_ENV || 'development', path: req.url }));
  })
  .listen(port, () => console.log(`web listening on port ${port}`));
