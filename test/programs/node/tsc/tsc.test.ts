import { describe, expect, it } from 'vitest';
import { nodeMachine, run, type TestMachine } from '../testing.ts';

async function withTypescript(files: Record<string, string>): Promise<TestMachine> {
  const m = nodeMachine('node:20', { '/app/package.json': '{"name":"app","version":"1.0.0","devDependencies":{"typescript":"^5.7.3"}}', ...files });
  await run(m, 'npm install');
  return m;
}

describe('tsc', () => {
  it('prints its version, and its help when there is no tsconfig.json', async () => {
    const m = await withTypescript({});
    expect(await run(m, 'npx tsc --version')).toEqual({ stdout: 'Version 5.8.3\n', stderr: '', status: 0 });
    const r = await run(m, 'npx tsc');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Version 5\.8\.3\ntsc: The TypeScript Compiler - Version 5\.8\.3\n\nCOMMON COMMANDS\n/);
  });

  it('follows include, exclude and module: ESM output keeps imports, tsconfig comments are allowed', async () => {
    const m = await withTypescript({
      '/app/tsconfig.json': '{\n  // ESM\n  "compilerOptions": { "module": "esnext", "outDir": "build", },\n  "include": ["lib"],\n  "exclude": ["lib/skip"]\n}\n',
      '/app/lib/a.ts': "import { b } from '../../../../engine/programs/node/tsc/b.js';\nexport const a: number = b + 1;\n",
      '/app/lib/b.ts': 'export const b = 1 as number;\n',
      '/app/lib/skip/c.ts': 'export const c = 3;\n',
      '/app/other.ts': 'export const d = 4;\n',
    });
    expect((await run(m, 'npx tsc')).status).toBe(0);
    expect(m.fs.readdir('/app/build')).toEqual(['a.js', 'b.js']);
    expect(m.fs.readText('/app/build/a.js')).toBe("import { b } from '../../../../engine/programs/node/tsc/b.js';\nexport const a = b + 1;\n");
  });

  it('reports syntax errors tsc-style and exits 2 after emitting the rest', async () => {
    const m = await withTypescript({
      '/app/tsconfig.json': '{ "compilerOptions": { "rootDir": "src", "outDir": "dist" } }',
      '/app/src/ok.ts': 'export const ok = true;\n',
      '/app/src/index.ts': 'const a = 1\nconst b: = 2;\n',
    });
    const r = await run(m, 'npx tsc');
    expect(r).toMatchObject({ stdout: 'src/index.ts(2,10): error TS1109: Expression expected.\n', status: 2 });
    expect(m.fs.exists('/app/dist/ok.js')).toBe(true);
  });

  it('requires sources under rootDir, and emits nothing with noEmitOnError', async () => {
    const m = await withTypescript({
      '/app/tsconfig.json': '{ "compilerOptions": { "rootDir": "src", "outDir": "dist", "noEmitOnError": true } }',
      '/app/src/ok.ts': 'export const ok = true;\n',
      '/app/stray.ts': 'export const stray = 1;\n',
    });
    const r = await run(m, 'npx tsc');
    expect(r).toMatchObject({ stdout: "error TS6059: File '/app/stray.ts' is not under 'rootDir' '/app/src'. 'rootDir' is expected to contain all source files.\n", status: 1 });
    expect(m.fs.exists('/app/dist')).toBe(false);
  });
});
