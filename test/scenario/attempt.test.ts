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
});
