import { clock, httpDate, MONTHS, pad2 } from '../../network/http/date.ts';
import { utf8, EMPTY_BODY, type Header, type Request } from '../../network/http/message.ts';
import { HttpServer, type Connection, type Reply } from '../../network/http/serve.ts';
import { NetError, netOf } from '../../network/socket.ts';
import { basename, resolvePath } from '../../fs/path.ts';
import type { Stat } from '../../fs/types.ts';
import { exitStatusForSignal, type Process } from '../process.ts';
import type { Writable } from '../streams.ts';

/**
 * `python3 -m http.server [port] [--bind ADDR] [--directory DIR]` as Python 3.12/3.13's http.server runs it:
 * SimpleHTTPRequestHandler over HTTP/1.0 (one request per connection), directory listings, its error page, a log
 * line per request on stderr. Ctrl-C is KeyboardInterrupt: "Keyboard interrupt received, exiting." and exit 0.
 *
 * Python buffers stdout when it is not a terminal, so in `docker logs` the "Serving HTTP" line only shows once
 * the buffer is flushed at exit, unless `-u` or PYTHONUNBUFFERED is set; SIGTERM (which Python does not handle)
 * kills it without a flush. The request log goes to stderr, which is never buffered.
 */

export interface PythonRun {
  readonly version: string;
  readonly unbuffered: boolean;
}

const USAGE = 'usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]\n';

export async function httpServer(p: Process, py: PythonRun, args: readonly string[]): Promise<number> {
  let port = 8000;
  let bind = '0.0.0.0';
  let directory = p.cwd;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => args[++i];
    if (a === '-b' || a === '--bind') bind = value() ?? bind;
    else if (a.startsWith('--bind=')) bind = a.slice(7);
    else if (a === '-d' || a === '--directory') directory = resolvePath(p.cwd, value() ?? '.');
    else if (a.startsWith('--directory=')) directory = resolvePath(p.cwd, a.slice(12));
    else if (a === '-h' || a === '--help') {
      await p.stdout.write(USAGE);
      return 0;
    } else if (/^\d+$/.test(a)) port = Number(a);
    else {
      await p.stderr.write(`${USAGE}server.py: error: argument port: invalid int value: '${a}'\n`);
      return 2;
    }
  }
  const out = new BufferedStdout(p.stdout, py.unbuffered || !!p.stdout.tty || !!p.env.PYTHONUNBUFFERED);
  let listener;
  try {
    listener = netOf(p).listen(port, bind === 'localhost' ? '127.0.0.1' : bind);
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    const errno = e.code === 'EADDRINUSE' ? '[Errno 98] Address already in use' : '[Errno 99] Cannot assign requested address';
    await p.stderr.write(`Traceback (most recent call last):\n  File "<frozen runpy>", line 198, in _run_module_as_main\n  File "<frozen runpy>", line 88, in _run_code\n  File "/usr/local/lib/python${py.version.split('.').slice(0, 2).join('.')}/http/server.py", line 1314, in <module>\n    test(\nOSError: ${errno}\n`);
    return 1;
  }
  await out.write(`Serving HTTP on ${bind} port ${port} (http://${bind}:${port}/) ...\n`);
  const log = (c: Connection, text: string) => p.stderr.write(`${c.remote.address} - - [${logDate(p.clock.now())}] ${text}\n`);
  const server = new HttpServer([listener], {
    handle: async (request, connection) => {
      const r = respond(p, py, directory, request);
      if (r.error) await log(connection, `code ${r.reply.status}, message ${r.error}`);
      await log(connection, `"${request.method} ${request.target} ${request.version}" ${r.reply.status} -`);
      return r.reply;
    },
    malformed: async (_, connection) => {
      await log(connection, 'code 400, message Bad request syntax');
      return errorReply(p, py, 400, 'Bad request syntax', 'Bad request syntax or unsupported method');
    },
  });
  const serving = server.serve();
  const reason = await new Promise<unknown>((resolve) => {
    if (p.signal.aborted) resolve(p.signal.reason);
    else p.signal.addEventListener('abort', () => resolve(p.signal.reason), { once: true });
  });
  server.stop(false);
  await serving;
  if (reason !== 'SIGINT') return exitStatusForSignal(reason);
  await out.write('\nKeyboard interrupt received, exiting.\n');
  await out.flush();
  return 0;
}

/** Python's stdout off a terminal: held until exit (the 8 KiB buffer never fills with these few lines). */
class BufferedStdout {
  #held = '';
  constructor(
    private readonly stdout: Writable,
    private readonly direct: boolean,
  ) {}
  async write(text: string): Promise<void> {
    if (this.direct) await this.stdout.write(text);
    else this.#held += text;
  }
  async flush(): Promise<void> {
    const held = this.#held;
    this.#held = '';
    if (held) await this.stdout.write(held);
  }
}

function respond(p: Process, py: PythonRun, root: string, request: Request): { reply: Reply; error?: string } {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const message = `Unsupported method ('${request.method}')`;
    return { reply: errorReply(p, py, 501, message, 'Server does not support this operation'), error: message };
  }
  const [rawPath, query] = splitQuery(request.target);
  const path = translatePath(root, rawPath);
  const st = stat(p, path);
  const notFound = () => ({ reply: errorReply(p, py, 404, 'File not found', 'Nothing matches the given URI'), error: 'File not found' });
  if (st?.type === 'dir') {
    if (!rawPath.endsWith('/')) {
      const location = rawPath + '/' + (query !== undefined ? `?${query}` : '');
      return { reply: reply(p, py, 301, [['Location', location], ['Content-Length', '0']], EMPTY_BODY) };
    }
    for (const index of ['index.html', 'index.htm']) {
      const file = `${path.replace(/\/$/, '')}/${index}`;
      if (stat(p, file)?.type === 'file') return sendFile(p, py, request, file);
    }
    return listDirectory(p, py, request, path, rawPath);
  }
  // A trailing slash on a file is "not found" (POSIX would say ENOTDIR).
  if (!st || rawPath.endsWith('/')) return notFound();
  return sendFile(p, py, request, path);
}

function splitQuery(target: string): [string, string | undefined] {
  const noFragment = target.split('#')[0]!;
  const q = noFragment.indexOf('?');
  return q < 0 ? [noFragment, undefined] : [noFragment.slice(0, q), noFragment.slice(q + 1)];
}

/** translate_path: decoded, `.` and `..` dropped word by word so the result stays under the served directory. */
function translatePath(root: string, raw: string): string {
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // Python's unquote leaves bad escapes as they are.
  }
  const words = decoded.split('/').filter((w) => w !== '' && w !== '.' && w !== '..');
  const path = resolvePath(root, words.join('/') || '.');
  return decoded.endsWith('/') && path !== '/' ? path + '/' : path;
}

function stat(p: Process, path: string): Stat | undefined {
  try {
    return p.fs.stat(path.length > 1 ? path.replace(/\/$/, '') : path);
  } catch {
    return undefined;
  }
}

function sendFile(p: Process, py: PythonRun, request: Request, path: string): { reply: Reply; error?: string } {
  let bytes: Uint8Array;
  try {
    bytes = p.fs.readFile(path);
  } catch {
    return { reply: errorReply(p, py, 404, 'File not found', 'Nothing matches the given URI'), error: 'File not found' };
  }
  const st = stat(p, path)!;
  const headers: Header[] = [['Content-type', guessType(path)], ['Content-Length', String(bytes.length)], ['Last-Modified', httpDate(st.mtime * 1000)]];
  return { reply: reply(p, py, 200, headers, request.method === 'HEAD' ? EMPTY_BODY : bytes) };
}

/** list_directory: names sorted case-insensitively, `/` after directories and `@` after symlinks. */
function listDirectory(p: Process, py: PythonRun, request: Request, dir: string, rawPath: string): { reply: Reply } {
  let names: string[];
  try {
    names = p.fs.readdir(dir.replace(/\/$/, '') || '/');
  } catch {
    return { reply: errorReply(p, py, 404, 'No permission to list directory', 'Nothing matches the given URI') };
  }
  names.sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  let display = rawPath;
  try {
    display = decodeURIComponent(rawPath);
  } catch {
    // Shown as sent.
  }
  const title = `Directory listing for ${escapeHtml(display)}`;
  const lines = ['<!DOCTYPE HTML>', '<html lang="en">', '<head>', '<meta charset="utf-8">', `<title>${title}</title>\n</head>`, `<body>\n<h1>${title}</h1>`, '<hr>\n<ul>'];
  for (const name of names) {
    const full = `${dir.replace(/\/$/, '')}/${name}`;
    let shown = name;
    let link = name;
    if (stat(p, full)?.type === 'dir') {
      shown = name + '/';
      link = name + '/';
    }
    try {
      if (p.fs.lstat(full).type === 'symlink') shown = name + '@';
    } catch {
      // Vanished while listing.
    }
    lines.push(`<li><a href="${encodeURI(link).replace(/[?#]/g, encodeURIComponent)}">${escapeHtml(shown)}</a></li>`);
  }
  lines.push('</ul>\n<hr>\n</body>\n</html>\n');
  const body = utf8(lines.join('\n'));
  return { reply: reply(p, py, 200, [['Content-type', 'text/html; charset=utf-8'], ['Content-Length', String(body.length)]], request.method === 'HEAD' ? EMPTY_BODY : body) };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** BaseHTTPRequestHandler: status line, then Server and Date, then the handler's headers; HTTP/1.0 closes. */
function reply(p: Process, py: PythonRun, status: number, headers: Header[], body: Uint8Array, reason?: string): Reply {
  return {
    version: 'HTTP/1.0',
    status,
    reason: reason ?? PHRASES[status] ?? '',
    headers: [['Server', `SimpleHTTP/0.6 Python/${py.version}`], ['Date', httpDate(p.clock.now())], ...headers],
    body,
    close: true,
  };
}

/** send_error: the message is the reason phrase, the page is DEFAULT_ERROR_MESSAGE. */
function errorReply(p: Process, py: PythonRun, status: number, message: string, explain: string): Reply {
  const body = utf8(
    `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: ${status}</p>\n        <p>Message: ${escapeHtml(message)}.</p>\n        <p>Error code explanation: ${status} - ${explain}.</p>\n    </body>\n</html>\n`,
  );
  return reply(p, py, status, [['Connection', 'close'], ['Content-Type', 'text/html;charset=utf-8'], ['Content-Length', String(body.length)]], body, message);
}

const PHRASES: Readonly<Record<number, string>> = { 200: 'OK', 301: 'Moved Permanently', 400: 'Bad Request', 404: 'Not Found', 501: 'Not Implemented' };

/** mimetypes.guess_type for the usual web files (Python 3.12's table), else application/octet-stream. */
const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html', htm: 'text/html', css: 'text/css', js: 'text/javascript', mjs: 'text/javascript', json: 'application/json',
  txt: 'text/plain', md: 'text/markdown', csv: 'text/csv', xml: 'text/xml', py: 'text/x-python', png: 'image/png', jpg: 'image/jpeg',
  jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', ico: 'image/vnd.microsoft.icon', webp: 'image/webp', pdf: 'application/pdf',
  zip: 'application/zip', gz: 'application/gzip', tar: 'application/x-tar', wasm: 'application/wasm', mp4: 'video/mp4', mp3: 'audio/mpeg',
  woff: 'font/woff', woff2: 'font/woff2',
};

function guessType(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? TYPES[name.slice(dot + 1).toLowerCase()] : undefined) ?? 'application/octet-stream';
}

/** log_date_time_string: `14/Jul/2025 09:00:00`. */
function logDate(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()} ${clock(d)}`;
}
