/** `-w/--write-out`: `%{variable}` replaced after the transfer, `\n`, `\r`, `\t` and `%%` understood. */

export interface TransferInfo {
  readonly httpCode: number;
  readonly urlEffective: string;
  readonly contentType: string;
  readonly sizeDownload: number;
  readonly sizeHeader: number;
  readonly timeTotalMs: number;
  readonly remoteIp: string;
  readonly remotePort: number;
  readonly redirects: number;
  readonly method: string;
  readonly exitCode: number;
  readonly errorMessage: string;
}

export function writeOut(format: string, t: TransferInfo): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(6);
  const vars: Record<string, string> = {
    http_code: String(t.httpCode).padStart(3, '0'),
    response_code: String(t.httpCode).padStart(3, '0'),
    url_effective: t.urlEffective,
    url: t.urlEffective,
    content_type: t.contentType,
    size_download: String(t.sizeDownload),
    size_header: String(t.sizeHeader),
    time_total: seconds(t.timeTotalMs),
    time_connect: seconds(0),
    time_namelookup: seconds(0),
    time_starttransfer: seconds(t.timeTotalMs),
    remote_ip: t.remoteIp,
    remote_port: t.remotePort ? String(t.remotePort) : '0',
    num_redirects: String(t.redirects),
    method: t.method,
    exitcode: String(t.exitCode),
    errormsg: t.errorMessage,
    speed_download: String(t.timeTotalMs > 0 ? Math.floor((t.sizeDownload * 1000) / t.timeTotalMs) : t.sizeDownload),
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '%' && format[i + 1] === '%') {
      out += '%';
      i++;
    } else if (c === '%' && format[i + 1] === '{') {
      const close = format.indexOf('}', i);
      if (close < 0) {
        out += format.slice(i);
        break;
      }
      const name = format.slice(i + 2, close);
      out += vars[name] ?? '';
      i = close;
    } else if (c === '\\' && i + 1 < format.length) {
      const n = format[i + 1]!;
      out += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : `\\${n}`;
      i++;
    } else out += c;
  }
  return out;
}
