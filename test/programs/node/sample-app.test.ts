/**
 * The sample project's package-lock.json is what our npm writes for its package.json: this test regenerates it
 * (with UPDATE_SAMPLE_LOCK=1) or checks that it is still in sync, then builds the project as the seed lesson's
 * first Dockerfile does.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeMachine, run } from './testing.ts';

const DIR = join(import.meta.dirname, '../../../scenarios/projects/node-prisma-app');

function projectFiles(dir: string, base = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, base))) {
    const rel = base ? `${base}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) Object.assign(out, projectFiles(dir, rel));
    else out[`/app/${rel}`] = readFileSync(join(dir, rel), 'utf8');
  }
  return out;
}

describe('scenarios/projects/node-prisma-app', () => {
  it('has the package-lock.json our npm writes for its package.json', async () => {
    const m = nodeMachine('node:20', { '/app/package.json': readFileSync(join(DIR, 'package.json'), 'utf8') });
    expect((await run(m, 'npm install')).status).toBe(0);
    const lock = m.fs.readText('/app/package-lock.json');
    if (process.env.UPDATE_SAMPLE_LOCK) writeFileSync(join(DIR, 'package-lock.json'), lock);
    expect(readFileSync(join(DIR, 'package-lock.json'), 'utf8')).toBe(lock);
  });

  it('builds as the seed Dockerfile does: npm install, npx prisma generate, npm run build', async () => {
    const m = nodeMachine('node:20', projectFiles(DIR));
    const install = await run(m, 'npm install');
    expect(install.stdout).toMatch(/^\nadded \d+ packages, and audited \d+ packages in \ds\n/);
    const generate = await run(m, 'npx prisma generate');
    expect(generate.stdout).toMatch(/^Environment variables loaded from \.env\nPrisma schema loaded from prisma\/schema\.prisma\n\n✔ Generated Prisma Client \(v6\.11\.1\) to \.\/node_modules\/@prisma\/client in \d+ms\n/);
    expect(await run(m, 'npm run build')).toEqual({ stdout: '\n> node-prisma-app@1.0.0 build\n> tsc\n\n', stderr: '', status: 0 });
    expect(m.fs.readText('/app/dist/index.js')).toContain("require('express')");
    const start = await run(m, 'node dist/index.js');
    // Prisma's generated client is not simulated: the app fails honestly where it loads it.
    expect(start.status).toBe(1);
    expect(start.stderr).toContain("Error: Dockyard does not simulate the npm package '@prisma/client'");
  });
});
