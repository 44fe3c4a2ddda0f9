import { describe, expect, it } from 'vitest';
import { nodeMachine, run } from './testing.ts';

describe('node', () => {
  it('tells its version from the image, as --version and -p', async () => {
    const m = nodeMachine('node:20');
    expect(await run(m, 'node --version; node -v; node -p process.version; node -e ""')).toEqual({ stdout: 'v20.19.2\nv20.19.2\nv20.19.2\n', stderr: '', status: 0 });
    // Without the image's NODE_VERSION, the header the official tarball installs is the source.
    m.fs.writeFile('/usr/local/include/node/node_version.h', '#define NODE_MAJOR_VERSION 20\n#define NODE_MINOR_VERSION 19\n#define NODE_PATCH_VERSION 3\n');
    expect((await run(m, 'node --version', '/', { NODE_VERSION: '' })).stdout).toBe('v20.19.3\n');
  });

  it('fails on a missing script as node 20 does', async () => {
    const r = await run(nodeMachine('node:20'), 'mkdir -p /app && node dist/index.js');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "node:internal/modules/cjs/loader:1215\n  throw err;\n  ^\n\nError: Cannot find module '/app/dist/index.js'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1212:15)\n    at Module._load (node:internal/modules/cjs/loader:1043:27)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v20.19.2\n",
    );
  });

  it('runs application JavaScript from the image filesystem', async () => {
    const m = nodeMachine('node:20', { '/app/dist/index.js': "console.log('hi')\n" });
    expect(await run(m, 'node dist/index.js')).toEqual({ stdout: 'hi\n', stderr: '', status: 0 });
  });

  it('reaches npm through the #! script and env, as RUN npm does', async () => {
    const m = nodeMachine('node:20');
    expect(await run(m, 'npm --version && npm -v && npx --version', '/')).toMatchObject({ stdout: '10.8.2\n10.8.2\n10.8.2\n', status: 0 });
    expect((await run(nodeMachine('node:22'), 'npm --version', '/')).stdout).toBe('10.9.2\n');
  });
});
