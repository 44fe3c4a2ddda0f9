import { describe, expect, it } from 'vitest';
import { nodeMachine, run } from './testing.ts';

describe('node runs application JavaScript', () => {
  it('prints with console.log as node formats values', async () => {
    const m = nodeMachine('node:20', {
      '/app/index.js': [
        "console.log('hello', 42, { a: 1, b: 'two', c: [1, 2, { d: null }] }, [undefined, true]);",
        "console.log('%s is %d years', 'Bob', 42.5, 'extra');",
        'console.log([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);',
        'console.log({ deep: { a: { b: { c: {} } } } }, new Map([["k", 1]]), new Set([1]), function f() {}, class A {});',
        "console.error('oops');",
      ].join('\n'),
    });
    const r = await run(m, 'node index.js');
    expect(r.stderr).toBe('oops\n');
    expect(r.stdout).toBe(
      "hello 42 { a: 1, b: 'two', c: [ 1, 2, { d: null } ] } [ undefined, true ]\n" +
        'Bob is 42.5 years extra\n' +
        '[\n  1, 2, 3, 4,  5,\n  6, 7, 8, 9, 10\n]\n' +
        "{ deep: { a: { b: [Object] } } } Map(1) { 'k' => 1 } Set(1) { 1 } [Function: f] [class A]\n",
    );
    expect(r.status).toBe(0);
  });

  it('loads CommonJS modules: relative files, JSON, node_modules with main and exports, extension and index resolution', async () => {
    const m = nodeMachine('node:20', {
      '/app/index.js': "const lib = require('./lib');\nconst data = require('./data.json');\nconst pkg = require('pkg');\nconst sub = require('pkg/sub');\nconsole.log(lib.name, data.n, pkg, sub, require.resolve('./lib'), __filename, __dirname, require('path').join('a', '..', 'b'));",
      '/app/lib/index.js': "exports.name = 'lib:' + require('./other');",
      '/app/lib/other.js': "module.exports = 'other';",
      '/app/data.json': '{"n": 3}',
      '/app/node_modules/pkg/package.json': '{"name":"pkg","exports":{".":{"require":"./cjs.js","import":"./esm.mjs"},"./sub":"./sub.js"}}',
      '/app/node_modules/pkg/cjs.js': "module.exports = 'pkg-cjs';",
      '/app/node_modules/pkg/sub.js': "module.exports = 'pkg-sub';",
    });
    expect(await run(m, 'node index')).toEqual({ stdout: 'lib:other 3 pkg-cjs pkg-sub /app/lib/index.js /app/index.js /app b\n', stderr: '', status: 0 });
  });

  it('fails a missing require with node 20 text and its require stack', async () => {
    const m = nodeMachine('node:20', { '/app/index.js': "const express = require('express');\n" });
    const r = await run(m, 'node index.js');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^node:internal\/modules\/cjs\/loader:1215\n {2}throw err;\n {2}\^\n\nError: Cannot find module 'express'\nRequire stack:\n- \/app\/index\.js\n {4}at Module\._resolveFilename \(node:internal\/modules\/cjs\/loader:1212:15\)\n/);
    expect(r.stderr).toContain("    at Object.<anonymous> (/app/index.js:1:");
    expect(r.stderr).toMatch(/ \{\n {2}code: 'MODULE_NOT_FOUND',\n {2}requireStack: \[ '\/app\/index\.js' \]\n\}\n\nNode\.js v20\.19\.2\n$/);
  });

  it('prints an uncaught exception with the throw site, the error and its stack, then exits 1', async () => {
    const m = nodeMachine('node:20', { '/app/index.js': "console.log('before');\nfunction fail() {\n  throw new Error('boom');\n}\nfail();\n" });
    const r = await run(m, 'node index.js');
    expect(r.stdout).toBe('before\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^\/app\/index\.js:3\n {2}throw new Error\('boom'\);\n {2}\^\n\nError: boom\n {4}at fail \(\/app\/index\.js:3:/);
    expect(r.stderr).toContain('    at Object.<anonymous> (/app/index.js:5:');
    expect(r.stderr).toMatch(/\n {4}at node:internal\/main\/run_main_module:28:49\n\nNode\.js v20\.19\.2\n$/);
  });

  it('runs timers on the virtual clock and exits when nothing is pending', async () => {
    const m = nodeMachine('node:20', {
      '/app/t.js': "const t0 = Date.now();\nsetTimeout(() => console.log('late', Date.now() - t0), 5000);\nsetTimeout(() => console.log('early', Date.now() - t0), 1000);\nconst i = setInterval(() => { console.log('tick'); clearInterval(i); }, 300);\nprocess.nextTick(() => console.log('tick0'));\nPromise.resolve().then(() => console.log('micro'));\n",
    });
    expect(await run(m, 'node t.js')).toEqual({ stdout: 'tick0\nmicro\ntick\nearly 1000\nlate 5000\n', stderr: '', status: 0 });
  });

  it('honours process.exit, process.exitCode and the exit event', async () => {
    const m = nodeMachine('node:20', {
      '/app/a.js': "process.on('exit', (c) => console.log('exit', c));\nconsole.log('a');\nprocess.exit(3);\nconsole.log('never');\n",
      '/app/b.js': 'process.exitCode = 4;\n',
    });
    expect(await run(m, 'node a.js; echo $?; node b.js; echo $?')).toMatchObject({ stdout: 'a\nexit 3\n3\n4\n', stderr: '' });
  });

  it('evaluates -e and -p, and runs a script from standard input', async () => {
    const m = nodeMachine('node:20');
    expect(await run(m, "node -p '[1, 2].map((x) => x * 2)'; node -e 'console.log(require(\"os\").platform())'; echo 'console.log(6 * 7)' | node", '/')).toEqual({
      stdout: '[ 2, 4 ]\nlinux\n42\n',
      stderr: '',
      status: 0,
    });
  });

  it('reads and writes the container filesystem with fs, with node error objects', async () => {
    const m = nodeMachine('node:20', {
      '/app/f.js': [
        "const fs = require('fs');",
        "fs.writeFileSync('/tmp/x.txt', 'one');",
        "fs.appendFileSync('/tmp/x.txt', ' two');",
        "console.log(fs.readFileSync('/tmp/x.txt', 'utf8'), fs.existsSync('/nope'), fs.statSync('/tmp/x.txt').size);",
        "try { fs.readFileSync('/nope') } catch (e) { console.log(e.message, e.code, e.errno, e.syscall) }",
        "fs.promises.readFile('/tmp/x.txt', 'utf8').then((t) => console.log('promise', t));",
        "fs.readFile('/missing', (err) => console.log('cb', err.code));",
      ].join('\n'),
    });
    expect(await run(m, 'node f.js && cat /tmp/x.txt')).toEqual({
      stdout: "one two false 7\nENOENT: no such file or directory, open '/nope' ENOENT -2 open\npromise one two\ncb ENOENT\none two",
      stderr: '',
      status: 0,
    });
  });

  it('loads ES modules (.mjs and "type": "module") with imports of files, builtins and CommonJS, and top-level await', async () => {
    const m = nodeMachine('node:20', {
      '/app/package.json': '{"type":"module"}',
      '/app/main.js': "import { readFileSync } from 'node:fs';\nimport path from 'path';\nimport { twice } from './lib.js';\nimport cjs from './old.cjs';\nconst v = await Promise.resolve(21);\nconsole.log(twice(v), cjs.x, path.basename(import.meta.url), readFileSync('/app/package.json', 'utf8').length);\n",
      '/app/lib.js': 'export const twice = (n) => n * 2;\n',
      '/app/old.cjs': 'module.exports = { x: "cjs" };\n',
      '/app/bad.mjs': "import x from 'nothere';\n",
    });
    expect(await run(m, 'node main.js')).toEqual({ stdout: '42 cjs main.js 17\n', stderr: '', status: 0 });
    const bad = await run(m, 'node bad.mjs');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'nothere' imported from /app/bad.mjs");
  });

  it('refuses the modules Dockyard does not simulate with a clear error', async () => {
    const m = nodeMachine('node:20', { '/app/c.js': "require('child_process');\n" });
    const r = await run(m, 'node c.js');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Error: Dockyard does not simulate node's 'child_process' module");
  });
});
