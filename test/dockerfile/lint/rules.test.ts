import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../../engine/dockerfile/lint/index.ts';

const brief = (src: string, buildArgs?: Record<string, string>) =>
  lintDockerfile(src, buildArgs === undefined ? {} : { buildArgs }).map((w) => [w.rule, w.message, w.line] as const);

// Each case: a minimal Dockerfile that trips the rule, the exact message and line, and a fixed one that does not.
const cases: [rule: string, bad: string, message: string, line: number, good: string][] = [
  ['JSONArgsRecommended', 'FROM a\nCMD node x.js\n', 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals', 2, 'FROM a\nCMD ["node", "x.js"]\n'],
  ['JSONArgsRecommended', 'FROM a\nENTRYPOINT node\n', 'JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals', 2, 'FROM a\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT node\n'],
  ['FromAsCasing', 'FROM a as b\n', "'as' and 'FROM' keywords' casing do not match", 1, 'FROM a AS b\n'],
  ['StageNameCasing', 'FROM a AS Builder\n', "Stage name 'Builder' should be lowercase", 1, 'FROM a AS builder\n'],
  ['MaintainerDeprecated', 'FROM a\nMAINTAINER me\n', 'Maintainer instruction is deprecated in favor of using label', 2, 'FROM a\nLABEL org.opencontainers.image.authors=me\n'],
  ['NoEmptyContinuation', 'FROM a\nRUN a \\\n\n  b\n', 'Empty continuation line', 2, 'FROM a\nRUN a \\\n  b\n'],
  ['ConsistentInstructionCasing', 'FROM a\nRUN x\nrun y\n', "Command 'run' should match the case of the command majority (uppercase)", 3, 'FROM a\nRUN x\nRUN y\n'],
  ['DuplicateStageName', 'FROM a AS x\nFROM b AS x\n', 'Duplicate stage name "x", stage names should be unique', 2, 'FROM a AS x\nFROM b AS y\n'],
  ['ReservedStageName', 'FROM a AS scratch\n', 'Stage name should not use the same name as reserved stage "scratch"', 1, 'FROM a AS base\n'],
  ['UndefinedVar', 'FROM a\nCOPY $foo .\n', "Usage of undefined variable '$foo'", 2, 'FROM a\nARG foo\nCOPY $foo .\n'],
  ['UndefinedVar', 'FROM a\nENV PYTHONPATH=/app\nENV X=$PYTHONPAT\n', "Usage of undefined variable '$PYTHONPAT' (did you mean $PYTHONPATH?)", 3, 'FROM a\nENV PYTHONPATH=/app\nENV X=$PYTHONPATH\n'],
  ['UndefinedArgInFrom', 'ARG VERSION=1\nFROM node:$VERSON\n', "FROM argument 'VERSON' is not declared (did you mean VERSION?)", 2, 'ARG VERSION=1\nFROM node:$VERSION\n'],
  ['WorkdirRelativePath', 'FROM a\nWORKDIR app\n', 'Relative workdir "app" can have unexpected results if the base image changes', 2, 'FROM a\nWORKDIR /usr\nWORKDIR app\n'],
  ['MultipleInstructionsDisallowed', 'FROM a\nCMD ["a"]\nCMD ["b"]\n', 'Multiple CMD instructions should not be used in the same stage because only the last one will be used', 2, 'FROM a\nCMD ["b"]\n'],
  ['LegacyKeyValueFormat', 'FROM a\nENV key value\n', '"ENV key=value" should be used instead of legacy "ENV key value" format', 2, 'FROM a\nENV key=value\n'],
  ['SecretsUsedInArgOrEnv', 'FROM a\nARG DB_PASSWORD\n', 'Do not use ARG or ENV instructions for sensitive data (ARG "DB_PASSWORD")', 2, 'FROM a\nARG DB_USER\n'],
  ['ExposeProtoCasing', 'FROM a\nEXPOSE 80/TcP\n', "Defined protocol '80/TcP' in EXPOSE instruction should be lowercase", 2, 'FROM a\nEXPOSE 80/tcp\n'],
  ['ExposeInvalidFormat', 'FROM a\nEXPOSE 127.0.0.1:80:80\n', "EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'", 2, 'FROM a\nEXPOSE 80\n'],
];

describe('build checks', () => {
  it.each(cases)('%s', (rule, bad, message, line, good) => {
    expect(brief(bad)).toContainEqual([rule, message, line]);
    expect(brief(good).filter(([r]) => r === rule)).toEqual([]);
  });

  it('gives BuildKit docs URLs and a warning level', () => {
    const [w] = lintDockerfile('FROM a\nMAINTAINER me\n');
    expect(w).toEqual({
      rule: 'MaintainerDeprecated',
      message: 'Maintainer instruction is deprecated in favor of using label',
      line: 2,
      url: 'https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/',
      level: 'warning',
    });
  });

  it('spans a continued instruction', () => {
    const [w] = lintDockerfile('FROM a\nCMD node \\\n  x.js\n');
    expect(w).toMatchObject({ line: 2, endLine: 3 });
  });

  it('keeps SHELL, workdir and variables across a stage built FROM an earlier one', () => {
    const src = 'FROM a AS base\nSHELL ["/bin/bash", "-c"]\nWORKDIR /app\nENV PORT=3000\nFROM base\nWORKDIR src\nEXPOSE $PORT\nCMD node x\n';
    expect(brief(src)).toEqual([]);
  });

  it('does not count PATH or declared ARGs without default as undefined', () => {
    expect(brief('FROM a\nARG V\nENV PATH=/x:$PATH V2=$V\n')).toEqual([]);
  });

  it('returns nothing for a Dockerfile that does not parse', () => {
    expect(lintDockerfile('RUN x\n')).toEqual([]);
    expect(lintDockerfile('FROM a\nRUNN x\n')).toEqual([]);
  });

  it("flags the seed lesson's second Dockerfile on its CMD (the trailing comma makes it shell form)", () => {
    // The seed lesson sits beside the repository (`../shared/seed`), locally and in CI.
    const seed = readFileSync(new URL('../../../../shared/seed/000_2303eee8709d1c86.txt', import.meta.url), 'utf8');
    const blocks = [...seed.matchAll(/```\n(FROM[\s\S]*?)```/g)].map((m) => m[1] as string);
    const second = blocks[1] as string;
    const cmdLine = second.split('\n').findIndex((l) => l.startsWith('CMD')) + 1;
    expect(brief(second)).toEqual([
      ['JSONArgsRecommended', 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals', cmdLine],
    ]);
    expect(brief(blocks[0] as string)).toEqual([]);
  });
});
