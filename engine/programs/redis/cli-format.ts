/**
 * How redis-cli prints a reply (redis-cli.c cliFormatReplyTTY / cliFormatReplyRaw): for a terminal, typed and
 * quoted (`(integer) 1`, `"value"`, `(nil)`, numbered arrays); otherwise raw, one value per line, so scripts can
 * use it.
 */
import type { Reply } from './resp.ts';

const ESCAPES: Record<number, string> = { 0x5c: '\\\\', 0x22: '\\"', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x07: '\\a', 0x08: '\\b' };

/** sdscatrepr: a quoted string, bytes outside printable ASCII as \xHH (so UTF-8 text shows as its bytes). */
export function repr(s: string): string {
  let out = '"';
  for (const b of new TextEncoder().encode(s)) {
    out += ESCAPES[b] ?? (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`);
  }
  return `${out}"`;
}

export function formatTty(r: Reply, prefix = ''): string {
  switch (r.kind) {
    case 'error':
      return `(error) ${r.text}\n`;
    case 'status':
      return `${r.text}\n`;
    case 'integer':
      return `(integer) ${r.value}\n`;
    case 'bulk':
      return r.value === null ? '(nil)\n' : `${repr(r.value)}\n`;
    case 'array': {
      if (r.items === null) return '(nil)\n';
      if (r.items.length === 0) return '(empty array)\n';
      const width = String(r.items.length).length;
      const inner = prefix + ' '.repeat(width + 2);
      return r.items.map((item, i) => `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}) ${formatTty(item, inner)}`).join('');
    }
  }
}

/** Raw form, without the final delimiter (the caller adds the command delimiter, a newline). */
export function formatRaw(r: Reply): string {
  switch (r.kind) {
    case 'error':
      return `${r.text}\n`;
    case 'status':
      return r.text;
    case 'integer':
      return String(r.value);
    case 'bulk':
      return r.value ?? '';
    case 'array':
      return (r.items ?? []).map(formatRaw).join('\n');
  }
}
