// Size (issue 9): a 100,000-file build context. Slower than most tests (seconds), with no timing assertion. The files
// are placed through the host's filesystem in one tree (a shell loop writing them one by one is slow for another
// reason: each write copies its directory's entries).
import { describe, expect, it } from 'vitest';
import { createMachine, playScript } from '../../../engine/index.ts';
import { PROJECT_DIR, USER_GID, USER_UID } from '../../../engine/host/layout.ts';
import { buildTree, makeFile } from '../../../engine/fs/tree.ts';

const FILES = 100_000;

describe('size: a 100,000-file build context', () => {
  it('is sent whole, .dockerignore applies, and a rebuild comes from the cache', { timeout: 300_000 }, async () => {
    const machine = createMachine({ mode: 'headless' });
    const owner = { uid: USER_UID, gid: USER_GID };
    const files = buildTree(
      Array.from({ length: FILES }, (_, i) => ({ path: `f${i}`, entry: makeFile(`${i}\n`, owner) })),
      owner,
    );
    machine.hostFs.putEntry(`${PROJECT_DIR}/files`, files);
    machine.hostFs.writeFile(`${PROJECT_DIR}/Dockerfile`, 'FROM alpine\nCOPY . /app\nRUN ls /app/files | wc -l && cat /app/files/f99998\n');
    // Every name ending in 7: a tenth of the files.
    machine.hostFs.writeFile(`${PROJECT_DIR}/.dockerignore`, 'files/*7\n');
    const [count, build, again, inside] = await playScript(
      machine,
      [
        'ls files | wc -l',
        'docker build --progress=plain -t big .',
        'docker build --progress=plain -t big .',
        'docker run --rm big sh -c "test -e /app/files/f99997 || echo f99997 ignored; cat /app/files/f99996"',
      ].join('\n'),
    );
    expect(count!.stdout).toBe(`${FILES}\n`);
    expect(build!.exitCode, build!.output).toBe(0);
    expect(build!.output).toMatch(/^#\d+ \d+\.\d+ 90000$/m);
    expect(build!.output).toMatch(/^#\d+ \d+\.\d+ 99998$/m);
    expect(again!.output).toMatch(/^#\d+ CACHED$/m);
    expect(again!.output).not.toMatch(/RUN ls .*\n#\d+ \d+\.\d+ 90000/);
    expect(inside!.output).toBe('f99997 ignored\n99996\n');
  });
});
