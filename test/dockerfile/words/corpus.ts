import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The BuildKit corpus sits beside the repository (`../shared/conformance/buildkit`), locally and in CI. */
export const corpusDir = fileURLToPath(new URL('../../../../shared/conformance/buildkit/', import.meta.url));

export interface EnvVarCase {
  line: number;
  input: string;
  expected: string;
}

export interface WordsCase {
  line: number;
  input: string;
  /** `['error']` when expansion must fail, as in the upstream test. */
  expected: string[];
  env: Record<string, string>;
}

export const ENV_VAR_TEST_ENV: Readonly<Record<string, string>> = {
  PWD: '/home',
  SHELL: 'bash',
  KOREAN: '한국어',
  NULL: '',
};

function lines(name: string): string[] {
  return readFileSync(corpusDir + name, 'utf8').split(/\r?\n/);
}

/** Reads envVarTest the way lex_test.go does; Windows-only (W) lines are left out. */
export function envVarCases(): EnvVarCase[] {
  const out: EnvVarCase[] = [];
  lines('envVarTest').forEach((raw, i) => {
    if (raw.startsWith('#') || raw.trim() === '') return;
    const fields = raw.trim().split('|');
    if (fields.length !== 3) throw new Error(`envVarTest line ${i + 1}: expected 3 fields`);
    const [platform, input, expected] = fields.map((f) => f.trim()) as [string, string, string];
    if (platform === 'W') return;
    out.push({ line: i + 1, input, expected });
  });
  return out;
}

/**
 * Reads wordsTest the way lex_test.go does: the input is trimmed but the expected words only lose leading
 * spaces (some end in meaningful spaces), and each `ENV k=v` line extends the environment of the lines below.
 */
export function wordsCases(): WordsCase[] {
  const out: WordsCase[] = [];
  const env: Record<string, string> = {};
  lines('wordsTest').forEach((raw, i) => {
    if (raw.startsWith('#') || raw === '') return;
    if (raw.startsWith('ENV ')) {
      const pair = raw.slice(3).replace(/^ +/, '');
      const eq = pair.indexOf('=');
      if (eq < 0) env[pair] = '';
      else env[pair.slice(0, eq)] = pair.slice(eq + 1);
      return;
    }
    const fields = raw.split('|');
    if (fields.length !== 2) throw new Error(`wordsTest line ${i + 1}: expected exactly one |`);
    out.push({
      line: i + 1,
      input: fields[0]!.trim(),
      expected: fields[1]!.replace(/^ +/, '').split(','),
      env: { ...env },
    });
  });
  return out;
}
