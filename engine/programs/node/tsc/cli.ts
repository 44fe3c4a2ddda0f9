import { dirname, resolvePath } from '../../../fs/path.ts';
import type { Fs } from '../../../fs/types.ts';
import type { ScriptContext } from '../tool.ts';
import { ConfigError, findTsConfig, inputFiles, loadTsConfig, type CompilerOptions, type TsConfig } from './tsconfig.ts';
import { transpile } from './transpile.ts';

/**
 * `tsc`: compiles a project to JavaScript as its tsconfig.json says (outDir, rootDir, module, include/exclude,
 * files, noEmit, noEmitOnError), writing one `.js` per source beside the source's place under rootDir. Syntax
 * errors are reported in tsc's plain (non-TTY) format as far as the transpiler locates them; type errors are out of
 * scope: this tsc never type-checks (see transpile.ts).
 */

/** tsc's exit statuses (ts.ExitStatus). */
const SUCCESS = 0;
const OUTPUTS_SKIPPED = 1;
const OUTPUTS_GENERATED = 2;

// The first part of tsc 5's help, which it prints after its version when there is nothing to compile (shortened).
const HELP = (v: string) => `Version ${v}
tsc: The TypeScript Compiler - Version ${v}

COMMON COMMANDS

  tsc
  Compiles the current project (tsconfig.json in the working directory.)

  tsc app.ts util.ts
  Ignoring tsconfig.json, compiles the specified files with default compiler options.

  tsc -b
  Build a composite project in the working directory.

  tsc --init
  Creates a tsconfig.json with the recommended settings in the working directory.

  tsc -p ./path/to/tsconfig.json
  Compiles the TypeScript project located at the specified path.

  tsc --help --all
  An expanded version of this information, showing all possible compiler options

  tsc --noEmit
  tsc --target esnext
  Compiles the current project, with additional settings.

You can learn about all of the compiler options at https://aka.ms/tsc

`;

const BOOLEAN = new Set(['noEmit', 'noEmitOnError', 'allowJs', 'strict', 'esModuleInterop', 'skipLibCheck', 'declaration', 'sourceMap']);

export async function tscCli(ctx: ScriptContext): Promise<number> {
  const { p } = ctx;
  const args = ctx.args;
  const overrides: CompilerOptions = {};
  const files: string[] = [];
  let project: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-v' || a === '--version') {
      await p.stdout.write(`Version ${ctx.packageVersion}\n`);
      return SUCCESS;
    }
    if (a === '-h' || a === '--help') {
      await p.stdout.write(HELP(ctx.packageVersion));
      return SUCCESS;
    }
    if (a === '-p' || a === '--project') project = args[++i];
    else if (a.startsWith('--')) {
      const key = a.slice(2);
      if (BOOLEAN.has(key)) overrides[key] = args[i + 1] === 'false' ? (i++, false) : args[i + 1] === 'true' ? (i++, true) : true;
      else overrides[key] = args[++i];
    } else files.push(resolvePath(p.cwd, a));
  }
  for (const k of ['outDir', 'rootDir'] as const) if (typeof overrides[k] === 'string') overrides[k] = resolvePath(p.cwd, overrides[k]);

  let config: TsConfig;
  try {
    if (files.length > 0) config = { path: `${p.cwd}/tsconfig.json`, compilerOptions: overrides, files };
    else {
      const path = project !== undefined ? projectPath(p.fs, resolvePath(p.cwd, project)) : findTsConfig(p.fs, p.cwd);
      if (path === undefined) {
        await p.stdout.write(HELP(ctx.packageVersion));
        return OUTPUTS_SKIPPED;
      }
      const loaded = loadTsConfig(p.fs, path);
      config = { ...loaded, compilerOptions: { ...loaded.compilerOptions, ...overrides } };
    }
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    await p.stdout.write(`${e.message}\n`);
    return OUTPUTS_SKIPPED;
  }
  return compile(ctx, config);
}

function projectPath(fs: Fs, path: string): string {
  try {
    return fs.stat(path).type === 'dir' ? `${path}/tsconfig.json` : path;
  } catch {
    return path;
  }
}

function commonRoot(files: readonly string[]): string {
  if (files.length === 0) return '/';
  let parts = dirname(files[0]!).split('/');
  for (const f of files.slice(1)) {
    const other = dirname(f).split('/');
    let i = 0;
    while (i < parts.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join('/') || '/';
}

/** Whether `module` asks for CommonJS output (nodenext/node16 follow the nearest package.json's `type`). */
function emitsCommonJs(fs: Fs, options: CompilerOptions, file: string): boolean {
  const m = String(options.module ?? (['es3', 'es5', undefined].includes(options.target?.toLowerCase()) ? 'commonjs' : 'es2015')).toLowerCase();
  if (file.endsWith('.mts')) return false;
  if (file.endsWith('.cts')) return true;
  if (m === 'node16' || m === 'nodenext' || m === 'node18') {
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      try {
        return (JSON.parse(fs.readText(`${dir === '/' ? '' : dir}/package.json`)) as { type?: string }).type !== 'module';
      } catch {
        if (dir === '/') return true;
      }
    }
  }
  return m === 'commonjs' || m === 'umd' || m === 'amd';
}

function relative(from: string, to: string): string {
  if (to === from) return '';
  return to.startsWith(`${from === '/' ? '' : from}/`) ? to.slice(from === '/' ? 1 : from.length + 1) : to;
}

async function compile(ctx: ScriptContext, config: TsConfig): Promise<number> {
  const { p } = ctx;
  const fs = p.fs;
  const o = config.compilerOptions;
  const inputs = inputFiles(fs, config);
  if (inputs.length === 0) {
    const list = (xs: readonly string[] | undefined, fallback: string[]) => JSON.stringify((xs ?? fallback).map((x) => relative(dirname(config.path), x)));
    await p.stdout.write(
      `error TS18003: No inputs were found in config file '${config.path}'. Specified 'include' paths were '${list(config.include, ['**/*'])}' and 'exclude' paths were '${list(config.exclude, typeof o.outDir === 'string' ? [o.outDir] : [])}'.\n`,
    );
    return OUTPUTS_GENERATED;
  }
  const sources = inputs.filter((f) => !/\.d\.[cm]?ts$/.test(f));
  const rootDir = typeof o.rootDir === 'string' ? o.rootDir : commonRoot(sources);
  const errors: string[] = [];
  for (const f of sources) {
    if (typeof o.rootDir === 'string' && !f.startsWith(`${rootDir}/`)) {
      errors.push(`error TS6059: File '${f}' is not under 'rootDir' '${rootDir}'. 'rootDir' is expected to contain all source files.`);
    }
  }
  const outputs: [string, string][] = [];
  for (const f of sources) {
    await p.clock.sleep(25, p.signal);
    const result = await transpile(p.clock, fs.readText(f), f, emitsCommonJs(fs, o, f), /\.[jt]sx$/.test(f));
    if (result.error) {
      const { line, column, message } = result.error;
      const expected = /expected "(.+)"/.exec(message)?.[1];
      const text = expected ? `error TS1005: '${expected}' expected.` : 'error TS1109: Expression expected.';
      errors.push(`${relative(p.cwd, f)}(${line},${column}): ${text}`);
      continue;
    }
    const rel = relative(rootDir, f);
    const out = `${typeof o.outDir === 'string' ? o.outDir : rootDir}/${rel}`.replace(/\.ts$|\.tsx$/, '.js').replace(/\.mts$/, '.mjs').replace(/\.cts$/, '.cjs');
    outputs.push([out, result.code!]);
  }
  await p.clock.sleep(600, p.signal);
  if (errors.length > 0) await p.stdout.write(errors.map((e) => `${e}\n`).join(''));
  if (o.noEmit || (o.noEmitOnError && errors.length > 0)) return errors.length > 0 ? OUTPUTS_SKIPPED : SUCCESS;
  for (const [path, code] of outputs) {
    fs.mkdir(dirname(path), { recursive: true });
    fs.writeFile(path, code);
  }
  return errors.length > 0 ? OUTPUTS_GENERATED : SUCCESS;
}
