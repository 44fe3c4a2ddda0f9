import { describe, expect, it } from 'vitest';
import { dataFs, machine, start, world } from './mongo/harness.ts';

describe('gosu', () => {
  it('runs the command as the user and group passwd gives, with that HOME', async () => {
    const w = world();
    const fs = dataFs(w);
    const run = start(machine(w, fs), ['gosu', 'mongodb', 'sh', '-c', 'id; echo "$HOME"; touch /data/db/x']);
    expect(await run.exit).toBe(0);
    expect(run.stdout.text()).toBe('uid=999(mongodb) gid=999(mongodb) groups=999(mongodb)\n/data/db\n');
    expect(fs.stat('/data/db/x').uid).toBe(999);
  });

  it('takes user:group and numbers', async () => {
    const w = world();
    const run = start(machine(w, dataFs(w)), ['gosu', 'nobody:root', 'id']);
    expect(await run.exit).toBe(0);
    expect(run.stdout.text()).toBe('uid=65534(nobody) gid=0(root) groups=0(root)\n');
  });

  it("words its failures as gosu does (exit 1)", async () => {
    const w = world();
    const m = machine(w, dataFs(w));
    const noUser = start(m, ['gosu', 'mongo', 'id']);
    expect(await noUser.exit).toBe(1);
    expect(noUser.stderr.text()).toBe("error: failed switching to 'mongo': unable to find user mongo: no matching entries in passwd file\n");
    const noCmd = start(m, ['gosu', 'mongodb', 'mongo']);
    expect(await noCmd.exit).toBe(1);
    expect(noCmd.stderr.text()).toBe('error: exec: "mongo": executable file not found in $PATH\n');
    const notRoot = start(m, ['gosu', 'root', 'id'], { uid: 999, gid: 999 });
    expect(await notRoot.exit).toBe(1);
    expect(notRoot.stderr.text()).toBe("error: failed switching to 'root': operation not permitted\n");
    const usage = start(m, ['gosu']);
    expect(await usage.exit).toBe(1);
    expect(usage.stderr.text()).toMatch(/^Usage: gosu user-spec command \[args\]\n {3}eg: gosu tianon bash\n/);
    const version = start(m, ['gosu', '--version']);
    expect(await version.exit).toBe(0);
    expect(version.stdout.text()).toBe('1.17 (go1.18.2 on linux/amd64; gc)\n');
  });
});
