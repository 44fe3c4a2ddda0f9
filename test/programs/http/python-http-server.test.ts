import { describe, expect, it } from 'vitest';
import { box, run, settle, start } from './testing.ts';

describe('python3 -m http.server', () => {
  it('serves a directory listing and files over HTTP/1.0, logging each request on stderr', async () => {
    const b = box('python:3.12');
    b.fs.mkdir('/app/static', { recursive: true });
    b.fs.writeFile('/app/notes.txt', 'hi\n');
    b.fs.writeFile('/app/Zebra.py', 'print(1)\n');
    const server = start(b, ['python3', '-u', '-m', 'http.server', '8000', '--directory', '/app']);
    await settle(b);
    expect(server.stdout.text()).toBe('Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...\n');
    const listing = await run(b, 'curl -s localhost:8000/');
    expect(listing.stdout).toBe(
      '<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n' +
        '<li><a href="notes.txt">notes.txt</a></li>\n<li><a href="static/">static/</a></li>\n<li><a href="Zebra.py">Zebra.py</a></li>\n</ul>\n<hr>\n</body>\n</html>\n',
    );
    const file = await run(b, 'curl -si localhost:8000/notes.txt');
    expect(file.stdout.split('\r\n').slice(0, 4)).toEqual(['HTTP/1.0 200 OK', 'Server: SimpleHTTP/0.6 Python/3.12.11', 'Date: Mon, 14 Jul 2025 09:00:00 GMT', 'Content-type: text/plain']);
    expect(file.stdout.endsWith('\r\n\r\nhi\n')).toBe(true);
    const missing = await run(b, 'curl -si localhost:8000/nope');
    expect(missing.stdout).toContain('HTTP/1.0 404 File not found\r\n');
    expect(missing.stdout).toContain('<p>Error code explanation: 404 - Nothing matches the given URI.</p>');
    expect(server.stderr.text()).toBe(
      '127.0.0.1 - - [14/Jul/2025 09:00:00] "GET / HTTP/1.1" 200 -\n' +
        '127.0.0.1 - - [14/Jul/2025 09:00:00] "GET /notes.txt HTTP/1.1" 200 -\n' +
        '127.0.0.1 - - [14/Jul/2025 09:00:00] code 404, message File not found\n' +
        '127.0.0.1 - - [14/Jul/2025 09:00:00] "GET /nope HTTP/1.1" 404 -\n',
    );
    server.kill('SIGINT');
    expect(await server.done).toBe(0);
    expect(server.stdout.text()).toBe('Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...\n\nKeyboard interrupt received, exiting.\n');
  });

  it('holds stdout in its buffer off a terminal: nothing shows until exit, and SIGTERM loses it', async () => {
    const b = box('python:3.12');
    const server = start(b, ['python3', '-m', 'http.server']);
    await settle(b);
    expect(server.stdout.text()).toBe('');
    expect((await run(b, 'curl -s -o /dev/null -w "%{http_code}" localhost:8000/')).stdout).toBe('200');
    server.kill('SIGTERM');
    expect(await server.done).toBe(143);
    expect(server.stdout.text()).toBe('');
  });

  it('redirects a directory without its slash and refuses POST', async () => {
    const b = box('python:3.12');
    b.fs.mkdir('/srv/sub', { recursive: true });
    const server = start(b, ['python3', '-m', 'http.server', '9000', '-d', '/srv']);
    await settle(b);
    expect((await run(b, 'curl -si localhost:9000/sub')).stdout).toContain('HTTP/1.0 301 Moved Permanently\r\n');
    expect((await run(b, 'curl -si localhost:9000/sub')).stdout).toContain('Location: /sub/\r\n');
    expect((await run(b, 'curl -si -d x=1 localhost:9000/')).stdout).toContain("HTTP/1.0 501 Unsupported method ('POST')\r\n");
    server.kill('SIGINT');
    await server.done;
  });
});
