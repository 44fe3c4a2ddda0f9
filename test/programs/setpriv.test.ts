import { describe, expect, it } from 'vitest';
import type { TreeFs } from '../../engine/fs/tree-fs.ts';
import { setpriv } from '../../engine/programs/setpriv.ts';
import { dataFs, machine as mongoMachine, start, world, type World } from './mongo/harness.ts';

/** The harness's small machine with util-linux's setpriv installed. */
function machine(w: World, fs: TreeFs) {
  fs.writeFile('/usr/bin/setpriv', { kind: 'synthetic', size: 1000, seed: 'setpriv', program: 'setpriv' }, { mode: 0o755 });
  const m = mongoMachine(w, fs);
  return { ...m, registry: { ...m.registry, setpriv } };
}

// util-linux setpriv as redis 8's entrypoint uses it: `setpriv --reuid=redis --regid=redis --clear-groups -- cmd`.
describe('setpriv', () => {
  it('runs the command with the ids asked for (names or numbers), leaving HOME alone', async () => {
    const w = world();
    const fs = dataFs(w);
    const run = start(machine(w, fs), ['setpriv', '--reuid=mongodb', '--regid=mongodb', '--clear-groups', '--', 'sh', '-c', 'id -u; id -g; echo "$HOME"; touch /data/db/x']);
    expect(await run.exit).toBe(0);
    expect(run.stdout.text()).toBe('999\n999\n/root\n');
    expect(fs.stat('/data/db/x').uid).toBe(999);
  });

  it("refuses what util-linux refuses: --regid without a groups choice, no program, an unprivileged caller", async () => {
    const w = world();
    const m = machine(w, dataFs(w));
    const groups = start(m, ['setpriv', '--regid=0', 'id']);
    expect(await groups.exit).toBe(1);
    expect(groups.stderr.text()).toBe('setpriv: --[re]gid requires --keep-groups, --clear-groups, --init-groups, or --groups\n');
    const none = start(m, ['setpriv', '--reuid=0']);
    expect(await none.exit).toBe(1);
    expect(none.stderr.text()).toContain('No program specified');
    const unprivileged = start(m, ['setpriv', '--reuid=0', 'id'], { uid: 999, gid: 999 });
    expect(await unprivileged.exit).toBe(1);
    expect(unprivileged.stderr.text()).toBe('setpriv: setresuid failed: Operation not permitted\n');
  });
});
