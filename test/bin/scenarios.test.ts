// `dockyard scenarios`, `check` and `grade` through the real binary: what teachers and CI run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/dockyard.mjs');
const dockyard = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

const SCENARIO = `id: box
title: A box with a volume
level: beginner
summary: Run a box with its data in a volume.
lesson: Run it.
start:
  project: ../projects/shared
tasks:
  - id: box
    title: Run container box with a named volume at /data
    checks:
      - container: box
        running: true
        mount: { target: /data }
  - id: config
    title: Set the greeting in config.txt
    checks:
      - file: config.txt
        contains: hello
solution: |
  docker run -d --name box -v data:/data alpine sleep 1000
  echo hello > config.txt
note: A test scenario.
examples:
  - attempt: attempts/config-only.sh
    passes: [config]
    messages: { box: "no container named box" }
`;

describe('dockyard scenarios, check and grade', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dockyard-scenarios-'));
    mkdirSync(join(dir, 'box/attempts'), { recursive: true });
    mkdirSync(join(dir, 'projects/shared'), { recursive: true });
    writeFileSync(join(dir, 'projects/shared/config.txt'), 'greeting=\n');
    writeFileSync(join(dir, 'box/scenario.yaml'), SCENARIO);
    writeFileSync(join(dir, 'box/attempts/config-only.sh'), 'echo hello > config.txt\n');
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken/scenario.yaml'), SCENARIO.replace('id: box', 'id: broken').replace('      - container: box', '      - contianer: box'));
    writeFileSync(join(dir, 'wrong.sh'), 'docker run -d --name box -v /data alpine sleep 1000\n');
    writeFileSync(join(dir, 'bad.json'), '{"format":"dockyard-attempt","version":1,"scenario":"box","events":[{"type":"hint","at":-1,"task":"box"}]}');
  });

  it('lists scenarios, reporting the broken one', () => {
    const r = dockyard(['scenarios', '--dir', dir]);
    expect(r.stdout).toBe('box  A box with a volume\n');
    expect(r.stderr).toBe('dockyard: scenario broken: tasks[0].checks[0]: unknown check kind "contianer"\n');
    expect(r.status).toBe(1);
  });

  it('proves a scenario and fails a broken one', () => {
    const ok = dockyard(['check', '--dir', dir, 'box']);
    expect([ok.status, ok.stdout, ok.stderr]).toEqual([0, 'ok box (2 tasks)\n', '']);
    const all = dockyard(['check', '--dir', dir]);
    expect(all.status).toBe(1);
    expect(all.stderr).toContain('dockyard: scenario broken: tasks[0].checks[0]: unknown check kind "contianer"');
  }, 120_000);

  it('grades attempts as a table, JSON or CSV; an unreadable attempt is one error line', () => {
    const wrong = join(dir, 'wrong.sh');
    const table = dockyard(['grade', '--dir', dir, 'box', wrong]);
    expect(table.stdout).toBe(
      `${wrong} (box)\n  ✗ box     container box has an anonymous volume at /data: a new container gets a new, empty one; expected a named volume or a bind mount there\n  ✗ config  config.txt does not contain "hello"\n  score 0/2\n`,
    );
    expect(table.status).toBe(0);
    const json = dockyard(['grade', '--dir', dir, '--json', 'box', join(dir, 'box/attempts/config-only.sh'), join(dir, 'bad.json'), join(dir, 'missing.sh')]);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        attempt: join(dir, 'box/attempts/config-only.sh'),
        scenario: 'box',
        score: 1,
        maxScore: 2,
        passed: false,
        tasks: [
          { id: 'box', title: 'Run container box with a named volume at /data', passed: false, message: 'there is no container named box (there are no containers)' },
          { id: 'config', title: 'Set the greeting in config.txt', passed: true, message: '' },
        ],
      },
    ]);
    expect(json.stderr.split('\n')[0]).toBe(`dockyard: attempt ${join(dir, 'bad.json')}: events[0].at: ${json.stderr.split('events[0].at: ')[1]!.split('\n')[0]}`);
    expect(json.stderr).toContain(`dockyard: attempt ${join(dir, 'missing.sh')}: ENOENT`);
    const csv = dockyard(['grade', '--dir', dir, '--csv', 'box', wrong]);
    expect(csv.stdout).toBe(`attempt,scenario,score,maxScore,passed,box,config\n${wrong},box,0,2,false,0,0\n`);
  }, 120_000);

  it('grades on threads side by side with the same results in the same order as one thread', () => {
    const attempts = [join(dir, 'wrong.sh'), join(dir, 'box/attempts/config-only.sh'), join(dir, 'missing.sh'), join(dir, 'wrong.sh')];
    const threads = dockyard(['grade', '--dir', dir, '--json', '--jobs', '2', 'box', ...attempts]);
    const one = dockyard(['grade', '--dir', dir, '--json', '-j', '1', 'box', ...attempts]);
    expect(JSON.parse(threads.stdout).map((r: { attempt: string; score: number }) => [r.attempt, r.score])).toEqual([
      [attempts[0], 0],
      [attempts[1], 1],
      [attempts[3], 0],
    ]);
    expect([threads.status, threads.stdout, threads.stderr]).toEqual([one.status, one.stdout, one.stderr]);
    const proved = dockyard(['check', '--dir', dir, '--jobs=2']);
    expect(proved.stdout).toBe('ok box (2 tasks)\n');
  }, 180_000);

  it('refuses hostile files with one line each, never a stack trace: an alias bomb, a newer attempt, a huge attempt', () => {
    const hostile = mkdtempSync(join(tmpdir(), 'dockyard-hostile-'));
    mkdirSync(join(hostile, 'bomb'));
    let laughs = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++) laughs += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]\n`;
    writeFileSync(join(hostile, 'bomb/scenario.yaml'), laughs + SCENARIO.replace('id: box', 'id: bomb'));
    const bomb = dockyard(['check', '--dir', hostile, 'bomb']);
    expect([bomb.status, bomb.stderr]).toEqual([1, 'dockyard: scenario bomb: too many aliases (*name): at most 100 expansions are allowed\n']);

    writeFileSync(join(hostile, 'newer.json'), '{"format":"dockyard-attempt","version":2,"scenario":"box","events":[]}');
    const huge = join(hostile, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 65 * 1024 * 1024);
    const graded = dockyard(['grade', '--dir', dir, 'box', join(hostile, 'newer.json'), huge]);
    expect(graded.status).toBe(1);
    expect(graded.stderr).toBe(
      `dockyard: attempt ${join(hostile, 'newer.json')}: version: this attempt was exported by a newer Dockyard (attempt format 2; this one reads up to 1)\n` +
        `dockyard: attempt ${huge}: the file is 65 MB, too large to be an attempt (at most 64 MB)\n`,
    );
  }, 120_000);

  it('exits 2 on bad usage', () => {
    expect(dockyard(['grade', '--jobs', '0', 'box', 'x']).stderr).toBe(`dockyard: invalid --jobs "0": must be a number from 1 to 999\nRun 'dockyard --help' for usage.\n`);
    expect(dockyard(['grade', '--dir', dir, 'box']).status).toBe(2);
    expect(dockyard(['check', '--frobnicate']).stderr).toBe("dockyard: unknown flag: --frobnicate\nRun 'dockyard --help' for usage.\n");
    expect(dockyard(['grade', '--json', '--csv', 'box', 'x']).status).toBe(2);
    // Three starts of the command line (tsx compiles the engine), slow on a busy machine.
  }, 120_000);
});
