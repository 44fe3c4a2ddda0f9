import { describe, expect, it } from 'vitest';
import { createMachine, playScript } from '../../engine/index.ts';

// Images the legacy builder commits have parents: rmi, image prune and inspect follow moby's rules for them.
describe('images with parents (legacy builder steps)', () => {
  const build = async (script: string) => {
    const project = [{ path: 'Dockerfile', type: 'file' as const, content: 'FROM alpine:3.22\nENV A=1\nRUN echo hi > /hi\n' }];
    const machine = createMachine({ mode: 'headless', project });
    return playScript(machine, `docker pull -q alpine:3.22\nDOCKER_BUILDKIT=0 docker build -q -t legacy .\n${script}`);
  };

  it('inspect shows the parent, and an intermediate image with children cannot be removed', async () => {
    const out = await build('docker inspect --format "{{.Parent}}" legacy\ndocker images -aq | wc -l\nparent=$(docker inspect --format "{{.Parent}}" legacy)\ndocker rmi $parent\n');
    expect(out[2]!.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    // alpine, the ENV step's image and the final one.
    expect(out[3]!.stdout.trim()).toBe('3');
    expect(out[5]!.stderr).toMatch(/^Error response from daemon: conflict: unable to delete [0-9a-f]{12} \(cannot be forced\) - image has dependent child images\n$/);
  });

  it('image prune leaves intermediate images alone; rmi of the tag removes the chain down to the base', async () => {
    const out = await build('docker image prune -f\ndocker rmi legacy | grep -c Deleted\ndocker images -aq | wc -l\n');
    expect(out[2]!.stdout).toBe('Total reclaimed space: 0B\n');
    // The image, the one layer RUN added, then its untagged parent (the ENV step's image); alpine stays.
    expect(out[3]!.stdout.trim()).toBe('3');
    expect(out[4]!.stdout.trim()).toBe('1');
  });

  it('history names each row\'s image while the parent chain is local, then <missing>', async () => {
    const out = await build('docker history --format "{{.ID}} {{.CreatedBy}}" legacy\n');
    const rows = out[2]!.stdout.trim().split('\n');
    expect(rows.map((r) => r.split(' ')[0]!.length)).toEqual([12, 12, 12, 9]);
    expect(rows[1]).toMatch(/^[0-9a-f]{12} \/bin\/sh -c #\(nop\) {2}ENV A=1$/);
    expect(rows[3]).toMatch(/^<missing> ADD alpine-minirootfs/);
  });
});
