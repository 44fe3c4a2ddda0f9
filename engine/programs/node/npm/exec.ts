import { sha512 } from '@noble/hashes/sha2.js';
import { dirname } from '../../../fs/path.ts';
import { exitStatusForSignal } from '../../process.ts';
import { readLines } from '../../streams.ts';
import { packument, pickVersion } from '../registry/catalog.ts';
import type { ScriptContext } from '../tool.ts';
import { install, parsePackageArg } from './install.ts';
import { findPrefix } from './package-json.ts';
import { NpmError, NpmSession } from './session.ts';
import { noMatchingVersion, notFound } from './tree.ts';

/**
 * `npx <command>` (`npm exec`): a bin the project has installed runs from its `node_modules/.bin`; otherwise the
 * package is installed into npm's npx cache (`~/.npm/_npx/<hash>`) and its bin runs from there. Without a terminal
 * npm does not ask before installing, it warns.
 */

export async function npxCli(ctx: ScriptContext): Promise<number> {
  if (ctx.args[0] === '--version' || ctx.args[0] === '-v') {
    await ctx.p.stdout.write(`${ctx.packageVersion}\n`);
    return 0;
  }
  const s = new NpmSession(ctx, 'exec');
  try {
    return await s.finish(undefined, await exec(s, ctx.args));
  } catch (e) {
    if (e instanceof NpmError) return s.finish(e);
    throw e;
  }
}

export async function exec(s: NpmSession, argv: readonly string[]): Promise<number> {
  let yes: boolean | undefined;
  const packages: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-y' || a === '--yes') yes = true;
    else if (a === '--no' || a === '--no-install') yes = false;
    else if (a === '-p' || a === '--package') packages.push(argv[++i] ?? '');
    else if (a.startsWith('--package=')) packages.push(a.slice('--package='.length));
    else if (!a.startsWith('-')) break;
  }
  const command = argv[i];
  const args = argv.slice(i + 1);
  if (command === undefined) throw new NpmError(['Run "npm help exec" for more info'], 1, 'EUSAGE');
  const fs = s.p.fs;
  const { name, spec } = parsePackageArg(packages[0] ?? command);
  const binName = packages.length > 0 ? command : name.slice(name.lastIndexOf('/') + 1);
  const prefix = findPrefix(fs, s.p.cwd);
  // Without a version, a bin the project already has wins.
  if (spec === '' && packages.length === 0) {
    for (let dir = prefix; ; dir = dirname(dir)) {
      const bin = `${dir === '/' ? '' : dir}/node_modules/.bin/${binName}`;
      if (fs.exists(bin)) return run(s, bin, [binName, ...args], `${dir === '/' ? '' : dir}/node_modules/.bin`);
      if (dir === '/') break;
    }
  }
  const p = packument(name);
  if (!p) throw notFound(name, spec);
  const version = pickVersion(p, spec);
  if (version === undefined) throw noMatchingVersion(name, spec);
  const dir = `${s.cacheRoot}/_npx/${hashOf([`${name}@${spec || '*'}`])}`;
  const installed = readVersion(s, `${dir}/node_modules/${name}/package.json`);
  if (installed !== version) {
    if (yes === false) throw new NpmError(['npx canceled due to missing packages and no YES option: ["' + `${name}@${version}` + '"]'], 1, 'ENOEXEC');
    if (yes === undefined) {
      if (s.p.stdin.tty) {
        await s.p.stdout.write(`Need to install the following packages:\n${name}@${version}\nOk to proceed? (y) `);
        let answer = '';
        for await (const line of readLines(s.p.stdin)) {
          answer = line;
          break;
        }
        if (/^n/i.test(answer.trim())) throw new NpmError(['canceled'], 1);
      } else {
        await s.warn(`exec The following package was not found and will be installed: ${name}@${version}`);
      }
    }
    fs.mkdir(dir, { recursive: true });
    fs.writeFile(`${dir}/package.json`, JSON.stringify({ dependencies: { [name]: spec || `^${version}` } }, null, 2) + '\n');
    const quiet = new NpmSession({ p: { ...s.p, cwd: dir, stdout: { write: async () => {} } }, script: '', args: [], packageDir: '', packageVersion: s.version, nodeVersion: s.nodeVersion }, 'install');
    await install(quiet, [], { saveDev: false, saveExact: false, noSave: false, omitDev: false, audit: false, fund: false });
  }
  const manifest = p.manifest(version);
  const bins = Object.keys(manifest.bin);
  const bin = bins.length === 1 ? bins[0]! : bins.includes(binName) ? binName : undefined;
  if (bin === undefined) throw new NpmError(['could not determine executable to run'], 1);
  return run(s, `${dir}/node_modules/.bin/${bin}`, [bin, ...args], `${dir}/node_modules/.bin`);
}

/** libnpmexec runs the bin through run-script, so a failure reads as a failed `sh -c` script does. */
async function run(s: NpmSession, bin: string, command: readonly string[], binDir: string): Promise<number> {
  const env = { ...s.p.env, PATH: `${binDir}:${s.p.env.PATH ?? ''}`, npm_command: 'exec' };
  const status = await s.p.spawn([bin, ...command.slice(1)], { env });
  if (status !== 0 && s.p.signal.aborted) return exitStatusForSignal(s.p.signal.reason);
  if (status !== 0) throw new NpmError([`code ${status}`, `path ${s.p.cwd}`, 'command failed', `command sh -c ${command.join(' ')}`], status);
  return status;
}

function readVersion(s: NpmSession, path: string): string | undefined {
  try {
    return (JSON.parse(s.p.fs.readText(path)) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** npm names an npx install folder after the first 16 hex digits of a SHA-512 of the sorted package specs. */
function hashOf(specs: string[]): string {
  const bytes = sha512(new TextEncoder().encode([...specs].sort().join('\n')));
  return [...bytes.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
