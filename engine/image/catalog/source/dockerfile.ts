import type { LayerSpec, Step } from './types.ts';

/**
 * History entries as BuildKit writes them (comment `buildkit.dockerfile.v0`). RUN lines are given already joined
 * the way the Dockerfile parser joins continuation lines (backslash-newline dropped, the next line's indentation
 * kept, comment lines removed), so they read exactly as `docker history --no-trunc` prints them.
 */

export const BUILDKIT = 'buildkit.dockerfile.v0';

export function run(created: string, command: string, layer: LayerSpec): Step {
  return { created, createdBy: `RUN /bin/sh -c ${command} # buildkit`, comment: BUILDKIT, layer };
}

export function copy(created: string, args: string, layer: LayerSpec): Step {
  return { created, createdBy: `COPY ${args} # buildkit`, comment: BUILDKIT, layer };
}

export function add(created: string, args: string, layer: LayerSpec): Step {
  return { created, createdBy: `ADD ${args} # buildkit`, comment: BUILDKIT, layer };
}

/** ENV, LABEL, WORKDIR, USER, STOPSIGNAL, ARG...: the instruction as written, no `# buildkit`. */
export function meta(created: string, line: string): Step {
  return { created, createdBy: line, comment: BUILDKIT };
}

/** CMD/ENTRYPOINT in history are Go's `%q` of the list: `CMD ["nginx" "-g" "daemon off;"]`. */
export function execForm(created: string, instruction: 'CMD' | 'ENTRYPOINT', args: readonly string[]): Step {
  return meta(created, `${instruction} [${args.map((a) => JSON.stringify(a)).join(' ')}]`);
}

/** `EXPOSE map[80/tcp:{}]`: the dockerfile frontend before 1.19 printed the port map with Go's %v. */
export function expose(created: string, ...ports: string[]): Step {
  return meta(created, `EXPOSE map[${[...ports].sort().map((p) => `${p}:{}`).join(' ')}]`);
}

export function volume(created: string, ...paths: string[]): Step {
  return meta(created, `VOLUME [${paths.join(' ')}]`);
}

/**
 * Joins Dockerfile continuation lines as BuildKit's parser does: a trailing backslash is dropped and the next
 * line follows directly (its indentation kept), comment lines and blank lines inside the instruction vanish.
 */
export function joined(text: string): string {
  let out = '';
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    out += line.endsWith('\\') ? line.slice(0, -1) : line;
  }
  return out;
}

/** RUN with build ARGs in scope: BuildKit records them first, `RUN |2 A=x B=y /bin/sh -c ...`. */
export function runWithArgs(created: string, args: readonly string[], command: string, layer: LayerSpec): Step {
  return { created, createdBy: `RUN |${args.length} ${args.join(' ')} /bin/sh -c ${command} # buildkit`, comment: BUILDKIT, layer };
}

/**
 * BuildKit's WORKDIR always commits a layer, empty when the directory already exists: its tar is the two zero
 * blocks alone, which is why `sha256:5f70bf18…` (the gzip `4f4fb700…` on the wire) turns up in so many images.
 * One spec serves them all, so the store keeps it once as Docker does.
 */
export const EMPTY_LAYER: LayerSpec = { key: 'empty', created: '1970-01-01T00:00:00Z', compressed: 32, build: () => undefined };

export function workdir(created: string, path: string): Step {
  return { created, createdBy: `WORKDIR ${path}`, comment: BUILDKIT, layer: EMPTY_LAYER };
}
