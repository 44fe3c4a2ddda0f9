import { exitStatusForSignal } from '../../process.ts';
import type { Readable } from '../../streams.ts';
import type { Builtin } from './types.ts';

/**
 * `read [-r] [-p prompt] [name...]`. Streams hand out chunks, not bytes, so what `read` takes beyond its line is
 * kept per stream for the next `read` (a `while read line` loop over a pipe sees every line).
 */

const leftovers = new WeakMap<Readable, string>();
const decoder = new TextDecoder();

async function readLine(input: Readable, signal: AbortSignal): Promise<{ line: string; eof: boolean }> {
  let buf = leftovers.get(input) ?? '';
  while (!buf.includes('\n')) {
    const chunk = await raceSignal(input.read(), signal);
    if (chunk === null) {
      leftovers.delete(input);
      return { line: buf, eof: true };
    }
    buf += decoder.decode(chunk, { stream: true });
  }
  const nl = buf.indexOf('\n');
  leftovers.set(input, buf.slice(nl + 1));
  return { line: buf.slice(0, nl), eof: false };
}

function raceSignal<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}

export const read: Builtin = async (ctx) => {
  const s = ctx.sh.state;
  let raw = false;
  const names: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-r') raw = true;
    else if (a === '-p') await ctx.stderr.write(args[++i] ?? '');
    else if (a === '--') {
      names.push(...args.slice(i + 1));
      break;
    } else names.push(a);
  }
  let text = '';
  let eof: boolean;
  try {
    for (;;) {
      const r = await readLine(ctx.stdin, ctx.sh.signal);
      eof = r.eof;
      // Without -r a trailing backslash joins the next line.
      if (!raw && r.line.endsWith('\\') && !r.eof) {
        text += r.line.slice(0, -1);
        continue;
      }
      text += r.line;
      break;
    }
  } catch (e) {
    if (ctx.sh.signal.aborted) return exitStatusForSignal(ctx.sh.signal.reason);
    throw e;
  }
  if (!raw) text = text.replace(/\\(.)/g, '$1');
  const ifs = s.get('IFS') ?? ' \t\n';
  const targets = names.length > 0 ? names : ['REPLY'];
  if (names.length === 0) s.set('REPLY', text);
  else {
    const ws = [...ifs].filter((c) => /\s/.test(c)).join('');
    let rest = trimChars(text, ws);
    for (let i = 0; i < targets.length; i++) {
      if (i === targets.length - 1) {
        s.set(targets[i]!, trimChars(rest, ws));
        break;
      }
      let j = 0;
      while (j < rest.length && !ifs.includes(rest[j]!)) j++;
      s.set(targets[i]!, rest.slice(0, j));
      rest = rest.slice(j);
      // Skip whitespace, then at most one non-whitespace separator, then whitespace again.
      let k = 0;
      while (k < rest.length && ws.includes(rest[k]!)) k++;
      if (k < rest.length && ifs.includes(rest[k]!) && !ws.includes(rest[k]!)) k++;
      while (k < rest.length && ws.includes(rest[k]!)) k++;
      rest = rest.slice(k);
    }
  }
  // At end of input read still assigns what it got, but fails (so `while read` ends).
  return eof ? 1 : 0;
};

function trimChars(s: string, chars: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && chars.includes(s[a]!)) a++;
  while (b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}
