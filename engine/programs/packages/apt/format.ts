/**
 * apt's number and list formatting (apt-pkg/contrib/strutl.cc SizeToStr/TimeToStr, apt-private ShowList). Docker
 * builds run apt in the C locale, where SizeToStr's `%'` grouping flag adds no thousands separators.
 */

/** `8793 kB`, `14.2 M`, `756 ` (the caller appends `B` or `B/s`). */
export function sizeToStr(bytes: number): string {
  const ext = ['', 'k', 'M', 'G', 'T', 'P'];
  let size = Math.abs(bytes);
  for (let i = 0; i < ext.length; i++) {
    if (size < 100 && i !== 0) return `${size.toFixed(1)} ${ext[i]}`;
    if (size < 10000) return `${size.toFixed(0)} ${ext[i]}`;
    size /= 1000;
  }
  return `${size.toFixed(0)} E`;
}

/** `1s`, `2min 5s`, `1h 2min 3s` (TimeToStr; seconds are whole). */
export function timeToStr(seconds: number): string {
  const s = Math.floor(seconds);
  if (s >= 86400) return `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h ${Math.floor((s % 3600) / 60)}min ${s % 60}s`;
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}min ${s % 60}s`;
  if (s >= 60) return `${Math.floor(s / 60)}min ${s % 60}s`;
  return `${s}s`;
}

/** `Fetched 9322 kB in 1s (7219 kB/s)` */
export function fetchedLine(bytes: number, ms: number): string {
  const rate = ms > 0 ? (bytes * 1000) / ms : bytes;
  return `Fetched ${sizeToStr(bytes)}B in ${timeToStr(ms / 1000)} (${sizeToStr(rate)}B/s)\n`;
}

/**
 * A titled list of package names, wrapped as ShowList does: two-space indent, names separated by spaces, a new line
 * before a name that would reach the screen width (79 off a terminal, 3 columns kept for the indent).
 */
export function showList(title: string, names: readonly string[], screenWidth = 79): string {
  if (names.length === 0) return '';
  const width = screenWidth > 3 ? screenWidth - 3 : 0;
  let out = title;
  let used = 0;
  for (const name of names) {
    if (used === 0 || used + name.length >= width) {
      out += '\n  ';
      used = 0;
    } else {
      out += ' ';
      used++;
    }
    out += name;
    used += name.length;
  }
  return out + '\n';
}
