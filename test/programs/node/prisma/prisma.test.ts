import { describe, expect, it } from 'vitest';
import { nodeMachine, run } from '../testing.ts';

const SCHEMA = 'generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider = "mongodb"\n  url      = env("DATABASE_URL")\n}\n\nmodel User {\n  id    String @id @default(auto()) @map("_id") @db.ObjectId\n  email String @unique\n}\n';
const PKG = JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { '@prisma/client': '^6.11.1' }, devDependencies: { prisma: '^6.11.1' } });

const GENERATED = /^Prisma schema loaded from (\S+)\n\n✔ Generated Prisma Client \(v6\.11\.1\) to \.\/node_modules\/@prisma\/client in \d+ms\n\nStart by importing your Prisma Client \(See: https:\/\/pris\.ly\/d\/importing-client\)\n\nTip: .+\n\n$/;

describe('prisma generate', () => {
  it('finds prisma/schema.prisma and writes the client with the engine for Debian', async () => {
    const m = nodeMachine('node:20', { '/app/package.json': PKG, '/app/prisma/schema.prisma': SCHEMA });
    await run(m, 'npm install');
    const r = await run(m, 'npx prisma generate');
    expect(r.status).toBe(0);
    expect(GENERATED.exec(r.stdout)?.[1]).toBe('prisma/schema.prisma');
    expect(m.fs.readdir('/app/node_modules/.prisma/client')).toEqual(['default.d.ts', 'default.js', 'index.d.ts', 'index.js', 'libquery_engine-debian-openssl-3.0.x.so.node', 'package.json', 'schema.prisma']);
    expect(m.fs.stat('/app/node_modules/.prisma/client/libquery_engine-debian-openssl-3.0.x.so.node').size).toBeGreaterThan(15_000_000);
    expect(m.fs.readText('/app/node_modules/.prisma/client/schema.prisma')).toBe(SCHEMA);
    expect(m.fs.readText('/app/node_modules/.prisma/client/index.js')).toContain('get user()');
  });

  it('finds ./schema.prisma, as after the seed lesson\'s COPY ./prisma . (through npx from npm\'s cache when prisma is not installed)', async () => {
    const m = nodeMachine('node:20', { '/usr/src/app/package.json': JSON.stringify({ name: 'app', dependencies: { '@prisma/client': '^6.11.1' } }), '/usr/src/app/schema.prisma': SCHEMA });
    await run(m, 'npm install', '/usr/src/app');
    const r = await run(m, 'npx prisma generate', '/usr/src/app');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('npm warn exec The following package was not found and will be installed: prisma@6.11.1\n');
    expect(GENERATED.exec(r.stdout)?.[1]).toBe('schema.prisma');
    expect(m.fs.readdir('/root/.npm/_npx')).toHaveLength(1);
  });

  it('fails as Prisma 6 does when there is no schema', async () => {
    const m = nodeMachine('node:20', { '/app/package.json': PKG });
    await run(m, 'npm install');
    const r = await run(m, 'npx prisma generate');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error: Could not find Prisma Schema that is required for this command\.\nYou can either provide it with `--schema` argument,\n[^]*Checked following paths:\n\nschema\.prisma: file not found\nprisma\/schema\.prisma: file not found\n\nSee also https:\/\/pris\.ly\/d\/prisma-schema-location\nnpm error code 1\nnpm error path \/app\nnpm error command failed\nnpm error command sh -c prisma generate\n/);
  });

  it('picks the musl engine on Alpine', async () => {
    const m = nodeMachine('node:20', { '/app/package.json': PKG, '/app/prisma/schema.prisma': SCHEMA });
    m.fs.rm('/etc/os-release');
    m.fs.writeFile('/etc/os-release', 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.3\n');
    m.fs.mkdir('/lib/apk/db', { recursive: true });
    m.fs.writeFile('/lib/apk/db/installed', 'P:libssl3\nV:3.3.3-r0\n');
    await run(m, 'npm install');
    expect((await run(m, 'node_modules/.bin/prisma generate')).status).toBe(0);
    expect(m.fs.exists('/app/node_modules/.prisma/client/libquery_engine-linux-musl-openssl-3.0.x.so.node')).toBe(true);
    expect(m.fs.exists('/app/node_modules/@prisma/engines/libquery_engine-linux-musl-openssl-3.0.x.so.node')).toBe(true);
  });
});
