import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../engine/build/progress/check.ts';

const source = { filename: 'Dockerfile', data: 'FROM alpine as base\nRUN true\nCMD echo done\n' };
const json = {
  rule: 'JSONArgsRecommended',
  message: 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
  url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/',
  line: 3,
};
const casing = {
  rule: 'FromAsCasing',
  message: "'as' and 'FROM' keywords' casing do not match",
  url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/',
  line: 1,
};
const rule = '--------------------\n';

describe('checkReport (docker build --check)', () => {
  it('says so when nothing was found, and exits 0', () => {
    expect(checkReport(source, [])).toEqual({ stdout: 'Check complete, no warnings found.\n', exitCode: 0 });
  });

  it('prints a block per warning, sorted by line, and exits 1', () => {
    const r = checkReport(source, [json, casing]);
    expect(r.exitCode).toBe(1);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toBe(
      'Check complete, 2 warnings have been found!\n' +
        `\nWARNING: FromAsCasing - ${casing.url}\n${casing.message}\n` +
        `Dockerfile:1\n${rule}   1 | >>> FROM alpine as base\n   2 |     RUN true\n   3 |     CMD echo done\n${rule}` +
        `\nWARNING: JSONArgsRecommended - ${json.url}\n${json.message}\n` +
        `Dockerfile:3\n${rule}   1 |     FROM alpine as base\n   2 |     RUN true\n   3 | >>> CMD echo done\n   4 |     \n${rule}`,
    );
  });

  it('uses the singular for one warning', () => {
    expect(checkReport(source, [json]).stdout).toMatch(/^Check complete, 1 warning has been found!\n\nWARNING: /);
  });

  it('turns a Dockerfile that does not parse into an error with its source lines', () => {
    const bad = { filename: 'Dockerfile', data: 'FROM alpine\nRUNN x\n' };
    const error = { message: 'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)', range: { start: 2, end: 2 } };
    expect(checkReport(bad, [], error)).toEqual({
      stdout: '',
      error: `${error.message}\nDockerfile:2\n${rule}   1 |     FROM alpine\n   2 | >>> RUNN x\n   3 |     \n${rule}`,
      exitCode: 1,
    });
    expect(checkReport(bad, [{ ...json, line: 1 }], error).stdout).toMatch(/--------------------\n\n$/);
  });
});
