/** The notes-api sample (Express + mongodb) served against a mongod on the same network, and without it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NetStack } from '../../../../engine/network/socket.ts';
import { appMachine, listening, network, runNode, startMongod, startNode } from './databases.ts';

const SOURCE = readFileSync(join(import.meta.dirname, '../../../../scenarios/projects/notes-api/src/index.js'), 'utf8');
const PACKAGES = { express: '4.21.2', mongodb: '6.17.0' };

async function request(net: NetStack, method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  const s = await net.connect('127.0.0.1', 3000);
  const head = `${method} ${path} HTTP/1.1\r\nHost: localhost:3000\r\nConnection: close\r\n`;
  await s.output.write(body === undefined ? `${head}\r\n` : `${head}Content-Type: application/json\r\nContent-Length: ${new TextEncoder().encode(body).length}\r\n\r\n${body}`);
  let text = '';
  const dec = new TextDecoder();
  for (let c = await s.input.read(); c; c = await s.input.read()) text += dec.decode(c);
  s.close();
  return { status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) };
}

describe('scenarios/projects/notes-api', () => {
  it('stores a posted note in mongod and lists it', async () => {
    const n = network('mongo');
    startMongod(n);
    const m = appMachine(n, { '/app/src/index.js': SOURCE }, PACKAGES);
    const app = startNode(m, ['node', 'src/index.js']);
    await listening(n.app, '127.0.0.1', 3000);
    expect(app.stdout.text()).toBe('Connected to MongoDB at mongodb://mongo:27017\nNotes API listening on port 3000\n');

    const posted = await request(n.app, 'POST', '/notes', '{"text":"buy milk"}');
    expect(posted.status).toBe(201);
    const note = JSON.parse(posted.body) as { _id: string; text: string };
    expect(note).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), text: 'buy milk' });

    const listed = await request(n.app, 'GET', '/notes');
    expect(listed.status).toBe(200);
    const [stored, ...others] = JSON.parse(listed.body) as { _id: string; text: string; createdAt: string }[];
    expect(others).toEqual([]);
    expect(stored).toEqual({ _id: note._id, text: 'buy milk', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    // The date went to mongod as a BSON date and came back as one: at most the time the requests took.
    expect(n.clock.now() - Date.parse(stored!.createdAt)).toBeLessThan(60_000);
    expect((await request(n.app, 'GET', '/health')).body).toBe('{"status":"ok","notes":1}');
    expect((await request(n.app, 'POST', '/notes', '{}')).status).toBe(400);
    app.abort.abort('SIGTERM');
    expect(await app.exit).toBe(143);
  });

  it('gives up after the server selection timeout when the name "mongo" does not resolve', async () => {
    const n = network('mongo', false);
    const m = appMachine(n, { '/app/src/index.js': SOURCE }, PACKAGES);
    const r = await runNode(n, m, ['node', 'src/index.js']);
    expect(r).toMatchObject({ stdout: '', stderr: 'Could not start the notes API: getaddrinfo ENOTFOUND mongo\n', status: 1 });
    expect(r.elapsed).toBeGreaterThanOrEqual(5000);
    expect(r.elapsed).toBeLessThan(6000);
  });

  it('reports connect ECONNREFUSED when nothing listens at the address', async () => {
    const n = network('mongo');
    const m = appMachine(n, { '/app/src/index.js': SOURCE }, PACKAGES);
    const r = await runNode(n, m, ['node', 'src/index.js'], { MONGO_URL: 'mongodb://localhost:27017' });
    expect(r).toMatchObject({ stderr: 'Could not start the notes API: connect ECONNREFUSED 127.0.0.1:27017\n', status: 1 });
  });
});
