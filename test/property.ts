import type { Parameters } from 'fast-check';

/**
 * Shared settings of the property tests: a fixed seed so CI runs the same cases every time (a failure prints the seed
 * and path to replay), and `FUZZ_SEED` / `FUZZ_RUNS` to explore further by hand.
 */
export function fuzzParameters<T>(numRuns: number): Parameters<T> {
  const seed = process.env.FUZZ_SEED;
  const runs = process.env.FUZZ_RUNS;
  return { seed: seed ? Number(seed) : 20_250_609, numRuns: runs ? Number(runs) : numRuns };
}

/** Signs of a JavaScript failure leaking into what a user sees, where Docker would print its own words. */
const LEAKS: readonly RegExp[] = [
  /^\s+at .+[(:]\d+/m,
  /\b(TypeError|ReferenceError|RangeError|SyntaxError|InternalError)\b/,
  /undefined is not|is not a function|is not iterable|Cannot read propert|Cannot set propert/,
  /\[object \w+\]/,
  /\binternal error\b/,
  /\bNaN\b/,
];

/** The first sign of a JavaScript failure in `text`, or undefined when it reads as a program would print it. */
export function leakIn(text: string): string | undefined {
  for (const pattern of LEAKS) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return undefined;
}
