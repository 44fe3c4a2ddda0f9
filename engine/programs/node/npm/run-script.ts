import { dirname } from '../../../fs/path.ts';
import { exitStatusForSignal } from '../../process.ts';
import { findPrefix, readPackageJson, type PackageJson } from './package-json.ts';
import { NpmError, type NpmSession } from './session.ts';

/**
 * `npm run-script` and its shortcuts (`npm start`, `npm test`): the script runs through `/bin/sh -c` in the
 * project root, with every enclosing `node_modules/.bin` first on PATH and npm's `npm_*` environment, after the
 * `> name@version event` banner, with its `pre`/`post` scripts around it.
 */

const LIFECYCLE = ['prepublish', 'preprepare', 'prepare', 'postprepare', 'prepack', 'postpack', 'preinstall', 'install', 'postinstall', 'prestart', 'start', 'poststart', 'pretest', 'test', 'posttest', 'prestop', 'stop', 'poststop', 'prerestart', 'restart', 'postrestart'];

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_\-./=:@%+,]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function pkgId(pkg: PackageJson): string | undefined {
  if (typeof pkg.name !== 'string') return undefined;
  return typeof pkg.version === 'string' ? `${pkg.name}@${pkg.version}` : pkg.name;
}

export async function runScript(s: NpmSession, event: string | undefined, args: readonly string[]): Promise<number> {
  const fs = s.p.fs;
  const prefix = findPrefix(fs, s.p.cwd);
  const pkg = readPackageJson(fs, prefix);
  const scripts = pkg.scripts ?? {};
  if (event === undefined) return listScripts(s, pkg);
  let command = scripts[event];
  if (command === undefined && event === 'start' && fs.exists(`${prefix === '/' ? '' : prefix}/server.js`)) command = 'node server.js';
  if (command === undefined) {
    throw new NpmError([`Missing script: "${event}"`, '', 'To see a list of scripts, run:', '  npm run']);
  }
  for (const [name, cmd] of [[`pre${event}`, scripts[`pre${event}`]], [event, command], [`post${event}`, scripts[`post${event}`]]] as const) {
    if (cmd === undefined) continue;
    const full = name === event && args.length > 0 ? `${cmd} ${args.map(shellQuote).join(' ')}` : cmd;
    const id = pkgId(pkg);
    await s.out(`\n> ${id ? `${id} ` : ''}${name}\n> ${full}\n\n`);
    const status = await s.p.spawn(['/bin/sh', '-c', full], { cwd: prefix, env: scriptEnv(s, prefix, pkg, name, full) });
    if (status !== 0) {
      if (s.p.signal.aborted) return exitStatusForSignal(s.p.signal.reason);
      throw new NpmError([`code ${status}`, `path ${prefix}`, 'command failed', `command sh -c ${full}`], status);
    }
  }
  return 0;
}

function scriptEnv(s: NpmSession, prefix: string, pkg: PackageJson, event: string, command: string): Record<string, string> {
  const bins: string[] = [];
  for (let dir = prefix; ; dir = dirname(dir)) {
    bins.push(`${dir === '/' ? '' : dir}/node_modules/.bin`);
    if (dir === '/') break;
  }
  const env: Record<string, string> = { ...s.p.env };
  env.PATH = [...bins, '/usr/local/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin', s.p.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'].join(':');
  env.npm_lifecycle_event = event;
  env.npm_lifecycle_script = command;
  if (typeof pkg.name === 'string') env.npm_package_name = pkg.name;
  if (typeof pkg.version === 'string') env.npm_package_version = pkg.version;
  env.npm_package_json = `${prefix === '/' ? '' : prefix}/package.json`;
  env.npm_command = s.command;
  env.npm_config_user_agent = `npm/${s.version} node/v${s.nodeVersion} linux x64 workspaces/false`;
  env.npm_node_execpath = '/usr/local/bin/node';
  env.npm_execpath = '/usr/local/lib/node_modules/npm/bin/npm-cli.js';
  env.NODE = '/usr/local/bin/node';
  env.INIT_CWD = s.p.cwd;
  return env;
}

async function listScripts(s: NpmSession, pkg: PackageJson): Promise<number> {
  const scripts = Object.entries(pkg.scripts ?? {});
  if (scripts.length === 0) return 0;
  const id = pkgId(pkg) ?? '';
  const life = scripts.filter(([k]) => LIFECYCLE.includes(k));
  const other = scripts.filter(([k]) => !LIFECYCLE.includes(k));
  let text = '';
  if (life.length > 0) text += `Lifecycle scripts included in ${id}:\n${life.map(([k, v]) => `  ${k}\n    ${v}\n`).join('')}`;
  if (other.length > 0) text += `${life.length > 0 ? '\n' : ''}available via \`npm run-script\`:\n${other.map(([k, v]) => `  ${k}\n    ${v}\n`).join('')}`;
  await s.out(text);
  return 0;
}
