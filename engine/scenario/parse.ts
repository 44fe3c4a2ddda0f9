import { isMap, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { ProjectEntry } from '../api.ts';
import { parseCheck } from './checks/index.ts';
import { ScenarioError } from './errors.ts';
import { parseOptions } from './check-parse.ts';
import type { Check, Scenario, Task } from './types.ts';
import { z } from './validate.ts';

/** A scenario folder as the loader gets it: the YAML text and the folder's files. */
export interface ScenarioSource {
  readonly yaml: string;
  /** Files of the folder by path relative to it (`project/Dockerfile`, `attempts/wrong.sh`). */
  readonly files: ReadonlyMap<string, string | Uint8Array>;
  /**
   * The start project's entries (paths relative to it, modes kept) for `dir`, normalized and relative to the
   * scenario folder (`project`, `../projects/notes-api`); undefined when there is no such folder. Without it the
   * loader takes the project from `files` (`project/Dockerfile`, `../projects/notes-api/server.js`).
   */
  readonly folder?: (dir: string) => readonly ProjectEntry[] | undefined;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const taskSchema = z.strictObject({
  id: z.string().regex(ID, 'must be lowercase letters, digits and dashes'),
  title: z.string().min(1),
  points: z.number().int().positive().optional(),
  hints: z.array(z.string()).optional(),
  checks: z.array(z.unknown()).min(1, 'a task needs at least one check'),
  mistakes: z.array(z.strictObject({ check: z.unknown(), message: z.string().min(1) })).optional(),
});

const scenarioSchema = z.strictObject({
  id: z.string().regex(ID, 'must be lowercase letters, digits and dashes'),
  title: z.string().min(1),
  level: z.enum(['beginner', 'intermediate', 'advanced']),
  summary: z.string().min(1),
  lesson: z.string(),
  start: z
    .strictObject({
      project: z.string().optional(),
      images: z.array(z.string()).optional(),
      setup: z.array(z.string()).optional(),
    })
    .optional(),
  tasks: z.array(z.unknown()).min(1, 'a scenario needs at least one task'),
  solution: z.string().min(1),
  note: z.string(),
  examples: z
    .array(
      z.strictObject({
        attempt: z.string(),
        passes: z.array(z.string()),
        messages: z.record(z.string(), z.string()).optional(),
      }),
    )
    .optional(),
});

/** Aliases a scenario may use: YAML's anchors are for reuse, not for expanding a few lines into gigabytes. */
const MAX_ALIASES = 100;

/** Reads and validates a scenario. Throws ScenarioError naming the bad field. */
export function parseScenario(source: ScenarioSource, expectedId?: string): Scenario {
  const lines = new LineCounter();
  const doc = parseDocument(source.yaml, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problem = doc.errors[0];
  if (problem) {
    const pos = lines.linePos(problem.pos[0]);
    throw new ScenarioError('yaml', `line ${pos.line}`, problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
  }
  if (!isMap(doc.contents)) throw new ScenarioError('schema', '', isSeq(doc.contents) ? 'the file must be a mapping (id:, title:, …), not a list' : 'the file must be a mapping (id:, title:, …)');
  const raw = parseOptions(scenarioSchema, toJS(doc, lines), '');
  if (expectedId !== undefined && raw.id !== expectedId) throw new ScenarioError('schema', 'id', `"${raw.id}" must equal the folder name "${expectedId}"`);

  const tasks: Task[] = raw.tasks.map((t, i) => parseTask(t, `tasks[${i}]`));
  const seen = new Set<string>();
  tasks.forEach((t, i) => {
    if (seen.has(t.id)) throw new ScenarioError('schema', `tasks[${i}].id`, `duplicate task id "${t.id}"`);
    seen.add(t.id);
  });

  const examples = (raw.examples ?? []).map((e, i) => {
    for (const [k, id] of [...e.passes.entries(), ...Object.keys(e.messages ?? {}).map((id, n) => [n, id] as const)]) {
      if (!seen.has(id)) throw new ScenarioError('schema', `examples[${i}]`, `no task "${id}" (passes[${k}] or messages)`);
    }
    if (!source.files.has(normalize(e.attempt))) throw new ScenarioError('schema', `examples[${i}].attempt`, `no file ${e.attempt} in the scenario folder`);
    return { attempt: normalize(e.attempt), passes: e.passes, messages: e.messages ?? {} };
  });
  const exampleTexts = new Map(examples.map((e) => [e.attempt, text(source.files.get(e.attempt)!)]));

  return {
    id: raw.id,
    title: raw.title,
    level: raw.level,
    summary: raw.summary,
    lesson: raw.lesson,
    start: {
      project: raw.start?.project !== undefined ? projectEntries(source, raw.start.project) : [],
      images: raw.start?.images ?? [],
      setup: raw.start?.setup ?? [],
    },
    tasks,
    solution: raw.solution,
    note: raw.note,
    examples,
    exampleTexts,
  };
}

/**
 * The document as plain values. The yaml library throws while it builds them for what its parser lets through: an
 * alias to an anchor not defined before it, or alias expansions past the limit (a "billion laughs" file). That is
 * the file's fault, said as such (with the alias's line when there is one), not an internal error.
 */
function toJS(doc: Document, lines: LineCounter): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    if (/^Excessive alias count/.test(e.message)) throw new ScenarioError('yaml', '', `too many aliases (*name): at most ${MAX_ALIASES} expansions are allowed`);
    let where = '';
    visit(doc, {
      Alias(_, alias) {
        if (alias.resolve(doc) !== undefined || !alias.range) return undefined;
        where = `line ${lines.linePos(alias.range[0]).line}`;
        return visit.BREAK;
      },
    });
    throw new ScenarioError('yaml', where, e.message);
  }
}

function parseTask(raw: unknown, path: string): Task {
  const t = parseOptions(taskSchema, raw, path);
  const checks: Check[] = t.checks.map((c, i) => parseCheck(c, `${path}.checks[${i}]`));
  return {
    id: t.id,
    title: t.title,
    points: t.points ?? 1,
    hints: t.hints ?? [],
    checks,
    mistakes: (t.mistakes ?? []).map((m, i) => ({ check: parseCheck(m.check, `${path}.mistakes[${i}].check`), message: m.message })),
  };
}

function text(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

/** `./a/../b/` → `b`; keeps leading `..` segments. */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out.at(-1) !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** The start project's entries (directories included, parents first), from the folder `dir` names. */
function projectEntries(source: ScenarioSource, dir: string): readonly ProjectEntry[] {
  const base = normalize(dir);
  const given = source.folder?.(base);
  if (given) return given;
  const prefix = base === '' ? '' : `${base}/`;
  const found = [...source.files].filter(([p]) => p.startsWith(prefix)).map(([p, c]) => [p.slice(prefix.length), c] as const);
  const files = found.length > 0 ? new Map(found) : undefined;
  if (!files) throw new ScenarioError('project', 'start.project', `no folder ${dir} beside scenario.yaml`);
  const entries: ProjectEntry[] = [];
  const dirs = new Set<string>();
  for (const path of [...files.keys()].sort()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join('/');
      if (!dirs.has(d)) {
        dirs.add(d);
        entries.push({ path: d, type: 'dir' });
      }
    }
    entries.push({ path, type: 'file', content: files.get(path)! });
  }
  return entries;
}
