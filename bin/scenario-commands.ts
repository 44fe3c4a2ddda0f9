// `dockyard scenarios`, `check` and `grade`: the teacher's side of scenarios.
import { fileURLToPath } from 'node:url';
import { parseAttempt } from '../engine/scenario/attempt.ts';
import { AttemptError, ScenarioError } from '../engine/scenario/errors.ts';
import { grade } from '../engine/scenario/grade.ts';
import { parseScenario } from '../engine/scenario/parse.ts';
import { StartError } from '../engine/scenario/start.ts';
import type { GradeResult, Scenario } from '../engine/scenario/types.ts';
import { readAttempt, scenarioIds, scenarioSource } from './scenario-io.ts';

type Write = (text: string) => void;
export interface Io {
  readonly out: Write;
  readonly err: Write;
}

/** Bad usage: the caller prints it with the usage hint and exits 2. */
export class ScenarioUsageError extends Error {}

export const DEFAULT_SCENARIO_DIR = fileURLToPath(new URL('../scenarios', import.meta.url));

interface Parsed {
  dir: string;
  format: 'table' | 'json' | 'csv';
  positional: string[];
}

function parseArgs(args: readonly string[], allowFormat: boolean): Parsed {
  const parsed: Parsed = { dir: DEFAULT_SCENARIO_DIR, format: 'table', positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--dir' || arg.startsWith('--dir=')) {
      const value = arg === '--dir' ? args[++i] : arg.slice('--dir='.length);
      if (value === undefined || value === '') throw new ScenarioUsageError('flag needs an argument: --dir');
      parsed.dir = value;
    } else if (allowFormat && (arg === '--json' || arg === '--csv')) {
      const format = arg.slice(2) as 'json' | 'csv';
      if (parsed.format !== 'table' && parsed.format !== format) throw new ScenarioUsageError('--json and --csv cannot be used together');
      parsed.format = format;
    } else if (arg === '--') {
      parsed.positional.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new ScenarioUsageError(`unknown flag: ${arg}`);
    } else {
      parsed.positional.push(arg);
    }
  }
  return parsed;
}

/** Why loading or running a scenario failed, in one line: a teacher gets a message, never a stack trace. */
function problem(e: unknown): string {
  if (e instanceof ScenarioError || e instanceof AttemptError || e instanceof StartError) return e.message;
  if (e instanceof Error && (e as NodeJS.ErrnoException).syscall !== undefined) return e.message;
  if (e instanceof Error && /^no scenario /.test(e.message)) return e.message;
  // An engine bug: say so plainly, go on with the next scenario or attempt.
  return `internal error: ${e instanceof Error ? e.message : String(e)}`;
}

function load(dir: string, id: string): Scenario {
  return parseScenario(scenarioSource(dir, id), id);
}

function listIds(dir: string): string[] {
  try {
    return scenarioIds(dir);
  } catch (e) {
    throw new ScenarioUsageError(`cannot read scenarios in ${dir}: ${(e as Error).message}`);
  }
}

export async function scenariosCommand(args: readonly string[], io: Io): Promise<number> {
  const { dir, positional } = parseArgs(args, false);
  if (positional.length > 0) throw new ScenarioUsageError('scenarios takes no arguments');
  let status = 0;
  const rows: [string, string][] = [];
  for (const id of listIds(dir)) {
    try {
      rows.push([id, load(dir, id).title]);
    } catch (e) {
      io.err(`dockyard: scenario ${id}: ${problem(e)}\n`);
      status = 1;
    }
  }
  const width = Math.max(0, ...rows.map(([id]) => id.length));
  for (const [id, title] of rows) io.out(`${id.padEnd(width)}  ${title}\n`);
  return status;
}

/** Proves scenarios: valid, the solution scores full marks, an empty attempt fails, examples do as declared. */
export async function checkCommand(args: readonly string[], io: Io): Promise<number> {
  const { dir, positional } = parseArgs(args, false);
  const ids = positional.length > 0 ? positional : listIds(dir);
  let status = 0;
  for (const id of ids) {
    const failures = await proveScenario(dir, id);
    if (failures.length === 0) continue;
    status = 1;
    for (const f of failures) io.err(`dockyard: scenario ${id}: ${f}\n`);
  }
  return status;

  async function proveScenario(root: string, id: string): Promise<string[]> {
    let scenario: Scenario;
    try {
      scenario = load(root, id);
    } catch (e) {
      return [problem(e)];
    }
    const failures: string[] = [];
    try {
      const solution = await grade(scenario, parseAttempt(scenario.solution), { name: 'solution' });
      if (!solution.passed) {
        const failed = solution.tasks.filter((t) => !t.passed);
        failures.push(`solution: scores ${solution.score}/${solution.maxScore}: ${failed.map((t) => `${t.id}: ${t.message}`).join('; ')}`);
      }
      const empty = await grade(scenario, parseAttempt(''), { name: 'empty' });
      if (empty.passed || empty.score > 0) failures.push(`an empty attempt scores ${empty.score}/${empty.maxScore}; it must fail every task`);
      for (const [i, example] of scenario.examples.entries()) {
        const result = await grade(scenario, parseAttempt(scenario.exampleTexts.get(example.attempt)!), { name: example.attempt });
        const passed = result.tasks.filter((t) => t.passed).map((t) => t.id);
        const want = [...example.passes].sort();
        if (passed.slice().sort().join(',') !== want.join(',')) {
          failures.push(`examples[${i}] (${example.attempt}): passes [${passed.join(', ')}], declared [${example.passes.join(', ')}]` + explain(result));
        }
        for (const [task, text] of Object.entries(example.messages)) {
          const message = result.tasks.find((t) => t.id === task)?.message ?? '';
          if (!message.includes(text)) failures.push(`examples[${i}] (${example.attempt}): ${task}'s message ${JSON.stringify(message)} does not contain ${JSON.stringify(text)}`);
        }
      }
    } catch (e) {
      failures.push(problem(e));
    }
    if (failures.length === 0) io.out(`ok ${id} (${scenario.tasks.length} task${scenario.tasks.length === 1 ? '' : 's'})\n`);
    return failures;
  }
}

function explain(result: GradeResult): string {
  const failed = result.tasks.filter((t) => !t.passed);
  return failed.length === 0 ? '' : ` (${failed.map((t) => `${t.id}: ${t.message}`).join('; ')})`;
}

export async function gradeCommand(args: readonly string[], io: Io): Promise<number> {
  const { dir, format, positional } = parseArgs(args, true);
  const [id, ...attempts] = positional;
  if (id === undefined || attempts.length === 0) throw new ScenarioUsageError('usage: dockyard grade [--dir DIR] [--json|--csv] ID ATTEMPT...');
  let scenario: Scenario;
  try {
    scenario = load(dir, id);
  } catch (e) {
    io.err(`dockyard: scenario ${id}: ${problem(e)}\n`);
    return 1;
  }
  let status = 0;
  const results: GradeResult[] = [];
  for (const path of attempts) {
    try {
      const text = readAttempt(path);
      const attempt = parseAttempt(text);
      if (attempt.scenario !== undefined && attempt.scenario !== scenario.id) throw new AttemptError('scenario', `this attempt is for scenario "${attempt.scenario}", not "${scenario.id}"`);
      results.push(await grade(scenario, attempt, { name: path }));
    } catch (e) {
      io.err(`dockyard: attempt ${path}: ${problem(e)}\n`);
      status = 1;
    }
  }
  if (format === 'json') io.out(JSON.stringify(results, null, 2) + '\n');
  else if (format === 'csv') io.out(csv(scenario, results));
  else io.out(table(results));
  return status;
}

function table(results: readonly GradeResult[]): string {
  let out = '';
  for (const r of results) {
    out += `${r.attempt} (${r.scenario})\n`;
    const width = Math.max(...r.tasks.map((t) => t.id.length));
    for (const t of r.tasks) out += `  ${t.passed ? '✓' : '✗'} ${t.id.padEnd(width)}  ${t.passed ? t.title : t.message}\n`;
    out += `  score ${r.score}/${r.maxScore}${r.passed ? ', passed' : ''}\n`;
  }
  return out;
}

function csv(scenario: Scenario, results: readonly GradeResult[]): string {
  const cell = (v: string | number | boolean) => {
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const ids = scenario.tasks.map((t) => t.id);
  const lines = [['attempt', 'scenario', 'score', 'maxScore', 'passed', ...ids].map(cell).join(',')];
  for (const r of results) {
    const byId = new Map(r.tasks.map((t) => [t.id, t.passed]));
    lines.push([r.attempt, r.scenario, r.score, r.maxScore, r.passed, ...ids.map((id) => (byId.get(id) ? 1 : 0))].map(cell).join(','));
  }
  return lines.join('\n') + '\n';
}
