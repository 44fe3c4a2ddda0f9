import { describe, expect, it } from 'vitest';
import { nodeMachine, run } from '../testing.ts';

const PKG = JSON.stringify({ name: 'app', version: '1.0.0', scripts: { build: 'tsc', prebuild: 'echo cleaning', check: 'echo "args: $*"; exit 3' }, devDependencies: { typescript: '^5.7.3' } });

describe('npm run', () => {
  it('runs the script with node_modules/.bin on PATH: npm run build runs tsc, which writes dist/*.js', async () => {
    const m = nodeMachine('node:20', {
      '/app/package.json': PKG,
      '/app/tsconfig.json': '{ "compilerOptions": { "rootDir": "./src", "outDir": "./dist", "module": "commonjs" } }',
      '/app/src/index.ts': "import { greet } from './greet';\nconst who: string = 'world';\nconsole.log(greet(who));\n",
      '/app/src/greet.ts': 'export function greet(name: string): string {\n  return `hello ${name}`;\n}\n',
    });
    await run(m, 'npm install');
    const r = await run(m, 'npm run build');
    expect(r).toEqual({ stdout: '\n> app@1.0.0 prebuild\n> echo cleaning\n\ncleaning\n\n> app@1.0.0 build\n> tsc\n\n', stderr: '', status: 0 });
    expect(m.fs.readdir('/app/dist')).toEqual(['greet.js', 'index.js']);
    const index = m.fs.readText('/app/dist/index.js');
    expect(index).toContain("require('./greet')");
    expect(index).not.toContain(': string');
  });

  it('passes arguments on and reports a failing script as npm 10 does', async () => {
    const m = nodeMachine('node:20', { '/app/package.json': PKG });
    const r = await run(m, 'npm run check -- --fast');
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('\n> app@1.0.0 check\n> echo "args: $*"; exit 3 --fast\n\nargs: \n');
    expect(r.stderr).toMatch(/^npm error code 3\nnpm error path \/app\nnpm error command failed\nnpm error command sh -c echo "args: \$\*"; exit 3 --fast\n/);
  });

  it('names a missing script', async () => {
    const r = await run(nodeMachine('node:20', { '/app/package.json': PKG }), 'npm start');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^npm error Missing script: "start"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error {3}npm run\n/);
  });
});
