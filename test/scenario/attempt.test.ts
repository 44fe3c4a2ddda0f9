import { describe, expect, it } from 'vitest';
import { parseAttempt, serializeAttempt } from '../../engine/scenario/attempt.ts';
import { AttemptError } from '../../engine/scenario/errors.ts';

function errorOf(text: string): string {
  try {
    parseAttempt(text);
  } catch (e) {
    if (e instanceof AttemptError) return e.message;
    throw e;
  }
  throw new Error('parsed');
}

describe('parseAttempt', () => {
  it('reads a plain script as play does: continuations, here-documents, comments', () => {
    const a = parseAttempt("# setup\ndocker run -d \\\n  --name db mongo\ncat > a.txt <<'EOF'\nhello\n\nEOF\n\necho done\n");
    expect(a.format).toBe('script');
    expect(a.events.map((e) => (e.type === 'command' ? e.line : e.type))).toEqual(['docker run -d \\\n  --name db mongo', "cat > a.txt <<'EOF'\nhello\n\nEOF", 'echo done']);
    expect(parseAttempt('').events).toEqual([]);
  });

  it('reads the page export and round-trips it', () => {
    const events = [
      { type: 'command', at: 1000, terminal: 0, line: 'docker ps', exitCode: 0, endedAt: 1200 },
      { type: 'write', at: 2000, path: 'Dockerfile', content: 'FROM alpine\n' },
      { type: 'rename', at: 2500, path: 'a', to: 'b' },
      { type: 'hint', at: 3000, task: 'db' },
      { type: 'solution', at: 4000 },
    ] as const;
    const text = serializeAttempt({ scenario: 'demo', seed: 3, events });
    const a = parseAttempt(text);
    expect(a).toEqual({ format: 'json', scenario: 'demo', seed: 3, events });
    expect(serializeAttempt({ scenario: a.scenario!, seed: a.seed, events: a.events })).toBe(text);
  });

  it('names the bad field of a JSON attempt', () => {
    const head = '{"format":"dockyard-attempt","version":1,"scenario":"demo","events":';
    expect(errorOf(head + '[{"type":"command","at":0,"terminal":0,"line":"ls"}]}')).toBe('events[0].exitCode: missing field (expected number)');
    expect(errorOf(head + '[{"type":"typed","at":0}]}')).toMatch(/^events\[0\]\.type: /);
    expect(errorOf(head + '[{"type":"hint","at":5,"task":"a","extra":1}]}')).toBe('events[0]: unknown field "extra"');
    expect(errorOf(head + '[{"type":"reset","at":5},{"type":"reset","at":4}]}')).toBe('events[1].at: events must be in time order');
    expect(errorOf('{"format":"dockyard-attempt","version":2,"scenario":"demo","events":[]}')).toMatch(/^version: /);
    expect(errorOf('{"hello": 1}')).toMatch(/^format: /);
  });

  it('refuses an attempt from a newer Dockyard by saying so, and hostile JSON with a named error', () => {
    const head = '{"format":"dockyard-attempt","version":1,"scenario":"demo","events":';
    expect(errorOf('{"format":"dockyard-attempt","version":7,"scenario":"demo","events":[{"type":"new-kind"}]}')).toBe(
      'version: this attempt was exported by a newer Dockyard (attempt format 7; this one reads up to 1)',
    );
    expect(errorOf('{"format":"dockyard-attempt","scenario":"demo","events":[]}')).toBe('version: must be one of 1, got undefined');
    // Keys that would reach a prototype are unknown fields, not assignments.
    expect(errorOf(head + '[], "__proto__": {"scenario": "x"}}')).toBe('unknown field "__proto__"');
    expect(errorOf(head + '[{"type":"reset","at":1,"constructor":{"prototype":{"polluted":true}}}]}')).toBe('events[0]: unknown field "constructor"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorOf(head + '[{"type":"command","at":"1","terminal":0,"line":"ls","exitCode":0}]}')).toBe('events[0].at: expected number, got "1"');
    expect(errorOf(head + '[{"type":"command","at":1e400,"terminal":0,"line":"ls","exitCode":0}]}')).toBe('events[0].at: expected number, got Infinity');
    expect(errorOf(head + '{"0":{"type":"reset","at":1}}}')).toBe('events: expected array, got a mapping');
    // Deep nesting where an event belongs is a wrong type at the first level, found without walking the rest.
    const deep = 100_000;
    expect(errorOf(head + '['.repeat(deep) + ']'.repeat(deep) + '}')).toBe('events[0]: expected object, got a list');
  });
});
