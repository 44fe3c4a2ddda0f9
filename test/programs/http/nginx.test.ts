import { describe, expect, it } from 'vitest';
import { NGINX_INDEX_HTML } from '../../../engine/image/catalog/source/nginx.ts';
import { box, run, settle, start, type Box } from './testing.ts';

async function nginxUp(ref = 'nginx:latest'): Promise<{ b: Box; server: ReturnType<typeof start> }> {
  const b = box(ref);
  const server = start(b, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
  await settle(b);
  return { b, server };
}

describe('nginx in its image', () => {
  it('starts through the entrypoint with the real start-up lines and notices', async () => {
    const { server } = await nginxUp();
    expect(server.stdout.text()).toBe(
      [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        '',
      ].join('\n'),
    );
    expect(server.stderr.text().split('\n').slice(0, 4)).toEqual([
      '2025/07/14 09:00:00 [notice] 1#1: using the "epoll" event method',
      '2025/07/14 09:00:00 [notice] 1#1: nginx/1.27.5',
      '2025/07/14 09:00:00 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
      '2025/07/14 09:00:00 [notice] 1#1: OS: Linux 6.8.0-60-generic',
    ]);
    expect(server.stderr.text()).toContain('[notice] 1#1: start worker process 29\n');
    server.kill('SIGQUIT');
    expect(await server.done).toBe(0);
  });

  it('serves the welcome page with its headers and logs it in the main format on stdout', async () => {
    const { b, server } = await nginxUp();
    const r = await run(b, 'curl -s -i http://localhost/');
    const [head, body] = r.stdout.split('\r\n\r\n') as [string, string];
    expect(head.split('\r\n')).toEqual(['HTTP/1.1 200 OK', 'Server: nginx/1.27.5', 'Date: Mon, 14 Jul 2025 09:00:00 GMT', 'Content-Type: text/html', 'Content-Length: 615', 'Last-Modified: Wed, 21 May 2025 00:00:00 GMT', 'Connection: keep-alive', 'ETag: "682d1780-267"', 'Accept-Ranges: bytes']);
    expect(body).toBe(NGINX_INDEX_HTML);
    expect(server.stdout.text()).toContain('127.0.0.1 - - [14/Jul/2025:09:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"\n');
    server.kill('SIGQUIT');
    await server.done;
  });

  it("answers a missing file with nginx's 404 page and an error-log line", async () => {
    const { b, server } = await nginxUp();
    const r = await run(b, 'curl -s http://localhost/nope');
    expect(r.stdout).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n');
    expect(r.stdout.length).toBe(153);
    expect(server.stderr.text()).toContain('[error] 29#29: *1 open() "/usr/share/nginx/html/nope" failed (2: No such file or directory), client: 127.0.0.1, server: localhost, request: "GET /nope HTTP/1.1", host: "localhost"\n');
    expect(server.stdout.text()).toContain('"GET /nope HTTP/1.1" 404 153 "-" "curl/7.88.1" "-"');
    server.kill('SIGQUIT');
    await server.done;
  });

  it('forbids a directory without an index, redirects one asked for without its slash, and sends HEAD without a body', async () => {
    const { b, server } = await nginxUp();
    b.fs.mkdir('/usr/share/nginx/html/empty');
    const forbidden = await run(b, 'curl -s -o /dev/null -w "%{http_code}" localhost/empty/');
    expect(forbidden.stdout).toBe('403');
    expect(server.stderr.text()).toContain('directory index of "/usr/share/nginx/html/empty/" is forbidden');
    const moved = await run(b, 'curl -sI localhost/empty');
    expect(moved.stdout).toContain('HTTP/1.1 301 Moved Permanently\r\n');
    expect(moved.stdout).toContain('Location: http://localhost/empty/\r\n');
    const head = await run(b, 'curl -sI localhost/');
    expect(head.stdout).toContain('Content-Length: 615\r\n');
    expect(head.stdout.endsWith('\r\n\r\n')).toBe(true);
    expect(server.stdout.text()).toContain('"HEAD / HTTP/1.1" 200 0 ');
    server.kill('SIGQUIT');
    await server.done;
  });

  it('serves what a bind mount or COPY puts in the web root, with its type', async () => {
    const { b, server } = await nginxUp('nginx:alpine');
    b.fs.writeFile('/usr/share/nginx/html/app.js', 'console.log(1)\n');
    const typed = await run(b, 'curl -sI localhost/app.js');
    expect(typed.stdout).toContain('Content-Type: application/javascript\r\n');
    expect(server.stderr.text()).toContain('built by gcc 14.2.0 (Alpine 14.2.0) ');
    server.kill('SIGQUIT');
    await server.done;
  });

  it('follows a changed default.conf: another port, try_files, return, error_page', async () => {
    const b = box('nginx:latest');
    b.fs.writeFile(
      '/etc/nginx/conf.d/default.conf',
      `server {
    listen 8080;
    root /srv;
    error_page 404 /404.html;
    location / { try_files $uri /index.html; }
    location = /health { return 200 "ok\\n"; }
    location /old { return 301 /new; }
}
`,
    );
    b.fs.mkdir('/srv', { recursive: true });
    b.fs.writeFile('/srv/index.html', 'spa\n');
    b.fs.writeFile('/srv/404.html', 'custom 404\n');
    const server = start(b, ['nginx', '-g', 'daemon off;']);
    await settle(b);
    expect((await run(b, 'curl -s localhost:8080/deep/link')).stdout).toBe('spa\n');
    expect((await run(b, 'curl -s localhost:8080/health')).stdout).toBe('ok\n');
    expect((await run(b, 'curl -sI localhost:8080/old')).stdout).toContain('Location: http://localhost:8080/new\r\n');
    expect((await run(b, 'curl -s localhost/')).status).toBe(7);
    server.kill('SIGTERM');
    expect(await server.done).toBe(0);
    expect(server.stderr.text()).toContain('[notice] 1#1: signal 15 (SIGTERM) received, exiting\n');
    expect(server.stderr.text()).not.toContain('gracefully');
  });

  it('reports configuration errors as nginx does and exits 1', async () => {
    const b = box('nginx:latest');
    b.fs.writeFile('/etc/nginx/conf.d/default.conf', 'server {\n    listen 80;\n    location / {\n        root /srv\n    }\n}\n');
    const t = await run(b, 'nginx -t');
    expect(t.status).toBe(1);
    expect(t.stderr).toContain('nginx: [emerg] unexpected "}" in /etc/nginx/conf.d/default.conf:5\n');
    expect(t.stderr).toContain('nginx: configuration file /etc/nginx/nginx.conf test failed\n');
    b.fs.writeFile('/etc/nginx/conf.d/default.conf', 'server { listen 80; location / { proxy_pass http://api:3000; } }\n');
    const up = await run(b, "nginx -g 'daemon off;'");
    expect(up.status).toBe(1);
    expect(up.stderr).toContain('nginx: [emerg] host not found in upstream "api:3000" in /etc/nginx/conf.d/default.conf:1\n');
  });

  it('answers -v and a good -t on stderr, and without daemon off returns at once', async () => {
    const b = box('nginx:latest');
    expect(await run(b, 'nginx -v')).toEqual({ stdout: '', stderr: 'nginx version: nginx/1.27.5\n', status: 0 });
    expect((await run(b, 'nginx -t')).stderr).toBe('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    expect(await run(b, 'nginx')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect((await run(b, 'nginx -x')).stderr).toBe('nginx: invalid option: "x"\n');
  });

  it('cannot bind a port taken and says so five times', async () => {
    const b = box('nginx:latest');
    const first = start(b, ['nginx', '-g', 'daemon off;']);
    await settle(b);
    const second = await run(b, "nginx -g 'daemon off;'");
    expect(second.status).toBe(1);
    expect(second.stderr.match(/nginx: \[emerg\] bind\(\) to 0.0.0.0:80 failed \(98: Address already in use\)/g)).toHaveLength(5);
    expect(second.stderr).toContain('nginx: [emerg] still could not bind()\n');
    first.kill('SIGQUIT');
    await first.done;
  });

  it('waits for a request in progress on SIGQUIT', async () => {
    const { b, server } = await nginxUp();
    const sock = await b.net.connect('127.0.0.1', 80);
    server.kill('SIGQUIT');
    await settle(b);
    // Still accepted: the idle connection is closed, and nothing listens any more.
    expect(await sock.input.read()).toBeNull();
    expect(await server.done).toBe(0);
    expect(server.stderr.text()).toMatch(/signal 3 \(SIGQUIT\) received, shutting down\n.*29#29: gracefully shutting down\n/);
    expect(server.stderr.text().trimEnd().endsWith('[notice] 1#1: exit')).toBe(true);
  });
});
