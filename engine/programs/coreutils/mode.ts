/** chmod-style modes: octal (`755`) or symbolic (`u+x,go-w`, `a=r`, `+X`, `u=g`), as chmod and mkdir -m take them. */

const UMASK = 0o022;

/**
 * Applies `spec` to `mode` (permission bits of an existing file, or the base for a new one). Returns undefined when
 * the spec is invalid. `isDir` matters for `X`; without a `who`, the umask limits what `+`/`=` grant, as in chmod.
 */
export function applyMode(spec: string, mode: number, isDir: boolean): number | undefined {
  if (/^[0-7]+$/.test(spec)) {
    const v = parseInt(spec, 8);
    if (v > 0o7777) return undefined;
    // Short octal modes keep a directory's setuid/setgid bits, as GNU chmod does.
    return isDir && spec.length < 5 ? (v & 0o7777) | (mode & 0o6000 & ~(spec.length === 4 ? 0o7777 : 0)) : v;
  }
  let result = mode & 0o7777;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=](?:[rwxXst]*|[ugo]))+)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1]!;
    let mask = 0;
    for (const w of who || 'a') {
      if (w === 'u' || w === 'a') mask |= 0o4700;
      if (w === 'g' || w === 'a') mask |= 0o2070;
      if (w === 'o' || w === 'a') mask |= 0o1007;
    }
    const limit = who ? 0o7777 : ~UMASK & 0o7777;
    for (const action of m[2]!.match(/[-+=][^-+=]*/g) ?? []) {
      const op = action[0]!;
      const perms = action.slice(1);
      let bits = 0;
      if (/^[ugo]$/.test(perms)) {
        const shift = perms === 'u' ? 6 : perms === 'g' ? 3 : 0;
        const src = (result >> shift) & 7;
        bits = (src << 6) | (src << 3) | src;
      } else {
        for (const p of perms) {
          if (p === 'r') bits |= 0o444;
          if (p === 'w') bits |= 0o222;
          if (p === 'x') bits |= 0o111;
          if (p === 'X' && (isDir || (result & 0o111) !== 0)) bits |= 0o111;
          if (p === 's') bits |= 0o6000;
          if (p === 't') bits |= 0o1000;
        }
      }
      bits &= mask;
      if (op === '+') result |= bits & limit;
      else if (op === '-') result &= ~(bits & limit);
      else result = (result & ~(mask & ~(isDir ? 0o6000 : 0))) | (bits & limit);
    }
  }
  return result;
}
