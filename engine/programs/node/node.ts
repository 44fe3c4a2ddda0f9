import { resolvePath } from '../../fs/path.ts';
import type { Fs } from '../../fs/types.ts';
import type { Process, Program } from '../process.ts';
import { readAll } from '../streams.ts';
import { runApplication } from './app-runtime.ts';
import type { NodeMain } from './runtime/run.ts';
import { findEntryPoint } from './entry-points.ts';
import { moduleNotFound } from './module-not-found.ts';
import { nodeVersion } from './version.ts';

/**
 * The `node` program. It knows its version, evaluates the few `-p` expressions that need no JavaScript engine, and
 * runs a script by what the script is: npm, npx, tsc and prisma are simulated tools (see entry-points.ts), a
 * missing script fails as node's module loader does, and any other JavaScript goes to the application runtime.
 */

/** The application runtime (and its guest sources) loads with the sandbox, on first use. */
let runtime: Promise<typeof import('./runtime/run.ts')> | undefined;
async function runNode(p: Process, main: NodeMain): Promise<number> {
  runtime ??= import('./runtime/run.ts');
  // Loading takes real time: keep yielding so a headless driver sees work in progress, not a process waiting.
  let done = false;
  void runtime.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) await p.clock.yield();
  return (await runtime).runNode(p, main);
}

/** Options that take the next argument as their value (`node -r dotenv/config app.js`). */
const WITH_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--title', '--input-type', '-C', '--conditions']);

export const node: Program = async (p) => {
  const version = nodeVersion(p);
  const args = p.argv.slice(1);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-v' || a === '--version') {
      await p.stdout.write(`v${version}\n`);
      return 0;
    }
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print') {
      const code = args[i + 1];
      if (code === undefined) {
        await p.stderr.write(`${p.argv[0] ?? 'node'}: ${a} requires an argument\n`);
        return 9;
      }
      return evaluate(p, code, a === '-p' || a === '--print', version, args.slice(i + 2));
    }
    if (!a.startsWith('-') || a === '-') break;
    if (WITH_VALUE.has(a)) {
      i++;
      continue;
    }
    // Long options (--enable-source-maps, --max-old-space-size=512...) change nothing we simulate.
    if (a.startsWith('--')) continue;
    await p.stderr.write(`${p.argv[0] ?? 'node'}: bad option: ${a}\n`);
    return 9;
  }
  const script = args[i];
  if (script === undefined || script === '-') {
    // Without a terminal node runs what standard input holds (`echo "console.log(1)" | node`).
    if (p.stdin.tty) return runApplication(p, 'a program from standard input (the REPL)');
    return runNode(p, { kind: 'eval', code: new TextDecoder().decode(await readAll(p.stdin)), print: false, args: args.slice(i + 1) });
  }
  const found = resolveMain(p.fs, resolvePath(p.cwd, script));
  if (found === undefined) {
    await p.stderr.write(moduleNotFound(resolvePath(p.cwd, script), version));
    return 1;
  }
  const real = p.fs.realpath(found);
  const entry = findEntryPoint(p.fs, real);
  if (!entry) return runNode(p, { kind: 'file', path: found, args: args.slice(i + 1), execArgv: args.slice(0, i) });
  return entry.tool({ p, script: real, args: args.slice(i + 1), packageDir: entry.packageDir, packageVersion: entry.packageVersion, nodeVersion: version });
};

/** The file node loads for a main module path: the file, the file with an extension, or a directory's entry. */
export function resolveMain(fs: Fs, path: string): string | undefined {
  const isFile = (f: string) => {
    try {
      return fs.stat(f).type === 'file';
    } catch {
      return false;
    }
  };
  for (const f of [path, `${path}.js`, `${path}.json`, `${path}.node`]) if (isFile(f)) return f;
  let main: string | undefined;
  try {
    main = (JSON.parse(fs.readText(`${path}/package.json`)) as { main?: string }).main;
  } catch {
    main = undefined;
  }
  if (typeof main === 'string') {
    const m = resolvePath(path, main);
    for (const f of [m, `${m}.js`, `${m}/index.js`]) if (isFile(f)) return f;
  }
  return isFile(`${path}/index.js`) ? `${path}/index.js` : undefined;
}

/**
 * `-e`/`-p` without loading the JavaScript engine: the empty program, literals and the `process` facts a Dockerfile
 * checks (`node -p process.version`). Anything else runs in the application runtime.
 */
async function evaluate(p: Process, code: string, print: boolean, version: string, rest: readonly string[]): Promise<number> {
  const text = code.trim().replace(/;$/, '');
  const facts: Record<string, string> = {
    'process.version': `v${version}`,
    'process.versions.node': version,
    'process.platform': 'linux',
    'process.arch': 'x64',
    'process.cwd()': p.cwd,
  };
  let value: string | undefined;
  if (text === '') value = 'undefined';
  else if (text in facts) value = facts[text];
  else if (/^-?\d+(\.\d+)?$/.test(text)) value = String(Number(text));
  else if (/^(['"])[^'"\\]*\1$/.test(text)) value = text.slice(1, -1);
  else if (/^process\.env\.[A-Za-z_][A-Za-z0-9_]*$/.test(text)) value = p.env[text.slice('process.env.'.length)] ?? 'undefined';
  if (value === undefined) return runNode(p, { kind: 'eval', code, print, args: rest });
  if (print) await p.stdout.write(`${value}\n`);
  return 0;
}
