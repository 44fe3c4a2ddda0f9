/** Times as HTTP and server logs print them, always in UTC (containers run with TZ unset). */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** RFC 9110's IMF-fixdate, for Date and Last-Modified: `Mon, 14 Jul 2025 09:00:00 GMT`. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${clock(d)} GMT`;
}

/** `09:00:00` */
export function clock(d: Date): string {
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** Common Log Format's `$time_local` / Apache's `%t` body: `14/Jul/2025:09:00:00 +0000`. */
export function clfDate(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${clock(d)} +0000`;
}
