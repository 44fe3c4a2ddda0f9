import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario/parse.ts';
import { ScenarioError } from '../../engine/scenario/errors.ts';

const BASE = `id: demo
title: Demo
level: beginner
summary: One line.
lesson: Text.
tasks:
  - id: runs
    title: Run it
    checks:
      - container: db
        running: true
solution: docker run -d --name db alpine sleep 100
note: Why.
`;

function source(yaml: string, files: Record<string, string> = {}) {
  return { yaml, files: new Map(Object.entries(files)) };
}

function errorOf(yaml: string, files: Record<string, string> = {}): string {
  try {
    parseScenario(source(yaml, files), 'demo');
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  throw new Error('parsed');
}

describe('parseScenario', () => {
  it('reads a scenario with defaults filled in', () => {
    const s = parseScenario(source(BASE), 'demo');
    expect(s.tasks).toHaveLength(1);
    expect(s.tasks[0]).toMatchObject({ id: 'runs', points: 1, hints: [], mistakes: [] });
    expect(s.tasks[0]!.checks[0]).toMatchObject({ kind: 'container', path: 'tasks[0].checks[0]', options: { container: 'db', running: true } });
    expect(s.start).toEqual({ project: [], images: [], setup: [] });
  });

  it('names the bad field', () => {
    expect(errorOf(BASE.replace('      - container: db', '      - contianer: db'))).toBe('tasks[0].checks[0]: unknown check kind "contianer"');
    expect(errorOf(BASE.replace('running: true', 'runing: true'))).toBe('tasks[0].checks[0]: unknown field "runing"');
    expect(errorOf(BASE.replace('running: true', 'running: yes please'))).toBe('tasks[0].checks[0].running: expected boolean, got "yes please"');
    expect(errorOf(BASE.replace('title: Demo\n', ''))).toBe('title: missing field (expected string)');
    expect(errorOf(BASE.replace('level: beginner', 'level: expert'))).toBe('level: must be one of "beginner", "intermediate", "advanced", got "expert"');
    expect(errorOf(BASE + 'extra: 1\n')).toBe('unknown field "extra"');
    expect(errorOf(BASE.replace('id: demo', 'id: other'))).toBe('id: "other" must equal the folder name "demo"');
    expect(errorOf(BASE.replace('        running: true', '        mount: { target: /data, type: disk }'))).toMatch(/^tasks\[0\]\.checks\[0\]\.mount\.type: must be one of /);
  });

  it('rejects an alias the yaml library cannot expand, with its line (found by fuzzing)', () => {
    expect(errorOf(BASE.replace('summary: One line.', 'summary: *nowhere'))).toBe('line 4: Unresolved alias (the anchor must be set before the alias): nowhere');
    const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 6 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n');
    expect(errorOf(`${BASE}${bomb}\n`)).toBe('too many aliases (*name): at most 100 expansions are allowed');
  });

  it('rejects YAML errors with their line, and checks that cannot work', () => {
    expect(errorOf(BASE.replace('summary: One line.', 'summary: [unclosed'))).toMatch(/^line \d+: /);
    expect(errorOf(BASE.replace('      - container: db\n        running: true', '      - not: { command: rm }'))).toBe('tasks[0].checks[0].message: a "not" check needs a message');
    expect(errorOf(BASE.replace('      - container: db\n        running: true', '      - command: "docker ("'))).toMatch(/^tasks\[0\]\.checks\[0\]\.command: invalid regular expression/);
    expect(errorOf(BASE.replace('      - container: db\n        running: true', '      - probe: [{ runn: ls }]'))).toBe('tasks[0].checks[0].probe[0]: unknown probe step "runn" (run, recreate, edit, rebuild, wait, kill, restart)');
    expect(errorOf(BASE.replace('      - container: db\n        running: true', '      - image: web\n        maxSize: lots'))).toBe(
      'tasks[0].checks[0].maxSize: invalid size "lots" (write it as docker images does: 300MB, 1.2GB)',
    );
  });

  it('refuses hostile YAML with a named error: alias bombs, prototype keys, deep nesting, wrong types', () => {
    // "Billion laughs": ten levels of nine aliases each would expand to 10^9 strings.
    let laughs = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++) {
      const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      laughs += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
    }
    expect(errorOf(laughs + BASE)).toBe('too many aliases (*name): at most 100 expansions are allowed');
    // A few aliases, as YAML is meant to be used, are fine where the schema allows the value.
    expect(parseScenario(source(BASE.replace('summary: One line.', 'summary: &s One line.').replace('lesson: Text.', 'lesson: *s')), 'demo').lesson).toBe('One line.');
    expect(errorOf(BASE + '__proto__: { polluted: true }\n')).toBe('unknown field "__proto__"');
    expect(errorOf(BASE.replace('    title: Run it', '    title: Run it\n    constructor: { prototype: { polluted: true } }'))).toBe('tasks[0]: unknown field "constructor"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorOf(BASE.replace('lesson: Text.', `lesson: ${'['.repeat(50_000)}${']'.repeat(50_000)}`))).toMatch(/^line \d+: /);
    expect(errorOf(BASE.replace('title: Demo', 'title: [a, b]'))).toBe('title: expected string, got a list');
    expect(errorOf(BASE.replace(/tasks:[\s\S]*solution/, 'tasks: 3\nsolution'))).toBe('tasks: expected array, got 3');
    expect(errorOf('')).toBe('the file must be a mapping (id:, title:, …)');
  });

  it('finds duplicate task ids and examples that name nothing', () => {
    const twice = BASE.replace('solution:', '  - id: runs\n    title: Again\n    checks: [{ command: ls }]\nsolution:');
    expect(errorOf(twice)).toBe('tasks[1].id: duplicate task id "runs"');
    expect(errorOf(BASE + 'examples:\n  - attempt: attempts/a.sh\n    passes: []\n')).toBe('examples[0].attempt: no file attempts/a.sh in the scenario folder');
    expect(errorOf(BASE + 'examples:\n  - attempt: a.sh\n    passes: [nope]\n', { 'a.sh': 'ls\n' })).toBe('examples[0]: no task "nope" (passes[0] or messages)');
  });

  it('takes the start project from the folder, or from a shared one the source provides', () => {
    const withProject = BASE.replace('tasks:', 'start:\n  project: project\n  images: [alpine]\ntasks:');
    const s = parseScenario(source(withProject, { 'project/Dockerfile': 'FROM alpine\n', 'project/src/app.js': '1' }), 'demo');
    expect(s.start.project.map((e) => `${e.type} ${e.path}`)).toEqual(['file Dockerfile', 'dir src', 'file src/app.js']);
    expect(s.start.images).toEqual(['alpine']);

    const shared = BASE.replace('tasks:', 'start:\n  project: ../projects/api\ntasks:');
    const asked: string[] = [];
    const t = parseScenario({ yaml: shared, files: new Map(), folder: (dir) => (asked.push(dir), [{ path: 'a.txt', type: 'file', content: 'x' }]) }, 'demo');
    expect(asked).toEqual(['../projects/api']);
    expect(t.start.project).toEqual([{ path: 'a.txt', type: 'file', content: 'x' }]);
    expect(errorOf(shared)).toBe('start.project: no folder ../projects/api beside scenario.yaml');
  });
});
