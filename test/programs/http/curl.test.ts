import { describe, expect, it } from 'vitest';
import { HttpServer } from '../../../engine/network/http/serve.ts';
import { utf8 } from '../../../engine/network/http/message.ts';
import { box, run, settle } from './testing.ts';

const METER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** A small server inside the box: answers each path as the table says. */
function serve(b: ReturnType<typeof box>, port: number, routes: Record<string, { status: number; body?: string; headers?: [string, string][] }>) {
  const server = new HttpServer([b.net.listen(port)], {
    handle: async (request) => {
      const r = routes[request.target] ?? { status: 404, body: 'nope' };
      const body = utf8(r.body ?? '');
      return { status: r.status, headers: [...(r.headers ?? []), ['Content-Length', String(body.length)]], body: request.method === 'HEAD' ? new Uint8Array(0) : body };
    },
  });
  void server.serve();
  return server;
}

describe('curl', () => {
  it('prints the body, and the progress meter on stderr only when the body does not go to a terminal', async () => {
    const b = box('curlimages/curl');
    serve(b, 8080, { '/': { status: 200, body: 'hello\n' } });
    const piped = await run(b, 'curl http://localhost:8080/');
    expect(piped.stdout).toBe('hello\n');
    expect(piped.stderr).toBe(`${METER}\r100     6  100     6    0     0   6000      0 --:--:-- --:--:-- --:--:--  6000\n`);
    const tty = await run(b, 'curl http://localhost:8080/', { tty: { columns: 80, rows: 24 } });
    expect(tty.stderr).toBe('');
    expect((await run(b, 'curl -s localhost:8080')).stderr).toBe('');
  });

  it("fails as curl does: resolve (6), connect (7), HTTP errors with -f (22), each with curl's own text", async () => {
    const b = box('curlimages/curl');
    serve(b, 8080, {});
    expect(await run(b, 'curl -sS http://mongo:27017/')).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: mongo\n', status: 6 });
    expect(await run(b, 'curl -sS localhost:3000')).toEqual({ stdout: '', stderr: "curl: (7) Failed to connect to localhost port 3000 after 0 ms: Couldn't connect to server\n", status: 7 });
    expect(await run(b, 'curl -sSf localhost:8080/x')).toEqual({ stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n', status: 22 });
    expect(await run(b, 'curl -s localhost:8080/x')).toEqual({ stdout: 'nope', stderr: '', status: 0 });
    expect(await run(b, 'curl -s --fail-with-body localhost:8080/x')).toEqual({ stdout: 'nope', stderr: '', status: 22 });
    expect((await run(b, 'curl -s localhost:3000')).stderr).toBe('');
    expect((await run(b, 'curl ftp://x/')).stderr).toContain('curl: (1) Protocol "ftp" not supported\n');
  });

  it('gives 52 for an empty reply and 28 when --max-time runs out', async () => {
    const b = box('curlimages/curl');
    const hangUp = b.net.listen(9000);
    void (async () => {
      for (let s = await hangUp.accept(); s; s = await hangUp.accept()) {
        const sock = s;
        await sock.input.read();
        sock.close();
      }
    })();
    expect(await run(b, 'curl -sS localhost:9000')).toMatchObject({ stderr: 'curl: (52) Empty reply from server\n', status: 52 });
    const silent = b.net.listen(9001);
    void silent.accept();
    const slow = await run(b, 'curl -sS -m 2 localhost:9001');
    expect(slow).toMatchObject({ stderr: 'curl: (28) Operation timed out after 2001 milliseconds with 0 bytes received\n', status: 28 });
  });

  it('-w, -o, -i, -I, -X, -d, -H and -L', async () => {
    const b = box('curlimages/curl');
    let seen = '';
    const server = new HttpServer([b.net.listen(8080)], {
      handle: async (r) => {
        seen = `${r.method} ${r.target} ${r.headers.map(([n, v]) => `${n}=${v}`).join(',')} ${new TextDecoder().decode(r.body)}`;
        if (r.target === '/old') return { status: 302, reason: 'Found', headers: [['Location', '/new'], ['Content-Length', '0']], body: new Uint8Array(0) };
        return { status: 201, reason: 'Created', headers: [['Content-Type', 'text/plain'], ['Content-Length', '3']], body: r.method === 'HEAD' ? new Uint8Array(0) : utf8('ok\n') };
      },
    });
    void server.serve();
    expect((await run(b, 'curl -s -o /dev/null -w "%{http_code}\\n" localhost:8080/')).stdout).toBe('201\n');
    await run(b, `curl -s -X PUT -d 'a=1' -H 'X-Token: t' localhost:8080/items`);
    expect(seen).toBe('PUT /items Host=localhost:8080,User-Agent=curl/8.14.1,Accept=*/*,X-Token=t,Content-Length=3,Content-Type=application/x-www-form-urlencoded a=1');
    expect((await run(b, 'curl -si localhost:8080/')).stdout).toBe('HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n');
    expect((await run(b, 'curl -sI localhost:8080/')).stdout).toBe('HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\n');
    expect((await run(b, 'curl -s localhost:8080/old')).stdout).toBe('');
    expect((await run(b, 'curl -sL -w "%{num_redirects} %{url_effective}" localhost:8080/old')).stdout).toBe('ok\n1 http://localhost:8080/new');
    const saved = await run(b, 'curl -s -o page.txt localhost:8080/', { cwd: '/tmp' });
    expect(saved.status).toBe(0);
    expect(b.fs.readText('/tmp/page.txt')).toBe('ok\n');
  });

  it('refuses unknown options and a missing URL with exit 2', async () => {
    const b = box('curlimages/curl');
    expect(await run(b, 'curl')).toEqual({ stdout: '', stderr: "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n", status: 2 });
    expect((await run(b, 'curl --bogus x')).stderr).toBe("curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
  });

  it("speaks as the system's curl: Debian bookworm's 7.88.1 names the errno", async () => {
    const b = box('nginx:latest');
    await settle(b);
    const r = await run(b, 'curl -sS localhost:81');
    expect(r.stderr).toBe('curl: (7) Failed to connect to localhost port 81 after 0 ms: Connection refused\n');
  });
});
