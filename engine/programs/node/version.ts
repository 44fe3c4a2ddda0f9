import type { Process } from '../process.ts';

/**
 * Which node this is. A real node binary carries its version inside; ours is a synthetic file, so the version is
 * read from what the official tarball installs beside the binary, `include/node/node_version.h`, and when the image
 * has no such header (the catalog keeps only part of /usr/local/include), from `NODE_VERSION`, which every official
 * node image sets to the version it unpacked. A machine with neither reports the fallback below, said out loud.
 */

const HEADERS = ['/usr/local/include/node/node_version.h', '/usr/include/node/node_version.h'];

/** What a node that cannot tell its own version says: the node:20 default, the catalog's most used image. */
export const FALLBACK_NODE_VERSION = '20.19.2';

/** `20.19.2`, without the `v`. */
export function nodeVersion(p: Process): string {
  for (const path of HEADERS) {
    try {
      const text = p.fs.readText(path);
      const n = (k: string) => new RegExp(`#define NODE_${k}_VERSION (\\d+)`).exec(text)?.[1];
      const [major, minor, patch] = [n('MAJOR'), n('MINOR'), n('PATCH')];
      if (major && minor && patch) return `${major}.${minor}.${patch}`;
    } catch {
      // not there: try the next source
    }
  }
  const env = p.env.NODE_VERSION;
  return env && /^\d+\.\d+\.\d+$/.test(env) ? env : FALLBACK_NODE_VERSION;
}

export function nodeMajor(version: string): number {
  return Number(version.split('.')[0]);
}

/** The npm bundled with this node, from its own package.json (what `npm --version` prints). */
export function npmVersion(p: Process, npmDir = '/usr/local/lib/node_modules/npm'): string {
  try {
    const json = JSON.parse(p.fs.readText(`${npmDir}/package.json`)) as { version?: string };
    if (json.version) return json.version;
  } catch {
    // fall through
  }
  return '10.8.2';
}
