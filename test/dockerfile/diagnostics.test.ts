import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dockerfileDiagnostics } from '../../engine/dockerfile/diagnostics.ts';

const brief = (src: string, buildArgs?: Record<string, string>) =>
  dockerfileDiagnostics(src, buildArgs === undefined ? {} : { buildArgs }).map((d) => [d.source, d.rule, d.severity, d.startLine, d.endLine] as const);

describe('parse errors, with their lines', () => {
  it.each([
    ['unknown instruction', 'FROM a\nRUNN x\n', 'unknown instruction: RUNN (did you mean RUN?)', 2, 2],
    ['an instruction before FROM', 'ENV A=1\nFROM a\n', 'no build stage in current context', 1, 1],
    ['a bad instruction over continuation lines', 'FROM a\n\nENV A \\\n\n', 'ENV must have two arguments', 3, 4],
    ['an unterminated heredoc', 'FROM a\nRUN <<EOF\necho hi\n', 'unterminated heredoc', 2, 3],
    ['a bad flag', 'FROM a\nCOPY --form=x a b\n', 'unknown flag: --form (did you mean from?)', 2, 2],
    ['an empty file (no line of its own: the first)', '', 'file with no instructions', 1, 1],
  ])('%s', (_, src, message, startLine, endLine) => {
    expect(dockerfileDiagnostics(src)).toEqual([{ source: 'parser', message, severity: 'error', startLine, endLine }]);
  });

  it('reports only the error: checks and advice need a file that parses', () => {
    expect(dockerfileDiagnostics('FROM node\nCMD node x.js\nRUNN x\n').map((d) => d.source)).toEqual(['parser']);
  });
});

describe('BuildKit checks and teaching advice together', () => {
  it('merges them by line, BuildKit first on a shared line', () => {
    expect(brief('FROM node AS Build\nCOPY . .\nRUN npm ci\nCMD node dist/index.js\n')).toEqual([
      ['buildkit', 'StageNameCasing', 'warning', 1, 1],
      ['dockyard', 'LatestTag', 'warning', 1, 1],
      ['dockyard', 'RunsAsRoot', 'info', 1, 1],
      ['dockyard', 'DependenciesAfterSourceCopy', 'warning', 2, 2],
      ['buildkit', 'JSONArgsRecommended', 'warning', 4, 4],
    ]);
  });

  it('carries BuildKit\'s docs URL and the teaching rule\'s explanation and fix', () => {
    const [bk, teach] = dockerfileDiagnostics('FROM debian:12\nMAINTAINER me\nRUN apt-get update\nUSER 1000\n');
    expect(bk).toEqual({
      source: 'buildkit',
      rule: 'MaintainerDeprecated',
      message: 'Maintainer instruction is deprecated in favor of using label',
      severity: 'warning',
      startLine: 2,
      endLine: 2,
      url: 'https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/',
    });
    expect(teach).toMatchObject({ source: 'dockyard', rule: 'AptListsNotCleaned', severity: 'warning', startLine: 3, url: 'https://docs.docker.com/build/building/best-practices/#apt-get' });
    expect(teach!.fix).toContain('rm -rf /var/lib/apt/lists/*');
  });

  it('turns BuildKit warnings into errors under # check=error=true, and leaves advice alone', () => {
    expect(brief('# check=error=true\nFROM debian:12\nMAINTAINER me\nUSER 1000\n')).toEqual([['buildkit', 'MaintainerDeprecated', 'error', 3, 3]]);
  });

  it('expands FROM with the build args for both', () => {
    const src = 'ARG TAG=latest\nFROM node:$TAG\nUSER node\n';
    expect(brief(src)).toEqual([['dockyard', 'LatestTag', 'warning', 2, 2]]);
    expect(brief(src, { TAG: '20' })).toEqual([]);
  });

  it('finds nothing to say about a well-written Dockerfile', () => {
    const src = 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nUSER node\nCMD ["node", "index.js"]\n';
    expect(dockerfileDiagnostics(src)).toEqual([]);
  });
});

describe('the seed lesson', () => {
  // The seed lesson sits beside the repository (`../shared/seed`), locally and in CI.
  const seed = readFileSync(new URL('../../../shared/seed/000_2303eee8709d1c86.txt', import.meta.url), 'utf8');
  const [oldOne, newOne] = [...seed.matchAll(/```\n(FROM[\s\S]*?)```/g)].map((m) => m[1] as string);
  const line = (src: string, prefix: string) => src.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

  it('Old One: the copy-before-install advice, and the root user', () => {
    expect(brief(oldOne!)).toEqual([
      ['dockyard', 'RunsAsRoot', 'info', 1, 1],
      ['dockyard', 'DependenciesAfterSourceCopy', 'warning', line(oldOne!, 'COPY . .'), line(oldOne!, 'COPY . .')],
    ]);
  });

  it("New One: BuildKit's warning on the CMD with a trailing comma, and the root user", () => {
    expect(brief(newOne!)).toEqual([
      ['dockyard', 'RunsAsRoot', 'info', 1, 1],
      ['buildkit', 'JSONArgsRecommended', 'warning', line(newOne!, 'CMD'), line(newOne!, 'CMD')],
    ]);
  });
});
