import { describe, expect, it } from 'vitest';
import type { VertexWarning } from '../../../engine/build/progress/types.ts';
import { warningsSummary } from '../../../engine/build/progress/warnings.ts';

const data = 'FROM alpine\nRUN true\nCMD echo done\n';
const json: VertexWarning = {
  vertex: 'v1',
  short: 'JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 3)',
  detail: ['JSON arguments recommended for CMD to prevent unintended behavior related to OS signals'],
  url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/',
  range: { start: 3, end: 3 },
  sourceInfo: { filename: 'Dockerfile', data },
};
const yellow = (s: string) => `\x1b[33m${s}\x1b[0m`;

describe('warningsSummary (buildx printWarnings)', () => {
  it('says "1 warning found" and lists it', () => {
    expect(warningsSummary([json])).toBe(`\n ${yellow('1 warning found (use docker --debug to expand):\n')} - ${json.short}\n`);
  });

  it('counts in the plural and drops the same warning reported twice', () => {
    const other = { ...json, short: 'FromAsCasing: x (line 1)', range: { start: 1, end: 1 } };
    const out = warningsSummary([json, { ...json, vertex: 'v9' }, other]);
    expect(out).toBe(`\n ${yellow('2 warnings found (use docker --debug to expand):\n')} - ${json.short}\n - ${other.short}\n`);
  });

  it('prints nothing without warnings, or in quiet and rawjson modes', () => {
    expect(warningsSummary([])).toBe('');
    expect(warningsSummary([json], { mode: 'quiet' })).toBe('');
    expect(warningsSummary([json], { mode: 'rawjson' })).toBe('');
  });

  it('expands each warning with --debug: detail, link, source lines and a blank line', () => {
    expect(warningsSummary([json], { debug: true })).toBe(
      `\n ${yellow('1 warning found:\n')} - ${json.short}\n` +
        `${json.detail[0]}\nMore info: ${json.url}\n` +
        'Dockerfile:3\n--------------------\n   1 |     FROM alpine\n   2 |     RUN true\n   3 | >>> CMD echo done\n   4 |     \n--------------------\n\n',
    );
  });
});
