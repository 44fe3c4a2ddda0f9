import type { ScriptContext } from '../tool.ts';
import { generate } from './generate.ts';
import { detectPlatform } from './platform.ts';

/**
 * The prisma CLI (`prisma/build/index.js`). `generate` and `--version` are simulated; the commands that talk to a
 * database (migrate, db, studio) need the container runtime and say so.
 */
export async function prismaCli(ctx: ScriptContext): Promise<number> {
  const { p } = ctx;
  const args = [...ctx.args];
  let schema: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--schema') schema = args[++i];
    else if (a.startsWith('--schema=')) schema = a.slice('--schema='.length);
    else rest.push(a);
  }
  const command = rest[0];
  if (command === '-v' || command === '--version' || command === 'version') {
    const pad = (k: string) => k.padEnd(22);
    await p.stdout.write(`${pad('prisma')}: ${ctx.packageVersion}\n${pad('@prisma/client')}: ${ctx.packageVersion}\n${pad('Computed binaryTarget')}: ${detectPlatform(p.fs).target}\n${pad('Operating System')}: linux\n${pad('Architecture')}: x64\n${pad('Node.js')}: v${ctx.nodeVersion}\n`);
    return 0;
  }
  if (command === 'generate') return generate(ctx, schema);
  if (command === undefined || command === '-h' || command === '--help') {
    await p.stdout.write(`\n◭  Prisma is a modern DB toolkit to query, migrate and model your database (https://www.prisma.io)\n\nUsage\n\n  $ prisma [command]\n\nCommands\n\n            init   Set up Prisma for your app\n        generate   Generate artifacts (e.g. Prisma Client)\n              db   Manage your database schema and lifecycle\n         migrate   Migrate your database\n          studio   Browse your data with Prisma Studio\n        validate   Validate your Prisma schema\n          format   Format your Prisma schema\n         version   Displays Prisma version info\n           debug   Displays Prisma debug info\n\n`);
    return 0;
  }
  await p.stderr.write(`prisma ${command}: not simulated in Dockyard yet (it needs a database, which arrives with the container runtime)\n`);
  return 1;
}
