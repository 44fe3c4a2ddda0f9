import { syntheticContent } from '../../../engine/fs/content.ts';
import { diffIdOf, digestBytes } from '../../../engine/fs/digest.ts';
import { tarChunks } from '../../../engine/fs/tar.ts';
import { buildTree, makeDir, makeFile, makeSymlink } from '../../../engine/fs/tree.ts';
import type { DirEntry } from '../../../engine/fs/types.ts';
import type { SaveImage, SaveLayer } from '../../../engine/image/archive/index.ts';

/**
 * Two small images that share a base layer, made from engine/fs trees: the archive tests and the skopeo check both
 * save them, so what real tools see is what the unit tests pin.
 */

export function layerOf(tree: DirEntry): SaveLayer & { tree: DirEntry } {
  let size = 0;
  for (const c of tarChunks(tree)) size += c.length;
  return { diffId: diffIdOf(tree), size, tar: () => tarChunks(tree), tree };
}

const T = 1717243200; // 2024-06-01T12:00:00Z

export const baseTree = buildTree([
  { path: '/bin/busybox', entry: makeFile(syntheticContent('busybox', 200_000, 'busybox'), { mode: 0o755, mtime: T }) },
  { path: '/bin/sh', entry: makeSymlink('busybox', { mtime: T }) },
  { path: '/etc/os-release', entry: makeFile('NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.0\n', { mtime: T }) },
  { path: '/etc/passwd', entry: makeFile('root:x:0:0:root:/root:/bin/sh\n', { mtime: T }) },
  { path: '/tmp', entry: makeDir([], { mode: 0o1777, mtime: T }) },
], { mtime: T });

export const appTree = buildTree([
  { path: '/app/index.js', entry: makeFile('console.log("hello <world> & more")\n', { uid: 1000, gid: 1000, mtime: T + 60 }) },
  { path: '/etc/.wh.passwd', entry: makeFile('', { mtime: T + 60 }) },
], { mtime: T + 60 });

export const toolTree = buildTree([{ path: '/usr/local/bin/tool', entry: makeFile(syntheticContent('tool', 70_000), { mode: 0o755, mtime: T + 120 }) }], { mtime: T + 120 });

function configJson(created: string, diffIds: string[], config: string, history: string): string {
  return (
    `{"architecture":"amd64","config":${config},"created":"${created}","history":${history},"os":"linux",` +
    `"rootfs":{"type":"layers","diff_ids":[${diffIds.map((d) => `"${d}"`).join(',')}]}}`
  );
}

export function image(repoTags: string[], layers: SaveLayer[], configJsonText: string): SaveImage {
  return { configJson: configJsonText, id: digestBytes(configJsonText), repoTags, layers };
}

export const base = layerOf(baseTree);
export const app = layerOf(appTree);
export const tool = layerOf(toolTree);

export const alpine = image(
  ['alpine:latest'],
  [base],
  configJson(
    '2024-06-01T12:00:00Z',
    [base.diffId],
    '{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["/bin/sh"],"WorkingDir":"/"}',
    '[{"created":"2024-06-01T12:00:00Z","created_by":"ADD rootfs.tar /"},{"created":"2024-06-01T12:00:00Z","created_by":"CMD [\\"/bin/sh\\"]","empty_layer":true}]',
  ),
);

export const webapp = image(
  ['myorg/webapp:1.0', 'myorg/webapp:latest'],
  [base, app, tool],
  configJson(
    '2024-06-01T12:02:00.500Z',
    [base.diffId, app.diffId, tool.diffId],
    '{"User":"1000","ExposedPorts":{"8080/tcp":{}},"Env":["PATH=/usr/local/bin:/usr/bin:/bin"],"Entrypoint":["node"],"Cmd":["index.js"],"WorkingDir":"/app","Labels":{"org.example.team":"a&b"},"ArgsEscaped":true}',
    '[{"created":"2024-06-01T12:00:00Z","created_by":"ADD rootfs.tar /"},{"created":"2024-06-01T12:01:00Z","created_by":"COPY . /app"},{"created":"2024-06-01T12:02:00.5Z","created_by":"COPY tool /usr/local/bin/"}]',
  ),
);
