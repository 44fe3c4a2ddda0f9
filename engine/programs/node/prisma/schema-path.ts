import { resolvePath } from '../../../fs/path.ts';
import type { Fs } from '../../../fs/types.ts';

/**
 * Where Prisma 6 finds the schema: `--schema`, then package.json's `prisma.schema`, then `./schema.prisma`, then
 * `./prisma/schema.prisma`, relative to the working directory; with the errors Prisma prints when a given path
 * is missing or nothing is found.
 */

export type SchemaLookup = { readonly path: string; readonly shown: string } | { readonly error: string };

function isFile(fs: Fs, path: string): boolean {
  try {
    return fs.stat(path).type === 'file';
  } catch {
    return false;
  }
}

export const SCHEMA_NOT_FOUND = `Error: Could not find Prisma Schema that is required for this command.
You can either provide it with \`--schema\` argument,
set it in your \`prisma.config.ts\`,
set it as \`prisma.schema\` in your package.json,
or put it into the default location (\`./prisma/schema.prisma\`, or \`./schema.prisma\`.
Checked following paths:

schema.prisma: file not found
prisma/schema.prisma: file not found

See also https://pris.ly/d/prisma-schema-location
`;

export function findSchema(fs: Fs, cwd: string, flag: string | undefined): SchemaLookup {
  if (flag !== undefined) {
    const path = resolvePath(cwd, flag);
    return isFile(fs, path) ? { path, shown: flag.replace(/^\.\//, '') } : { error: `Error: Could not load \`--schema\` from provided path \`${flag}\`: file or directory not found\n` };
  }
  try {
    const pkg = JSON.parse(fs.readText(`${cwd === '/' ? '' : cwd}/package.json`)) as { prisma?: { schema?: unknown } };
    const configured = pkg.prisma?.schema;
    if (typeof configured === 'string') {
      const path = resolvePath(cwd, configured);
      return isFile(fs, path)
        ? { path, shown: configured.replace(/^\.\//, '') }
        : { error: `Error: Could not load schema from \`${configured}\` provided by "prisma.schema" config of \`package.json\`: file or directory not found\n` };
    }
  } catch {
    // no package.json, or not JSON: Prisma goes on to the default places
  }
  for (const shown of ['schema.prisma', 'prisma/schema.prisma']) {
    const path = resolvePath(cwd, shown);
    if (isFile(fs, path)) return { path, shown };
  }
  return { error: SCHEMA_NOT_FOUND };
}
