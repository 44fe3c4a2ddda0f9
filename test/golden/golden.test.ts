// Golden transcripts: each folder under test/golden/cases holds `script.sh` (what the user types), optionally a
// `project/` folder (copied into the host's working directory) or a `project.path` file naming one elsewhere in the
// repository (a shipped sample project), and `seed`, and `expected.txt`, the exact transcript
// `dockyard play` must print. Run with UPDATE_GOLDEN=1 to rewrite expected files after a deliberate change, then
// read the diff: every byte of it is a claim about what real Docker or the real shell prints.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMachine } from '../../engine/index.ts';
import { formatTranscript, playScript } from '../../engine/host/play.ts';
import { readProject } from '../../bin/project-io.ts';

const casesDir = join(import.meta.dirname, 'cases');
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden transcripts', () => {
  for (const name of readdirSync(casesDir).sort()) {
    const dir = join(casesDir, name);
    it(name, async () => {
      const script = readFileSync(join(dir, 'script.sh'), 'utf8');
      const project = existsSync(join(dir, 'project')) ? readProject(join(dir, 'project')) : existsSync(join(dir, 'project.path')) ? readProject(resolve(dir, readFileSync(join(dir, 'project.path'), 'utf8').trim())) : [];
      const seed = existsSync(join(dir, 'seed')) ? Number(readFileSync(join(dir, 'seed'), 'utf8').trim()) : 0;
      const machine = createMachine({ seed, project, mode: 'headless' });
      const actual = formatTranscript(await playScript(machine, script));
      const expectedFile = join(dir, 'expected.txt');
      if (update) writeFileSync(expectedFile, actual);
      expect(existsSync(expectedFile), `${expectedFile} is missing: write it (UPDATE_GOLDEN=1) and check it by hand`).toBe(true);
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
