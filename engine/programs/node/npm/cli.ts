import type { ScriptContext } from '../tool.ts';
import { exec } from './exec.ts';
import { ci, install, prune, type InstallOptions } from './install.ts';
import { runScript } from './run-script.ts';
import { NpmError, NpmSession } from './session.ts';

/**
 * The npm CLI (`npm-cli.js`): npm 10's commands for building and running a project. Options may come anywhere on
 * the line, as npm's nopt parsing allows; everything after `--` belongs to the script being run.
 */

const ALIASES: Readonly<Record<string, string>> = {
  install: 'install', i: 'install', in: 'install', ins: 'install', inst: 'install', insta: 'install', instal: 'install', isnt: 'install', isnta: 'install', isntal: 'install', isntall: 'install', add: 'install',
  ci: 'ci', 'clean-install': 'ci', ic: 'ci', 'install-clean': 'ci', 'isntall-clean': 'ci',
  run: 'run-script', 'run-script': 'run-script', rum: 'run-script', urn: 'run-script',
  start: 'start', test: 'test', t: 'test', tst: 'test',
  exec: 'exec', x: 'exec',
  prune: 'prune',
};

/** Flags that take the next word as their value when not written `--flag=value`. */
const WITH_VALUE = new Set(['--omit', '--include', '--loglevel', '--prefix', '-C', '--registry', '--cache', '--only', '--install-strategy', '-w', '--workspace', '--tag']);

interface Parsed {
  readonly positional: string[];
  readonly passthrough: string[];
  readonly flags: Map<string, string>;
}

function parse(args: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  let passthrough: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      passthrough = args.slice(i + 1);
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(0, eq), a.slice(eq + 1));
      else if (WITH_VALUE.has(a)) flags.set(a, args[++i] ?? '');
      else flags.set(a, 'true');
      continue;
    }
    positional.push(a);
  }
  return { positional, passthrough, flags };
}

function installOptions(f: Map<string, string>): InstallOptions {
  const off = (k: string) => f.get(k) === 'false';
  return {
    saveDev: f.has('-D') || f.has('--save-dev'),
    saveExact: f.has('-E') || f.has('--save-exact'),
    noSave: f.has('--no-save'),
    omitDev: f.get('--omit') === 'dev' || f.has('--production') || ['prod', 'production'].includes(f.get('--only') ?? ''),
    audit: !f.has('--no-audit') && !off('--audit'),
    fund: !f.has('--no-fund') && !off('--fund'),
    lockOnly: f.has('--package-lock-only') && !off('--package-lock-only'),
  };
}

const USAGE = (version: string) => `npm <command>

Usage:

npm install        install all the dependencies in your project
npm install <foo>  add the <foo> dependency to your project
npm test           run this project's tests
npm run <foo>      run the script named <foo>
npm <command> -h   quick help on <command>
npm -l             display usage info for all commands
npm help <term>    search for help on <term>
npm help npm       more involved overview

All commands:

    access, adduser, audit, bugs, cache, ci, completion,
    config, dedupe, deprecate, diff, dist-tag, docs, doctor,
    edit, exec, explain, explore, find-dupes, fund, get, help,
    help-search, hook, init, install, install-ci-test,
    install-test, link, ll, login, logout, ls, org, outdated,
    owner, pack, ping, pkg, prefix, profile, prune, publish,
    query, rebuild, repo, restart, root, run-script, sbom,
    search, set, shrinkwrap, star, stars, start, stop, team,
    test, token, uninstall, unpublish, unstar, update, version,
    view, whoami

Specify configs in the ini-formatted file:
    /root/.npmrc
or on the command line via: npm <command> --key=value

More configuration info: npm help config
Configuration fields: npm help 7 config

npm@${version} /usr/local/lib/node_modules/npm
`;

export async function npmCli(ctx: ScriptContext): Promise<number> {
  const { positional, passthrough, flags } = parse(ctx.args);
  if (positional.length === 0 && (flags.has('-v') || flags.has('--version'))) {
    await ctx.p.stdout.write(`${ctx.packageVersion}\n`);
    return 0;
  }
  const word = positional[0];
  if (word === undefined) {
    await ctx.p.stdout.write(USAGE(ctx.packageVersion));
    return 1;
  }
  const command = ALIASES[word];
  const s = new NpmSession(ctx, command ?? word);
  try {
    let status = 0;
    switch (command) {
      case 'install':
        await install(s, positional.slice(1), installOptions(flags));
        break;
      case 'ci':
        await ci(s, installOptions(flags));
        break;
      case 'prune':
        await prune(s, installOptions(flags));
        break;
      case 'run-script':
        status = await runScript(s, positional[1], [...positional.slice(2), ...passthrough]);
        break;
      case 'start':
      case 'test':
        status = await runScript(s, command, [...positional.slice(1), ...passthrough]);
        break;
      case 'exec':
        status = await exec(s, [...positional.slice(1), ...(passthrough.length > 0 ? ['--', ...passthrough] : [])]);
        break;
      default:
        throw new NpmError([`Unknown command: "${word}"`, '', 'To see a list of supported npm commands, run:', '  npm help']);
    }
    return await s.finish(undefined, status);
  } catch (e) {
    if (e instanceof NpmError) return s.finish(e);
    throw e;
  }
}
