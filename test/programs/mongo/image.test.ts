import { describe, expect, it } from 'vitest';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import { union } from '../../../engine/fs/union.ts';
import { findCatalogImage } from '../../../engine/image/catalog/index.ts';
import { containerPrograms } from '../../../engine/programs/registry.ts';
import { MONGO_PROGRAMS } from '../../../engine/programs/mongo/index.ts';
import { client, drive, logLines, settle, start, world } from './harness.ts';

/** The mongo image's own files: its entrypoint script, gosu and mongod, run the way the container's PID 1 would. */
function mongoImage(tag: string): TreeFs {
  const image = findCatalogImage('library/mongo', tag);
  if (!image) throw new Error(`no mongo:${tag}`);
  return new TreeFs(union(image.layers.map((l) => l.tree())));
}

describe('the mongo image', () => {
  it('runs docker-entrypoint.sh mongod: gosu drops to mongodb, mongod listens on every interface with its data in /data/db', async () => {
    const w = world();
    const fs = mongoImage('7');
    const m = { fs, clock: w.clock, system: { hostname: w.net.hostname, services: { net: w.net } }, registry: containerPrograms(MONGO_PROGRAMS) };
    const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/data/db', MONGO_VERSION: '7.0.21' };
    const pid1 = start(m, ['docker-entrypoint.sh', 'mongod'], { env });
    await settle(60);
    // Our shell does not know bash's `set -E` yet and says so on stderr (twice: once as root, once after gosu);
    // the script carries on as bash would after `set -Eeuo pipefail`, so only what follows is checked here.
    expect(pid1.stderr.text()).not.toMatch(/gosu|mongod|exec/);
    expect(w.net.listening()).toEqual([{ address: '0.0.0.0', port: 27017 }]);
    const lines = logLines(pid1.stdout);
    expect((lines.find((l) => l.id === 23403)?.attr as { buildInfo: { version: string } }).buildInfo.version).toBe('7.0.21');
    expect(lines.find((l) => l.id === 21951)?.attr).toEqual({ options: { net: { bindIp: '*' } } });
    await drive(w, client(w).db('test').collection('c').insertOne({ a: 1 }));
    expect(fs.stat('/data/db/mongod.lock').uid).toBe(999);
    expect(fs.readdir('/data/db').some((f) => f.startsWith('collection-'))).toBe(true);
    pid1.signal('SIGTERM');
    expect(await pid1.exit).toBe(0);
  });
});
