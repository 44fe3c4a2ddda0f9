import { describe, expect, it } from 'vitest';
import { lintDockerfile, parseCheckDirective } from '../../../engine/dockerfile/lint/index.ts';

const BAD = 'FROM a as b\nMAINTAINER me\n';
const rules = (src: string) => lintDockerfile(src).map((w) => w.rule);

describe('# check= directive', () => {
  it('skips the listed rules', () => {
    expect(rules(BAD)).toEqual(['FromAsCasing', 'MaintainerDeprecated']);
    expect(rules('# check=skip=FromAsCasing\n' + BAD)).toEqual(['MaintainerDeprecated']);
    expect(rules('# check=skip=FromAsCasing,MaintainerDeprecated\n' + BAD)).toEqual([]);
  });

  it('skip=all silences everything', () => {
    expect(rules('# check=skip=all\n' + BAD)).toEqual([]);
  });

  it('error=true turns warnings into errors', () => {
    const ws = lintDockerfile('# syntax=docker/dockerfile:1\n# check=skip=MaintainerDeprecated;error=true\n' + BAD);
    expect(ws.map((w) => [w.rule, w.level, w.line])).toEqual([['FromAsCasing', 'error', 3]]);
  });

  it('is only a directive at the top of the file', () => {
    expect(rules('FROM a as b\n# check=skip=all\n')).toEqual(['FromAsCasing']);
  });

  it('parses keys case-insensitively and ignores junk', () => {
    expect(parseCheckDirective('SKIP=A, B ; Error=TRUE; x')).toEqual({ skipAll: false, skip: new Set(['A', 'B']), error: true });
  });
});
