import { syntheticContent } from '../../../fs/content.ts';
import type { Fs } from '../../../fs/types.ts';
import { detectPlatform, queryEngineFile, QUERY_ENGINE_SIZE, SCHEMA_ENGINE_SIZE } from '../prisma/platform.ts';
import type { TreeNode } from './tree.ts';

/**
 * The install scripts of the catalog packages whose postinstall leaves files behind: Prisma's engines download
 * (into @prisma/engines, for this machine's platform) and @prisma/client's placeholder in node_modules/.prisma,
 * which `prisma generate` replaces. npm 10 runs install scripts without showing their output.
 */
export function runInstallScript(fs: Fs, root: string, node: TreeNode): void {
  const dir = `${root}/${node.location}`;
  if (node.name === '@prisma/engines') {
    const { target } = detectPlatform(fs);
    fs.writeFile(`${dir}/${queryEngineFile(target)}`, syntheticContent(`prisma-engines:${node.version}:${queryEngineFile(target)}`, QUERY_ENGINE_SIZE));
    fs.writeFile(`${dir}/schema-engine-${target}`, syntheticContent(`prisma-engines:${node.version}:schema-engine-${target}`, SCHEMA_ENGINE_SIZE), { mode: 0o755 });
  } else if (node.name === '@prisma/client') {
    const client = `${root}/node_modules/.prisma/client`;
    fs.mkdir(client, { recursive: true });
    const stub = `class PrismaClient {\n  constructor() {\n    throw new Error(\n      '@prisma/client did not initialize yet. Please run "prisma generate" and try to import it again.',\n    )\n  }\n}\n\nmodule.exports = {\n  PrismaClient,\n}\n`;
    fs.writeFile(`${client}/default.js`, stub);
    fs.writeFile(`${client}/index.js`, stub);
    fs.writeFile(`${client}/default.d.ts`, "export * from './index'\n");
    fs.writeFile(`${client}/index.d.ts`, '/**\n * Prisma Client placeholder: run `prisma generate`.\n */\nexport declare const PrismaClient: any\n');
  }
}
