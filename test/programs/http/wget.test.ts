import { describe, expect, it } from 'vitest';
import { HttpServer } from '../../../engine/network/http/serve.ts';
import { utf8 } from '../../../engine/network/http/message.ts';
import { box, run } from './testing.ts';

function site(b: ReturnType<typeof box>) {
  const server = new HttpServer([b.net.listen(8080)], {
    handle: async (r) => {
      if (r.target === '/') return { status: 200, reason: 'OK', headers: [['Content-Type', 'text/html'], ['Content-Length', '6']], body: r.method === 'HEAD' ? new Uint8Array(0) : utf8('hello\n') };
      return { status: 404, reason: 'Not Found', headers: [['Content-Length', '0']], body: new Uint8Array(0) };
    },
  });
  void server.serve();
}

describe('busybox wget', () => {
  it('saves a page with its messages, or writes it to stdout with -O -', async () => {
    const b = box('alpine:latest');
    site(b);
    const saved = await run(b, 'wget http://localhost:8080/', { cwd: '/tmp' });
    expect(saved).toEqual({
      stdout: '',
      stderr: "Connecting to localhost:8080 (127.0.0.1:8080)\nsaving to 'index.html'\nindex.html           100% |********************************|     6  0:00:00 ETA\n'index.html' saved\n",
      status: 0,
    });
    expect(b.fs.readText('/tmp/index.html')).toBe('hello\n');
    expect((await run(b, 'wget localhost:8080/', { cwd: '/tmp' })).stderr).toContain("wget: can't open 'index.html': File exists\n");
    expect(await run(b, 'wget -q -O - localhost:8080')).toEqual({ stdout: 'hello\n', stderr: '', status: 0 });
    // getopt clusters short options: the `-qO-` everyone types.
    expect(await run(b, 'wget -qO- localhost:8080')).toEqual({ stdout: 'hello\n', stderr: '', status: 0 });
    expect(await run(b, 'wget -qO /tmp/page localhost:8080')).toMatchObject({ status: 0 });
    expect(b.fs.readText('/tmp/page')).toBe('hello\n');
    expect((await run(b, 'wget -O - localhost:8080')).stderr).toBe('Connecting to localhost:8080 (127.0.0.1:8080)\nwriting to stdout\n-                    100% |********************************|     6  0:00:00 ETA\nwritten to stdout\n');
  });

  it("fails with BusyBox's words and exit 1", async () => {
    const b = box('busybox:latest');
    site(b);
    expect(await run(b, 'wget -q -O - http://mongo/')).toEqual({ stdout: '', stderr: "wget: bad address 'mongo'\n", status: 1 });
    expect((await run(b, 'wget -O - localhost:3000')).stderr).toBe("Connecting to localhost:3000 (127.0.0.1:3000)\nwget: can't connect to remote host (127.0.0.1): Connection refused\n");
    expect(await run(b, 'wget -q -O - localhost:8080/missing')).toEqual({ stdout: '', stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n', status: 1 });
  });

  it('--spider checks without saving, -S shows the server response, -T gives up', async () => {
    const b = box('alpine:latest');
    site(b);
    expect(await run(b, 'wget -q --spider localhost:8080/')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect((await run(b, 'wget -q --spider localhost:8080/x')).status).toBe(1);
    expect((await run(b, 'wget -S -O /dev/null localhost:8080/')).stderr).toContain('  HTTP/1.1 200 OK\n  Content-Type: text/html\n  Content-Length: 6\n');
    const silent = b.net.listen(9000);
    void silent.accept();
    const slow = await run(b, 'wget -T 3 -q -O - localhost:9000');
    expect(slow).toEqual({ stdout: '', stderr: 'wget: download timed out\n', status: 1 });
  });
});
