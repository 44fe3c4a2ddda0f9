import fc from 'fast-check';
import { test } from 'vitest';
import { createMachine } from '../../../engine/index.ts';
import { fuzzParameters } from '../../property.ts';
import { runClean } from '../../host/fuzz-terminal.ts';

/**
 * Random command lines, from shell syntax soup to garbage, in a host terminal: each ends with a status and output
 * as bash and its programs would print them (an error message at worst), never an exception or a stack trace.
 * Loops are left out: a random `while` would run for ever, as it would in bash.
 */

const TOKENS = [
  'echo', 'printf', "'%s %d\\n'", 'cat', 'ls', '-la', 'cd', 'pwd', 'test', '[', ']', '[[', ']]', '-f', '-z', '==', '=~', 'true', 'false', ':',
  'export', 'unset', 'read', 'set', '-e', '-u', '-x', 'local', 'x=1', 'y=', '$x', '"$x"', '${x:-y}', '${x:?no}', '${#x}', '${x/a/b}', '${x%%.*}',
  '$((1+2))', '$((1/0))', '$((x++))', '$(', ')', '`', '$?', '$$', '$@', '$#', '$0', '$1', '|', '||', '&&', ';', '&', '>', '>>', '<', '2>&1', '>&-',
  '<<EOF', 'EOF', '<<<', "'", '"', '\\', '{a,b}', '{1..3}', '*', '?', '~', '#', '(', '{', '}', 'if', 'then', 'else', 'fi', 'case', 'esac', 'in',
  ';;', 'for', 'do', 'done', 'function', 'f()', 'f', 'mkdir', '-p', 'rm', '-rf', 'touch', 'head', '-n', 'tail', 'wc', '-l', 'grep', 'sed', 's/a/b/',
  'sort', 'uniq', 'cut', '-d:', 'tr', 'env', 'which', 'type', 'alias', 'history', 'source', '.', 'eval', 'exec', 'exit', 'return', 'break',
  'continue', 'shift', 'trap', 'kill', 'wait', 'jobs', 'sleep', '1', '0', '-1', '99999999999999999999', 'a.txt', '/', '/etc/passwd', '..', '-',
  '--', '--help', '--version', 'chmod', '755', 'chown', 'ln', '-s', 'cp', 'mv', 'find', 'xargs', 'tee', 'base64', 'date', 'id', 'whoami',
  'docker', 'ps', 'images', 'curl', 'node', '-e', 'python3', 'é', '\t', '%', '%%', '\\n',
  // Names of Object methods: a table looked up without Object.hasOwn takes them for its own entries.
  '__proto__', 'constructor', 'valueOf', '[:constructor:]', 'busybox',
];

const line = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 10 }).map((t) => t.join(' ')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 10 }).map((t) => t.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

test('any command line ends in a status and clean output', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 4 }), async (lines) => {
      const terminal = createMachine({ mode: 'headless' }).openTerminal();
      for (const l of lines) await runClean(terminal, l);
    }),
    fuzzParameters(300),
  );
}, 120_000);
