import { expect } from 'vitest';
import type { Terminal } from '../../engine/api.ts';
import { leakIn } from '../property.ts';

/** Runs `line` and checks what any command line must give: an exit status 0..255 and output free of JavaScript. */
export async function runClean(terminal: Terminal, line: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await terminal.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  expect(Number.isInteger(code) && code >= 0 && code <= 255, `exit status ${code} of ${line}`).toBe(true);
  expect(leakIn(out), `${line}\n${out}`).toBeUndefined();
  return { code, out };
}

/** `word` as one shell word, whatever it holds. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
