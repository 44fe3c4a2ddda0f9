import { describe, expect, it } from 'vitest';
import { processWord, processWords } from '../../../engine/dockerfile/words/index.ts';
import { ENV_VAR_TEST_ENV, envVarCases, wordsCases } from './corpus.ts';

function wordOrError(input: string): string {
  try {
    return processWord(input, ENV_VAR_TEST_ENV);
  } catch {
    return 'error';
  }
}

function wordsOrError(input: string, env: Record<string, string>): string[] {
  try {
    return processWords(input, env);
  } catch {
    return ['error'];
  }
}

describe('BuildKit envVarTest', () => {
  const cases = envVarCases();

  it('reads the corpus', () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  it.each(cases.map((c) => [c.line, c.input, c.expected] as const))('line %i: %s → %s', (_line, input, expected) => {
    expect(wordOrError(input)).toBe(expected);
  });
});

describe('BuildKit wordsTest', () => {
  const cases = wordsCases();

  it('reads the corpus', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases.map((c) => [c.line, c.input, c] as const))('line %i: %s', (_line, input, c) => {
    expect(wordsOrError(input, c.env)).toEqual(c.expected);
  });
});
