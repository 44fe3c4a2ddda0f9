import { defineProgram } from './common.ts';
import { ByteBuilder, expandEscape, type EscapeRules } from './escapes.ts';

/**
 * Which echo: GNU coreutils' /bin/echo, bash's builtin (escapes only with -e; `\0NNN` but not `\NNN`; `\u`), or
 * dash's builtin (Debian's /bin/sh: only -n is an option and escapes are always expanded).
 */
export type EchoDialect = 'gnu' | 'bash' | 'dash';

const RULES: Record<EchoDialect, EscapeRules> = {
  gnu: { octal: true, zeroOctal: true, hex: true, unicode: false },
  bash: { octal: false, zeroOctal: true, hex: true, unicode: true },
  dash: { octal: true, zeroOctal: true, hex: false, unicode: false },
};

/** What echo prints for these arguments (argv without the command name), trailing newline included unless -n/\c. */
export function echoOutput(args: readonly string[], dialect: EchoDialect = 'gnu'): string {
  let newline = true;
  let escapes = dialect === 'dash';
  let i = 0;
  // An argument is an option only if it is made entirely of known letters: `echo -nx` prints "-nx".
  const letters = dialect === 'dash' ? /^-n+$/ : /^-[neE]+$/;
  for (; i < args.length && letters.test(args[i]!); i++) {
    for (const c of args[i]!.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else if (c === 'E') escapes = false;
    }
  }
  const text = args.slice(i).join(' ');
  if (!escapes) return text + (newline ? '\n' : '');
  const out = new ByteBuilder();
  const rules = RULES[dialect];
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (ch !== '\\') {
      out.text(ch);
      continue;
    }
    const r = expandEscape(text, k + 1, rules, out);
    if (r.stop) return out.toString();
    if (r.length === 0 || r.error) out.text(r.error ? text.slice(k, k + 1 + r.length) : '\\');
    k += r.length;
  }
  return out.toString() + (newline ? '\n' : '');
}

export const echo = defineProgram('echo', async (ctx) => {
  // GNU echo takes no option parser: `echo --help` is the only special case besides -neE, and we print it literally.
  await ctx.out(echoOutput([...ctx.args], 'gnu'));
  return 0;
});
