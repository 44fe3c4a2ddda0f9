// Size (issue 9): a 5 MB Dockerfile. Slower than most tests (seconds), with no timing assertion: the figures for how
// long the page stays busy are in test/bench/size.bench.ts.
import { describe, expect, it } from 'vitest';
import { createMachine, playScript } from '../../engine/index.ts';
import { PROJECT_DIR } from '../../engine/host/layout.ts';

const FIVE_MB = 5 * 1024 * 1024;

/** `FROM alpine` then LABEL lines, as many as it takes to pass 5 MB. */
function labelDockerfile(): { text: string; count: number } {
  const lines = ['FROM alpine'];
  let size = lines[0]!.length + 1;
  let count = 0;
  while (size < FIVE_MB) {
    const line = `LABEL org.example.label${count}="value number ${count} of a very long Dockerfile"`;
    lines.push(line);
    size += line.length + 1;
    count++;
  }
  return { text: lines.join('\n') + '\n', count };
}

describe('size: a 5 MB Dockerfile', () => {
  it('of LABEL lines builds, and the image carries every label', { timeout: 300_000 }, async () => {
    const machine = createMachine({ mode: 'headless' });
    const { text, count } = labelDockerfile();
    expect(text.length).toBeGreaterThan(FIVE_MB);
    machine.hostFs.writeFile(`${PROJECT_DIR}/Dockerfile`, text);
    const [build, labels, last] = await playScript(
      machine,
      [
        'docker build -q -t huge .',
        "docker inspect -f '{{len .Config.Labels}}' huge",
        `docker inspect -f '{{index .Config.Labels "org.example.label${count - 1}"}}' huge`,
      ].join('\n'),
    );
    expect(build!.exitCode, build!.output).toBe(0);
    expect(labels!.stdout).toBe(`${count}\n`);
    expect(last!.stdout).toBe(`value number ${count - 1} of a very long Dockerfile\n`);
  });

  it('of one 5 MB RUN line fails as BuildKit does: a line longer than its scanner takes', { timeout: 120_000 }, async () => {
    const machine = createMachine({ mode: 'headless' });
    machine.hostFs.writeFile(`${PROJECT_DIR}/Dockerfile`, `FROM alpine\nRUN echo ${'x'.repeat(FIVE_MB)}\n`);
    const [build] = await playScript(machine, 'docker build -t huge .');
    expect(build!.exitCode).toBe(1);
    expect(build!.stderr).toMatch(/^ERROR: failed to solve: dockerfile parse error on line 2: dockerfile line greater than max allowed size of 65535$/m);
  });
});
