import { basename } from '../../../fs/path.ts';

/**
 * The Content-Type nginx picks by extension: the common entries of the nginx.org packages' /etc/nginx/mime.types
 * (the catalog holds that file as an opaque stand-in, so its table lives here), unless the configuration has
 * `types` blocks of its own.
 */
const NGINX_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html', htm: 'text/html', shtml: 'text/html',
  css: 'text/css', xml: 'text/xml', gif: 'image/gif', jpeg: 'image/jpeg', jpg: 'image/jpeg',
  js: 'application/javascript', atom: 'application/atom+xml', rss: 'application/rss+xml',
  mml: 'text/mathml', txt: 'text/plain', jad: 'text/vnd.sun.j2me.app-descriptor', wml: 'text/vnd.wap.wml', htc: 'text/x-component',
  avif: 'image/avif', png: 'image/png', svg: 'image/svg+xml', svgz: 'image/svg+xml', tif: 'image/tiff', tiff: 'image/tiff',
  wbmp: 'image/vnd.wap.wbmp', webp: 'image/webp', ico: 'image/x-icon', jng: 'image/x-jng', bmp: 'image/x-ms-bmp',
  woff: 'font/woff', woff2: 'font/woff2', jar: 'application/java-archive', war: 'application/java-archive', ear: 'application/java-archive',
  json: 'application/json', hqx: 'application/mac-binhex40', doc: 'application/msword', pdf: 'application/pdf',
  ps: 'application/postscript', eps: 'application/postscript', ai: 'application/postscript', rtf: 'application/rtf',
  m3u8: 'application/vnd.apple.mpegurl', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint',
  wasm: 'application/wasm', '7z': 'application/x-7z-compressed', rar: 'application/x-rar-compressed',
  xhtml: 'application/xhtml+xml', zip: 'application/zip', bin: 'application/octet-stream', exe: 'application/octet-stream',
  dll: 'application/octet-stream', deb: 'application/octet-stream', dmg: 'application/octet-stream', iso: 'application/octet-stream',
  img: 'application/octet-stream', msi: 'application/octet-stream', msp: 'application/octet-stream', msm: 'application/octet-stream',
  mid: 'audio/midi', midi: 'audio/midi', kar: 'audio/midi', mp3: 'audio/mpeg', ogg: 'audio/ogg', m4a: 'audio/x-m4a',
  ra: 'audio/x-realaudio', '3gpp': 'video/3gpp', '3gp': 'video/3gpp', ts: 'video/mp2t', mp4: 'video/mp4',
  mpeg: 'video/mpeg', mpg: 'video/mpeg', mov: 'video/quicktime', webm: 'video/webm', flv: 'video/x-flv',
  m4v: 'video/x-m4v', mng: 'video/x-mng', asx: 'video/x-ms-asf', asf: 'video/x-ms-asf', wmv: 'video/x-ms-wmv', avi: 'video/x-msvideo',
};

export function nginxContentType(path: string, types: ReadonlyMap<string, string> | undefined, defaultType: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return defaultType;
  const ext = name.slice(dot + 1).toLowerCase();
  return (types ? types.get(ext) : NGINX_TYPES[ext]) ?? defaultType;
}
