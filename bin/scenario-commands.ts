// `dockyard scenarios`, `check` and `grade`: the teacher's side of scenarios.
import { fileURLToPath } from 'node:url';
import type { GradeResult, Scenario } from '../engine/scenario/types.ts';
import { readAttempt, scenarioIds } from './scenario-io.ts';
import { loadScenario, problem, type GradeJob, type GradeOutcome } from './scenario-jobs.ts';
import { defaultWorkers, runJobs } from './scenario-pool.ts';

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
  /** Threads grading side by side (`--jobs`, as make's); by default as many as pay off. */
  workers?: number;
  positional: string[];
}

function parseArgs(args: readonly string[], allowFormat: boolean, allowJobs = allowFormat): Parsed {
  const parsed: Parsed = { dir: DEFAULT_SCENARIO_DIR, format: 'table', positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--dir' || arg.startsWith('--dir=')) {
      const value = arg === '--dir' ? args[++i] : arg.slice('--dir='.length);
      if (value === undefined || value === '') throw new ScenarioUsageError('flag needs an argument: --dir');
      parsed.dir = value;
    } else if (allowJobs && (arg === '--jobs' || arg === '-j' || arg.startsWith('--jobs='))) {
      const value = arg.startsWith('--jobs=') ? arg.slice('--jobs='.length) : args[++i];
      if (value === undefined || value === '') throw new ScenarioUsageError(`flag needs an argument: ${arg}`);
      if (!/^[1-9]\d{0,2}$/.test(value)) throw new ScenarioUsageError(`invalid --jobs "${value}": must be a number from 1 to 999`);
      parsed.workers = Number(value);
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
      rows.push([id, loadScenario(dir, id).title]);
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
  const { dir, workers, positional } = parseArgs(args, false, true);
  const ids = positional.length > 0 ? positional : listIds(dir);
  // A proof grades the solution, an empty attempt and each example: four grades or more, so it counts as four.
  const outcomes = await runJobs(
    ids.map((id) => ({ kind: 'prove' as const, dir, id })),
    workers ?? defaultWorkers(ids.length * 4),
  );
  let status = 0;
  for (const [i, id] of ids.entries()) {
    const { tasks, failures } = outcomes[i]!;
    if (failures.length === 0) io.out(`ok ${id} (${tasks} task${tasks === 1 ? '' : 's'})\n`);
    else status = 1;
    for (const f of failures) io.err(`dockyard: scenario ${id}: ${f}\n`);
  }
  return status;
}

export async function gradeCommand(args: readonly string[], io: Io): Promise<number> {
  const { dir, format, workers, positional } = parseArgs(args, true);
  const [id, ...attempts] = positional;
  if (id === undefined || attempts.length === 0) throw new ScenarioUsageError('usage: dockyard grade [--dir DIR] [--json|--csv] [--jobs N] ID ATTEMPT...');
  let scenario: Scenario;
  try {
    scenario = loadScenario(dir, id);
  } catch (e) {
    io.err(`dockyard: scenario ${id}: ${problem(e)}\n`);
    return 1;
  }
  // Read every attempt here (standard input belongs to this thread), then grade the readable ones side by side.
  const read = attempts.map((path): GradeJob | GradeOutcome => {
    try {
      return { kind: 'grade', dir, id, name: path, text: readAttempt(path) };
    } catch (e) {
      return { error: problem(e) };
    }
  });
  const jobs = read.filter((r): r is GradeJob => 'kind' in r);
  const graded = await runJobs(jobs, workers ?? defaultWorkers(jobs.length));
  let status = 0;
  const results: GradeResult[] = [];
  let next = 0;
  for (const [i, path] of attempts.entries()) {
    const r = read[i]!;
    const outcome = 'kind' in r ? graded[next++]! : r;
    if ('result' in outcome) results.push(outcome.result);
    else {
      io.err(`dockyard: attempt ${path}: ${outcome.error}\n`);
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
