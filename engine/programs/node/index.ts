import type { Program } from '../process.ts';
import { node } from './node.ts';

/**
 * The node runtime's programs for the container registry. npm, npx, tsc and prisma are not listed: in an image
 * they are `#!/usr/bin/env node` scripts, so they reach `node`, which recognises them by their entry point.
 */
export const NODE_PROGRAMS: Record<string, Program> = { node };

export { runApplication } from './app-runtime.ts';
export { nodeVersion } from './version.ts';
