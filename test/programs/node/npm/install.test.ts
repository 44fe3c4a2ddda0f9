import { describe, expect, it } from 'vitest';
import { nodeMachine, run, type TestMachine } from '../testing.ts';

const PKG = { name: 'app', version: '1.0.0', scripts: { build: 'tsc' }, dependencies: { express: '^4.21.2', dotenv: '^16.4.7' }, devDependencies: { typescript: '^5.7.3' } };

function project(pkg: object = PKG): TestMachine {
  return nodeMachine('node:20', { '/app/package.json': JSON.stringify(pkg, null, 2) + '\n' });
}

const SUMMARY = /^\nadded (\d+) packages, and audited (\d+) packages in \ds\n\n(\d+) packages are looking for funding\n {2}run `npm fund` for details\n\nfound 0 vulnerabilities\n$/;

describe('npm install', () => {
  it('installs the tree into node_modules, links bins and prints the summary', async () => {
    const m = project();
    const r = await run(m, 'npm install');
    expect(r.status).toBe(0);
    const [, added, audited] = SUMMARY.exec(r.stdout) ?? [];
    expect(Number(added)).toBeGreaterThan(60);
    expect(Number(audited)).toBe(Number(added) + 1);
    // The update notice, once a week, as npm 10 prints it outside CI.
    expect(r.stderr).toBe('npm notice\nnpm notice New major version of npm available! 10.8.2 -> 11.4.2\nnpm notice Changelog: https://github.com/npm/cli/releases/tag/v11.4.2\nnpm notice To update run: npm install -g npm@11.4.2\nnpm notice\n');
    const pkg = JSON.parse(m.fs.readText('/app/node_modules/express/package.json')) as { version: string; dependencies: Record<string, string> };
    expect(pkg.version).toBe('4.21.2');
    expect(pkg.dependencies['body-parser']).toBe('1.20.3');
    // A second version nests under the package that needs it.
    expect(JSON.parse(m.fs.readText('/app/node_modules/send/node_modules/ms/package.json')).version).toBe('2.1.3');
    expect(JSON.parse(m.fs.readText('/app/node_modules/ms/package.json')).version).toBe('2.0.0');
    expect(m.fs.readlink('/app/node_modules/.bin/tsc')).toBe('../typescript/bin/tsc');
    expect(m.fs.stat('/app/node_modules/typescript/bin/tsc').mode & 0o111).not.toBe(0);
    // Big packages keep their size without costing memory.
    expect(m.fs.stat('/app/node_modules/typescript/lib/typescript.js').size).toBeGreaterThan(10_000_000);
    const lock = JSON.parse(m.fs.readText('/app/package-lock.json'));
    expect(lock).toMatchObject({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true });
    expect(lock.packages['']).toEqual({ name: 'app', version: '1.0.0', dependencies: PKG.dependencies, devDependencies: PKG.devDependencies });
    expect(lock.packages['node_modules/typescript']).toMatchObject({ version: '5.8.3', resolved: 'https://registry.npmjs.org/typescript/-/typescript-5.8.3.tgz', dev: true, license: 'Apache-2.0', bin: { tsc: 'bin/tsc', tsserver: 'bin/tsserver' } });
    expect(lock.packages['node_modules/typescript'].integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
    expect(lock.packages['node_modules/express'].dev).toBeUndefined();
    const hidden = JSON.parse(m.fs.readText('/app/node_modules/.package-lock.json'));
    expect(Object.keys(hidden.packages)).toEqual(Object.keys(lock.packages).slice(1));
    expect(m.fs.readdir('/root/.npm/_logs')).toHaveLength(1);
  });

  it('is up to date the second time and leaves the lockfile alone', async () => {
    const m = project();
    await run(m, 'npm install');
    const mtime = m.fs.stat('/app/package-lock.json').mtime;
    m.clock.advance(60_000);
    const r = await run(m, 'npm install');
    expect(r.stdout).toMatch(/^\nup to date, audited \d+ packages in \d+m?s\n/);
    expect(r.stderr).toBe('');
    expect(m.fs.stat('/app/package-lock.json').mtime).toBe(mtime);
  });

  it('--package-lock-only writes the lockfile and installs nothing', async () => {
    const m = project();
    const r = await run(m, 'npm install --package-lock-only');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\nup to date, audited \d+ packages in \d+m?s\n/);
    expect(JSON.parse(m.fs.readText('/app/package-lock.json')).packages['node_modules/express'].version).toBe('4.21.2');
    expect(m.fs.exists('/app/node_modules')).toBe(false);
  });

  it('adds named packages to package.json with a caret range, and --save-dev to devDependencies', async () => {
    const m = project({ name: 'app', version: '1.0.0' });
    expect((await run(m, 'npm install express@^4 cors && npm i -D @types/cors')).status).toBe(0);
    const pkg = JSON.parse(m.fs.readText('/app/package.json'));
    expect(pkg.dependencies).toEqual({ cors: '^2.8.5', express: '^4' });
    expect(pkg.devDependencies).toEqual({ '@types/cors': '^2.8.19' });
  });

  it('fails with E404 for a package the registry does not have', async () => {
    const r = await run(project(), 'npm install left-padd');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^npm error code E404\nnpm error 404 Not Found - GET https:\/\/registry\.npmjs\.org\/left-padd - Not found\nnpm error 404\nnpm error 404 {2}'left-padd@\*' is not in this registry\.\nnpm error 404\nnpm error 404 Note that you can also install from a\nnpm error 404 tarball, folder, http url, or git url\.\n(npm notice.*\n)*npm error A complete log of this run can be found in: \/root\/\.npm\/_logs\/2025-07-14T09_00_00_000Z-debug-0\.log\n$/,
    );
  });

  it('without package.json fails with ENOENT (exit 254) and leaves an empty lockfile, as npm 10 does', async () => {
    const m = nodeMachine('node:20', { '/app/.keep': '' });
    const r = await run(m, 'npm install');
    expect(r.status).toBe(254);
    expect(r.stderr).toContain(
      "npm error code ENOENT\nnpm error syscall open\nnpm error path /app/package.json\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '/app/package.json'\nnpm error enoent This is related to npm not being able to find a file.\nnpm error enoent\n",
    );
    expect(r.stderr).toMatch(/npm error A complete log of this run can be found in: \/root\/\.npm\/_logs\/\S+-debug-0\.log\n$/);
    expect(JSON.parse(m.fs.readText('/app/package-lock.json'))).toEqual({ name: 'app', lockfileVersion: 3, requires: true, packages: {} });
    expect((await run(m, 'npm run build')).status).toBe(254);
  });

  it('is deterministic: the same project gives the same bytes', async () => {
    const a = project();
    const b = project();
    const [ra, rb] = [await run(a, 'npm install'), await run(b, 'npm install')];
    expect(ra).toEqual(rb);
    expect(a.fs.readText('/app/package-lock.json')).toBe(b.fs.readText('/app/package-lock.json'));
    expect(a.fs.root).toEqual(b.fs.root);
  });
});

describe('npm ci', () => {
  it('refuses to run without a lockfile, with npm 10 EUSAGE text', async () => {
    const r = await run(project(), 'npm ci');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'npm error code EUSAGE\nnpm error\nnpm error The `npm ci` command can only install with an existing package-lock.json or\nnpm error npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or\nnpm error later to generate a package-lock.json file, then try again.\nnpm error\nnpm error Clean install a project\nnpm error\nnpm error Usage:\nnpm error npm ci\n',
    );
    expect(r.stderr).toContain('npm error aliases: clean-install, ic, install-clean, isntall-clean\nnpm error\nnpm error Run "npm help ci" for more info\n');
  });

  it('installs exactly the lockfile into a fresh node_modules', async () => {
    const m = project();
    await run(m, 'npm install');
    m.fs.writeFile('/app/node_modules/stray.txt', 'x');
    const lock = m.fs.readText('/app/package-lock.json');
    const r = await run(m, 'npm ci --omit=dev');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\nadded \d+ packages, and audited \d+ packages in \ds\n/);
    expect(m.fs.exists('/app/node_modules/stray.txt')).toBe(false);
    expect(m.fs.exists('/app/node_modules/typescript')).toBe(false);
    expect(m.fs.exists('/app/node_modules/express/package.json')).toBe(true);
    expect(m.fs.readText('/app/package-lock.json')).toBe(lock);
  });

  it('fails when package.json and the lockfile disagree', async () => {
    const m = project();
    await run(m, 'npm install');
    m.fs.writeFile('/app/package.json', JSON.stringify({ ...PKG, dependencies: { ...PKG.dependencies, cors: '^2.8.5' } }));
    const r = await run(m, 'npm ci');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'npm error `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.\nnpm error\nnpm error Missing: cors@2.8.5 from lock file\n',
    );
  });

  it('(npm install) stops at Ctrl-C part way through unpacking, exiting 130', async () => {
    const m = project();
    const ctl = new AbortController();
    m.clock.after(1_000, () => ctl.abort('SIGINT'));
    const r = await run(m, 'npm install', '/app', {}, ctl.signal);
    expect(r.status).toBe(130);
    expect(r.stdout).toBe('');
    expect(m.fs.exists('/app/package-lock.json')).toBe(false);
  });
});

describe('npm prune', () => {
  it('--omit=dev removes the devDependencies and their bins, keeping production packages and the lockfile', async () => {
    const m = project();
    await run(m, 'npm install');
    const lock = m.fs.readText('/app/package-lock.json');
    const r = await run(m, 'npm prune --omit=dev');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\nremoved 1 package, and audited \d+ packages in \d+m?s\n/);
    expect(m.fs.exists('/app/node_modules/typescript')).toBe(false);
    expect(m.fs.exists('/app/node_modules/.bin/tsc')).toBe(false);
    expect(m.fs.exists('/app/node_modules/express/package.json')).toBe(true);
    expect(Object.keys(JSON.parse(m.fs.readText('/app/node_modules/.package-lock.json')).packages)).not.toContain('node_modules/typescript');
    expect(m.fs.readText('/app/package-lock.json')).toBe(lock);
  });

  it('removes a package package.json no longer lists', async () => {
    const m = project();
    await run(m, 'npm install');
    m.fs.writeFile('/app/package.json', JSON.stringify({ ...PKG, dependencies: { express: '^4.21.2' } }));
    const r = await run(m, 'npm prune');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\nremoved 1 package, and audited/);
    expect(m.fs.exists('/app/node_modules/dotenv')).toBe(false);
    expect(m.fs.exists('/app/node_modules/typescript')).toBe(true);
  });
});
