import { clfDate } from '../../../network/http/date.ts';
import { headerValue, type Request } from '../../../network/http/message.ts';
import type { Connection, Reply } from '../../../network/http/serve.ts';

/**
 * An access log line in a `log_format` (the image's `main`, or the built-in `combined`): nginx's variables filled
 * in, `-` for an empty one, and characters outside printable ASCII and `"` and `\` escaped as `\xXX`.
 */
export function accessLine(format: string, request: Request, reply: Reply, connection: Connection, now: number): string {
  const vars: Record<string, string> = {
    remote_addr: connection.remote.address,
    remote_port: String(connection.remote.port),
    remote_user: '',
    time_local: clfDate(now),
    time_iso8601: new Date(now).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    request: `${request.method} ${request.target} ${request.version}`,
    request_method: request.method,
    request_uri: request.target,
    uri: request.target.split('?')[0]!,
    status: String(reply.status),
    body_bytes_sent: String(reply.body.length),
    bytes_sent: String(reply.body.length),
    request_length: String(request.body.length),
    request_time: '0.000',
    server_protocol: request.version,
    server_port: String(connection.local.port),
    server_addr: connection.local.address,
    connection: String(connection.serial),
    connection_requests: String(connection.served),
    host: (headerValue(request.headers, 'Host') ?? '').replace(/:\d+$/, ''),
  };
  const line = format.replace(/\$\{?([a-zA-Z_0-9]+)\}?/g, (_, name: string) => {
    let value: string | undefined = vars[name];
    if (value === undefined && name.startsWith('http_')) value = headerValue(request.headers, name.slice(5).replace(/_/g, '-'));
    if (value === undefined && name.startsWith('sent_http_')) value = headerValue(reply.headers, name.slice(10).replace(/_/g, '-'));
    return value === undefined || value === '' ? '-' : escape(value);
  });
  return line + '\n';
}

function escape(value: string): string {
  let out = '';
  for (const c of value) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || code >= 0x7f || c === '"' || c === '\\' ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : c;
  }
  return out;
}
