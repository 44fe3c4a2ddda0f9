import { dirname } from '../../fs/path.ts';
import type { Fs } from '../../fs/types.ts';
import { npmCli } from './npm/cli.ts';
import { npxCli } from './npm/exec.ts';
import { prismaCli } from './prisma/cli.ts';
import type { Tool } from './tool.ts';
import { tscCli } from './tsc/cli.ts';

/**
 * The JavaScript files node runs as simulated tools, by package name and path inside the package. A script is
 * recognised by where it really lives (after symlinks: `node_modules/.bin/tsc` is `typescript/bin/tsc`), so the
 * files npm writes for a package's `bin` work through the same table as npm's own entry points.
 */
const ENTRY_POINTS: Readonly<Record<string, Readonly<Record<string, Tool>>>> = {
  npm: { 'bin/npm-cli.js': npmCli, 'bin/npx-cli.js': npxCli },
  typescript: { 'bin/tsc': tscCli },
  prisma: { 'build/index.js': prismaCli },
};

export interface EntryPoint {
  readonly tool: Tool;
  readonly packageDir: string;
  readonly packageVersion: string;
}

/** The tool a script (a real path) is, or undefined for application code. */
export function findEntryPoint(fs: Fs, script: string): EntryPoint | undefined {
  for (let dir = dirname(script); ; dir = dirname(dir)) {
    let json: { name?: unknown; version?: unknown } | undefined;
    try {
      json = JSON.parse(fs.readText(`${dir === '/' ? '' : dir}/package.json`)) as typeof json;
    } catch {
      json = undefined;
    }
    if (json && typeof json.name === 'string') {
      const tool = ENTRY_POINTS[json.name]?.[script.slice(dir.length + 1)];
      return tool ? { tool, packageDir: dir, packageVersion: typeof json.version === 'string' ? json.version : '0.0.0' } : undefined;
    }
    if (dir === '/') return undefined;
  }
}
