import { describe, expect, it } from 'vitest';
import { lintDockerfile, lintParsedSliced } from '../../../engine/dockerfile/lint/index.ts';
import { parseDockerfile } from '../../../engine/dockerfile/parser/index.ts';

describe('lintParsedSliced', () => {
  it('pauses every few thousand instructions and reports what lintDockerfile reports', async () => {
    // Warnings from every pass: casing, scope (undefined variable, relative WORKDIR), instructions (MAINTAINER).
    const lines = ['FROM alpine AS Base', 'MAINTAINER me', 'workdir app'];
    for (let i = 0; i < 10_000; i++) lines.push(i % 1000 === 0 ? `LABEL l${i}=$NOPE` : `LABEL l${i}="value ${i}"`);
    lines.push('CMD node index.js');
    const source = lines.join('\n') + '\n';
    let pauses = 0;
    const sliced = await lintParsedSliced(parseDockerfile(source), {}, async () => void pauses++);
    expect(sliced).toEqual(lintDockerfile(source));
    expect(sliced.map((w) => w.rule)).toEqual(expect.arrayContaining(['StageNameCasing', 'MaintainerDeprecated', 'ConsistentInstructionCasing', 'WorkdirRelativePath', 'UndefinedVar', 'JSONArgsRecommended']));
    expect(pauses).toBeGreaterThanOrEqual(10);
  });
});
