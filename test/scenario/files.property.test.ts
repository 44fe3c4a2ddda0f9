import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { scenarioIds, scenarioSource } from '../../bin/scenario-io.ts';
import { parseAttempt, serializeAttempt } from '../../engine/scenario/attempt.ts';
import { AttemptError, ScenarioError } from '../../engine/scenario/errors.ts';
import { grade } from '../../engine/scenario/grade.ts';
import { parseScenario, type ScenarioSource } from '../../engine/scenario/parse.ts';
import type { AttemptEvent } from '../../engine/scenario/types.ts';
import { fuzzParameters, leakIn } from '../property.ts';

/**
 * Scenario and attempt files as a teacher or a student might hand them over: garbage, or real ones with a field
 * broken. Each gives a scenario (an attempt) or an error naming the bad field, never an exception; and a grade of
 * whatever attempt parses ends with a result.
 */

const ROOT = join(import.meta.dirname, '../../scenarios');
const SOURCES = scenarioIds(ROOT).map((id) => memoFolders(scenarioSource(ROOT, id)));

/** The source with its start folders read from disk once, not on every parse. */
function memoFolders(source: ScenarioSource): ScenarioSource {
  const read = new Map<string, ReturnType<NonNullable<ScenarioSource['folder']>>>();
  return { ...source, folder: (dir) => (read.has(dir) ? read.get(dir) : read.set(dir, source.folder?.(dir)).get(dir)) };
}

/** Every path to a value inside `value` (objects and arrays), the root included. */
function pathsOf(value: unknown, at: readonly (string | number)[] = []): (readonly (string | number)[])[] {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

/** `value` with the node at `path` replaced (or deleted, for `undefined`); copies only along the path. */
function replaceAt(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (next === undefined && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = replaceAt(copy[head as number], rest, next);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (next === undefined && rest.length === 0) delete copy[head as string];
  else copy[head as string] = replaceAt(copy[head as string], rest, next);
  return copy;
}

const replacement = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', 'x', -1, 0, 1.5, true, null, [], {}, ['a'], { kind: 'bogus' }, '../../etc', '/', '__proto__', 'constructor'),
);

/** A document with one to three of its nodes replaced or deleted. */
function mutated(document: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(document);
  return fc.array(fc.tuple(fc.nat(paths.length - 1), replacement), { minLength: 1, maxLength: 3 }).map((changes) => {
    let out = document;
    for (const [i, next] of changes) out = replaceAt(out, paths[i]!, next);
    return out;
  });
}

function scenarioOrError(source: ScenarioSource): void {
  try {
    parseScenario(source);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    expect(leakIn(e.message), e.message).toBeUndefined();
  }
}

function attemptOrError(text: string): ReturnType<typeof parseAttempt> | undefined {
  try {
    return parseAttempt(text);
  } catch (e) {
    if (!(e instanceof AttemptError)) throw e;
    expect(leakIn(e.message), e.message).toBeUndefined();
    return undefined;
  }
}

describe('scenario files (property)', () => {
  test('garbage YAML gives a ScenarioError', () => {
    const soup = fc.array(fc.constantFrom('id:', 'tasks:', '- ', '  ', '\n', 'checks:', 'kind: file', '{', '[', '"', "'", '&a', '*a', '!!binary', '? ', ': ', '---', '...', '#', 'x', '1', '%YAML 1.2', '<<: *a'), { maxLength: 25 });
    fc.assert(
      fc.property(fc.oneof(soup.map((s) => s.join('')), fc.string({ maxLength: 80 })), (yaml) => scenarioOrError({ yaml, files: new Map() })),
      fuzzParameters(1000),
    );
  });

  test('a real scenario with fields broken gives a scenario or a ScenarioError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SOURCES).chain((source) => mutated(parseYaml(source.yaml)).map((doc) => ({ source, doc }))), ({ source, doc }) => {
        scenarioOrError({ ...source, yaml: doc === undefined ? '' : stringify(doc) });
      }),
      fuzzParameters(500),
    );
  }, 60_000);
});

const EVENTS: readonly AttemptEvent[] = [
  { type: 'command', at: 1000, terminal: 0, line: 'docker volume create data', exitCode: 0, endedAt: 1100 },
  { type: 'write', at: 2000, path: 'Dockerfile', content: 'FROM alpine\nCMD ["sleep", "60"]\n' },
  { type: 'command', at: 3000, terminal: 1, line: 'docker build -q -t app .', exitCode: 0, endedAt: 3500 },
  { type: 'mkdir', at: 4000, path: 'src' },
  { type: 'rename', at: 4500, path: 'Dockerfile', to: 'src/Dockerfile' },
  { type: 'command', at: 5000, terminal: 0, line: 'docker run -d --name db -v data:/data/db mongo', exitCode: 0, endedAt: 9000 },
  { type: 'hint', at: 6000, task: 'db-runs' },
  { type: 'remove', at: 7000, path: 'src' },
  { type: 'command', at: 8000, terminal: 0, line: 'docker ps', exitCode: 0 },
  { type: 'reset', at: 10_000 },
  { type: 'command', at: 11_000, terminal: 0, line: 'ls', exitCode: 0 },
  { type: 'solution', at: 12_000 },
];
const ATTEMPT = JSON.parse(serializeAttempt({ scenario: 'persist-with-volume', seed: 1, events: EVENTS })) as unknown;

describe('attempt files (property)', () => {
  test('random text, truncated or flipped exports give an attempt or an AttemptError', () => {
    const text = JSON.stringify(ATTEMPT);
    const damaged = fc.tuple(fc.nat(text.length), fc.nat(text.length - 1), fc.string({ minLength: 1, maxLength: 2 })).map(([cut, at, s]) => (text.slice(0, at) + s + text.slice(at + 1)).slice(0, Math.max(cut, at)));
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 100 }), damaged, fc.jsonValue().map((v) => JSON.stringify(v))), (t) => void attemptOrError(t)), fuzzParameters(2000));
  });

  test('an export with fields broken is refused by name, or parses and grades to a result', async () => {
    const scenario = parseScenario(SOURCES.find((s) => /^id: persist-with-volume$/m.test(s.yaml))!);
    let graded = 0;
    await fc.assert(
      fc.asyncProperty(mutated(ATTEMPT), async (doc) => {
        const attempt = attemptOrError(JSON.stringify(doc) ?? '');
        // Grading replays the attempt on a machine: the slow part, so only some of those that parse.
        if (attempt === undefined || graded++ % 4 !== 0) return;
        const result = await grade(scenario, attempt);
        expect(result.tasks.length).toBe(scenario.tasks.length);
        for (const t of result.tasks) expect(leakIn(t.message), t.message).toBeUndefined();
      }),
      fuzzParameters(200),
    );
  }, 120_000);
});
