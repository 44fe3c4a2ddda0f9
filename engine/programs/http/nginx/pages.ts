/**
 * nginx's built-in responses (ngx_http_special_response.c): a small HTML page per status, lines ended with CRLF,
 * signed with the version unless `server_tokens off`; and its own reason phrases, which differ from RFC 9110's in
 * places ("405 Not Allowed", "503 Service Temporarily Unavailable", "504 Gateway Time-out").
 */

export const NGINX_REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Moved Temporarily',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  408: 'Request Time-out',
  413: 'Request Entity Too Large',
  414: 'Request-URI Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** The page's title: mostly the status line, but 302's page says "302 Found" while its status line says otherwise. */
const PAGE_TITLES: Readonly<Record<number, string>> = { 302: '302 Found' };

export function nginxReason(status: number): string {
  return NGINX_REASONS[status] ?? '';
}

/** Whether nginx has a page for this status (it sends an empty body for the others, 204 and 304 above all). */
export function hasErrorPage(status: number): boolean {
  return status >= 300 && status !== 304 && NGINX_REASONS[status] !== undefined;
}

export function errorPage(status: number, signature: string): string {
  const title = PAGE_TITLES[status] ?? `${status} ${nginxReason(status)}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>${signature}</center>\r\n</body>\r\n</html>\r\n`;
}
