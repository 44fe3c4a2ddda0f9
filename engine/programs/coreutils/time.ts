/** strftime in the C locale and UTC (the simulated machines have no time zone), for date and ls. */
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1;
}

/** ISO 8601 week number and its year (%V, %G). */
function isoWeek(d: Date): [number, number] {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  return [Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7), year];
}

/** Formats `ms` (epoch milliseconds) with strftime specifiers, GNU extensions included (`%-d`, `%_H`, `%N`, `%:z`). */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const out: string[] = [];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%') {
      out.push(ch);
      continue;
    }
    const m = /^([-_0^#]*)(\d*)(:{0,3})([a-zA-Z%+])/.exec(format.slice(i + 1));
    if (!m) {
      out.push('%');
      continue;
    }
    i += m[0].length;
    const flags = m[1]!;
    const width = m[2] ? Number(m[2]) : undefined;
    const conv = m[4]!;
    const num = (v: number, w: number, padChar = '0') => {
      const p = flags.includes('-') ? '' : flags.includes('_') ? ' ' : flags.includes('0') ? '0' : padChar;
      const s = String(v);
      return p === '' ? s : s.padStart(width ?? w, p);
    };
    let s: string;
    switch (conv) {
      case 'a': s = DAYS[d.getUTCDay()]!.slice(0, 3); break;
      case 'A': s = DAYS[d.getUTCDay()]!; break;
      case 'b': case 'h': s = MONTHS[d.getUTCMonth()]!.slice(0, 3); break;
      case 'B': s = MONTHS[d.getUTCMonth()]!; break;
      case 'c': s = strftime('%a %b %e %H:%M:%S %Y', ms); break;
      case 'C': s = num(Math.floor(d.getUTCFullYear() / 100), 2); break;
      case 'd': s = num(d.getUTCDate(), 2); break;
      case 'D': case 'x': s = strftime('%m/%d/%y', ms); break;
      case 'e': s = num(d.getUTCDate(), 2, ' '); break;
      case 'F': s = strftime('%Y-%m-%d', ms); break;
      case 'g': s = num(isoWeek(d)[1] % 100, 2); break;
      case 'G': s = num(isoWeek(d)[1], 4); break;
      case 'H': s = num(d.getUTCHours(), 2); break;
      case 'I': s = num(d.getUTCHours() % 12 || 12, 2); break;
      case 'j': s = num(dayOfYear(d), 3); break;
      case 'k': s = num(d.getUTCHours(), 2, ' '); break;
      case 'l': s = num(d.getUTCHours() % 12 || 12, 2, ' '); break;
      case 'm': s = num(d.getUTCMonth() + 1, 2); break;
      case 'M': s = num(d.getUTCMinutes(), 2); break;
      case 'n': s = '\n'; break;
      case 'N': s = String(((ms % 1000) + 1000) % 1000).padStart(3, '0') + '000000'; if (width) s = s.slice(0, width); break;
      case 'p': s = d.getUTCHours() < 12 ? 'AM' : 'PM'; break;
      case 'P': s = d.getUTCHours() < 12 ? 'am' : 'pm'; break;
      case 'r': s = strftime('%I:%M:%S %p', ms); break;
      case 'R': s = strftime('%H:%M', ms); break;
      case 's': s = String(Math.floor(ms / 1000)); break;
      case 'S': s = num(d.getUTCSeconds(), 2); break;
      case 't': s = '\t'; break;
      case 'T': case 'X': s = strftime('%H:%M:%S', ms); break;
      case 'u': s = String(d.getUTCDay() || 7); break;
      case 'U': s = num(Math.floor((dayOfYear(d) + 6 - d.getUTCDay()) / 7), 2); break;
      case 'V': s = num(isoWeek(d)[0], 2); break;
      case 'w': s = String(d.getUTCDay()); break;
      case 'W': s = num(Math.floor((dayOfYear(d) + 6 - ((d.getUTCDay() + 6) % 7)) / 7), 2); break;
      case 'y': s = num(d.getUTCFullYear() % 100, 2); break;
      case 'Y': s = num(d.getUTCFullYear(), 4); break;
      case 'z': s = ['+0000', '+00:00', '+00:00:00', '+00'][m[3]!.length]!; break;
      case 'Z': s = 'UTC'; break;
      case '%': s = '%'; break;
      default: s = '%' + m[0];
    }
    if (flags.includes('^')) s = s.toUpperCase();
    out.push(s);
  }
  return out.join('');
}
