import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARSER_SUITES, runBuildkitConformance } from '../../bin/conformance.ts';

// CI checks shared/ out beside the clone, so the corpus sits one level above the repository root.
const CORPUS = fileURLToPath(new URL('../../../shared/conformance/buildkit', import.meta.url));

describe.runIf(existsSync(CORPUS))('BuildKit conformance corpus', async () => {
  const reports = await runBuildkitConformance(CORPUS);

  it.each(PARSER_SUITES.map((name) => [name]))('%s: every case passes', (name) => {
    const report = reports.find((r) => r.name === name);
    expect(report?.skipped).toBeUndefined();
    expect(report?.failures).toEqual([]);
    expect(report?.passed).toBeGreaterThan(0);
  });

  // The word suites run once engine/dockerfile/words exists; until then the runner reports them skipped.
  it.each([['envVarTest'], ['wordsTest']])('%s: every case passes when word expansion is present', (name) => {
    expect(reports.find((r) => r.name === name)?.failures).toEqual([]);
  });
});
