import { describe, expect, it } from 'vitest';
import { INSTRUCTION_DOCS, flagDoc, instructionDoc, instructionMarkdown } from '../../../engine/dockerfile/docs.ts';
import { dockerfileDiagnostics } from '../../../engine/dockerfile/diagnostics.ts';
import { DISPATCH } from '../../../engine/dockerfile/parser/line-parsers.ts';

/** A line that uses the instruction with one flag, for the parser to accept or reject. */
function lineWith(instruction: string, flag: string, value: string | undefined): string {
  const f = value === undefined ? `--${flag}` : `--${flag}=${SAMPLE[flag] ?? 'x'}`;
  switch (instruction) {
    case 'FROM':
      return `FROM ${f} alpine\n`;
    case 'RUN':
      return `FROM alpine\nRUN ${f} true\n`;
    case 'HEALTHCHECK':
      return `FROM alpine\nHEALTHCHECK ${f} CMD true\n`;
    default:
      return `FROM alpine AS base\nFROM alpine\n${instruction} ${f} a /b/\n`;
  }
}

const SAMPLE: Record<string, string> = {
  platform: 'linux/amd64',
  mount: 'type=cache,target=/root/.cache',
  network: 'none',
  security: 'sandbox',
  from: 'base',
  chown: '1000:1000',
  chmod: '755',
  checksum: 'sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d',
  exclude: '*.md',
  interval: '10s',
  timeout: '3s',
  'start-period': '5s',
  'start-interval': '2s',
  retries: '4',
};

describe('hover docs', () => {
  it('cover every instruction the parser knows, and nothing else', () => {
    expect([...INSTRUCTION_DOCS.keys()].sort()).toEqual(Object.keys(DISPATCH).sort());
  });

  it.each([...INSTRUCTION_DOCS.values()].flatMap((d) => d.flags.map((f) => [d.name, f.name, f.value] as const)))(
    '%s --%s is a flag the parser accepts',
    (instruction, flag, value) => {
      const errors = dockerfileDiagnostics(lineWith(instruction, flag, value)).filter((d) => d.source === 'parser');
      expect(errors).toEqual([]);
    },
  );

  it('a flag the docs do not list is one the parser rejects', () => {
    expect(flagDoc('copy', 'platform')).toBeUndefined();
    expect(dockerfileDiagnostics('FROM alpine\nCOPY --platform=linux/amd64 a /b/\n')[0]).toMatchObject({ source: 'parser', severity: 'error' });
  });

  it('are found whatever the keyword\'s case, and name the reference', () => {
    expect(instructionDoc('copy')?.name).toBe('COPY');
    expect(instructionDoc('Healthcheck')?.flags.map((f) => f.name)).toEqual(['interval', 'timeout', 'start-period', 'start-interval', 'retries']);
    expect(instructionMarkdown(instructionDoc('FROM')!)).toContain('https://docs.docker.com/reference/dockerfile/#from');
  });
});
