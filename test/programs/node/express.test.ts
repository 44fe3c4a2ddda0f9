import { describe, expect, it } from 'vitest';
import { macrotask } from '../../../engine/core/tick.ts';
import { createNetworkNamespace } from '../../../engine/network/namespace.ts';
import type { NetStack } from '../../../engine/network/socket.ts';
import { packument } from '../../../engine/programs/node/registry/catalog.ts';
import { packageFiles } from '../../../engine/programs/node/registry/files.ts';
import { createProcess } from '../../../engine/programs/spawn.ts';
import { BytesReader, Collector } from '../../../engine/programs/streams.ts';
import { nodeMachine, type TestMachine } from './testing.ts';

/** A node machine with a network namespace and the simulated packages installed under /app/node_modules. */
function machine(files: Record<string, string>, packages: Record<string, string> = { express: '4.21.2' }) {
  const m = nodeMachine('node:20', files);
  const net = createNetworkNamespace({ hostname: 'app' });
  const signalHandlers = new Set<string>();
  const withNet: TestMachine = { ...m, system: { ...m.system, services: { net, signalHandlers } } };
  for (const [name, version] of Object.entries(packages)) {
    for (const f of packageFiles(packument(name)!.manifest(version))) {
      if (typeof f.content !== 'string') continue;
      const path = `/app/node_modules/${name}/${f.path}`;
      m.fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
      m.fs.writeFile(path, f.content);
    }
  }
  return { m: withNet, net, signalHandlers };
}

function start(m: TestMachine, argv: string[]) {
  const stdout = new Collector();
  const stderr = new Collector();
  const abort = new AbortController();
  const p = createProcess(m, { argv: ['sh'], env: { PATH: '/usr/local/bin:/usr/bin:/bin', NODE_VERSION: '20.19.2', HOME: '/root' }, cwd: '/app', stdin: new BytesReader(''), stdout, stderr, signal: abort.signal, uid: 0, gid: 0 });
  const exit = p.spawn(argv);
  return { stdout, stderr, abort, exit };
}

async function request(net: NetStack, raw: string): Promise<string> {
  // The first run loads QuickJS (real time): keep trying while it does.
  const deadline = performance.now() + 20_000;
  for (;;) {
    try {
      const s = await net.connect('127.0.0.1', 3000);
      await s.output.write(raw);
      const text = new TextDecoder().decode(await readUntilComplete(s.input));
      s.close();
      return text;
    } catch (e) {
      if (performance.now() > deadline) throw e;
      await macrotask();
    }
  }
}

/** Reads one response: up to its Content-Length, or the end of the chunked body. */
async function readUntilComplete(input: { read(): Promise<Uint8Array | null> }): Promise<Uint8Array> {
  let text = '';
  const dec = new TextDecoder();
  for (let c = await input.read(); c; c = await input.read()) {
    text += dec.decode(c);
    const head = text.indexOf('\r\n\r\n');
    if (head < 0) continue;
    const len = /content-length: (\d+)/i.exec(text.slice(0, head));
    if (len && new TextEncoder().encode(text.slice(head + 4)).length >= Number(len[1])) break;
    if (/transfer-encoding: chunked/i.test(text.slice(0, head)) && text.endsWith('0\r\n\r\n')) break;
  }
  return new TextEncoder().encode(text);
}

const APP = `const express = require('express');
const app = express();
app.use(express.json());
const items = [{ id: 1, name: 'apple' }];
app.get('/', (req, res) => res.send('Hello World!'));
app.get('/items/:id', (req, res) => {
  const item = items.find((i) => i.id === Number(req.params.id));
  if (!item) return res.status(404).json({ error: 'not found', q: req.query.q });
  res.json(item);
});
app.post('/items', (req, res) => { items.push(req.body); res.status(201).json({ count: items.length }); });
app.get('/boom', () => { throw new Error('kaboom'); });
const router = express.Router();
router.get('/ping', (req, res) => res.sendStatus(200));
app.use('/api', router);
app.listen(3000, () => console.log('Server listening on port 3000'));
process.on('SIGTERM', () => { console.log('SIGTERM received'); process.exit(0); });
`;

describe('express in the node sandbox', () => {
  it('answers HTTP requests over the network namespace as express 4 does', async () => {
    const { m, net, signalHandlers } = machine({ '/app/server.js': APP });
    const srv = start(m, ['node', 'server.js']);
    const hello = await request(net, 'GET / HTTP/1.1\r\nHost: localhost:3000\r\n\r\n');
    expect(hello).toBe(
      'HTTP/1.1 200 OK\r\nX-Powered-By: Express\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 12\r\nETag: W/"c-Lve95gjOVATpfV8EL5X4nxwjKHE"\r\nDate: Mon, 14 Jul 2025 09:00:00 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\nHello World!',
    );
    expect(await request(net, 'GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*Content-Type: application\/json; charset=utf-8\r\n[\s\S]*\r\n\r\n\{"id":1,"name":"apple"\}$/);
    expect(await request(net, 'GET /items/9?q=z HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 404 Not Found\r\n[\s\S]*\{"error":"not found","q":"z"\}$/);
    const body = '{"id":2,"name":"pear"}';
    expect(await request(net, `POST /items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`)).toMatch(/^HTTP\/1\.1 201 Created\r\n[\s\S]*\{"count":2\}$/);
    expect(await request(net, 'GET /api/ping HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*Content-Type: text\/plain; charset=utf-8\r\n[\s\S]*\r\n\r\nOK$/);
    const missing = await request(net, 'GET /nope HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(missing).toMatch(/^HTTP\/1\.1 404 Not Found\r\nContent-Security-Policy: default-src 'none'\r\nX-Content-Type-Options: nosniff\r\nContent-Type: text\/html; charset=utf-8\r\nContent-Length: 143\r\n/);
    expect(missing).toContain('\r\n\r\n<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /nope</pre>\n</body>\n</html>\n');
    const boom = await request(net, 'GET /boom HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(boom).toMatch(/^HTTP\/1\.1 500 Internal Server Error\r\n/);
    expect(boom).toContain('<pre>Error: kaboom<br> &nbsp; &nbsp;at /app/server.js:12:');
    // The app listens for SIGTERM: the container runtime reads that to deliver it to PID 1.
    expect([...signalHandlers]).toEqual(['SIGTERM']);
    srv.abort.abort('SIGTERM');
    expect(await srv.exit).toBe(0);
    expect(signalHandlers.size).toBe(0);
    expect(srv.stdout.text()).toBe('Server listening on port 3000\nSIGTERM received\n');
    expect(srv.stderr.text()).toMatch(/^Error: kaboom\n {4}at \/app\/server\.js:12:/);
  });

  it('fails `require("express")` when the package is not installed', async () => {
    const { m } = machine({ '/app/server.js': APP }, {});
    const srv = start(m, ['node', 'server.js']);
    expect(await srv.exit).toBe(1);
    expect(srv.stderr.text()).toContain("Error: Cannot find module 'express'\nRequire stack:\n- /app/server.js\n");
  });

  it('stops a runaway loop when a signal comes, without a handler', async () => {
    const { m } = machine({ '/app/spin.js': "console.log('spinning');\nwhile (true) {}\n" }, {});
    const srv = start(m, ['node', 'spin.js']);
    const deadline = performance.now() + 20_000;
    while (srv.stdout.text() === '' && performance.now() < deadline) await macrotask();
    srv.abort.abort('SIGINT');
    expect(await srv.exit).toBe(130);
    expect(srv.stdout.text()).toBe('spinning\n');
  });
});
