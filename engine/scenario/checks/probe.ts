import type { Machine, Terminal } from '../../api.ts';
import { hostPath } from '../state.ts';
import { advanceSettled } from '../clock.ts';
import { parseDuration, parseOptions, parseRegex } from '../check-parse.ts';
import { ScenarioError } from '../errors.ts';
import type { Check, CheckContext, CheckKind, CheckResult } from '../types.ts';
import { z } from '../validate.ts';
import { recreateContainer } from '../recreate.ts';

const textExpect = z.union([
  z.strictObject({ contains: z.string() }),
  z.strictObject({ matches: z.string() }),
  z.strictObject({ equals: z.string() }),
]);
const runStep = z.strictObject({
  run: z.string(),
  expect: z.strictObject({ exitCode: z.number().int().optional(), stdout: textExpect.optional(), stderr: textExpect.optional() }).optional(),
  retry: z.strictObject({ times: z.number().int().positive(), every: z.union([z.string(), z.number()]) }).optional(),
});
const editStep = z.strictObject({
  edit: z.union([z.strictObject({ file: z.string(), append: z.string() }), z.strictObject({ file: z.string(), replace: z.tuple([z.string(), z.string()]) })]),
});
const STEP_SCHEMAS = {
  run: runStep,
  recreate: z.strictObject({ recreate: z.string() }),
  edit: editStep,
  rebuild: z.strictObject({ rebuild: z.string() }),
  wait: z.strictObject({ wait: z.union([z.string(), z.number()]) }),
  kill: z.strictObject({ kill: z.string() }),
  restart: z.strictObject({ restart: z.string() }),
} as const;

type TextExpect = { readonly kind: 'contains' | 'matches' | 'equals'; readonly text: string; readonly regex?: RegExp };
type Step =
  | { readonly type: 'run'; readonly line: string; readonly exitCode?: number; readonly stdout?: TextExpect; readonly stderr?: TextExpect; readonly times: number; readonly every: number }
  | { readonly type: 'recreate'; readonly name: string }
  | { readonly type: 'edit'; readonly file: string; readonly append?: string; readonly replace?: readonly [string, string] }
  | { readonly type: 'rebuild'; readonly ref: string }
  | { readonly type: 'wait'; readonly ms: number };

interface Options {
  readonly steps: readonly Step[];
  readonly expect: readonly Check[];
}

const schema = z.strictObject({ probe: z.array(z.record(z.string(), z.unknown())), expect: z.array(z.unknown()).optional() });

function parseText(raw: z.infer<typeof textExpect> | undefined, path: string): TextExpect | undefined {
  if (raw === undefined) return undefined;
  if ('contains' in raw) return { kind: 'contains', text: raw.contains };
  if ('equals' in raw) return { kind: 'equals', text: raw.equals };
  return { kind: 'matches', text: raw.matches, regex: parseRegex(raw.matches, `${path}.matches`) };
}

function parseStep(raw: Record<string, unknown>, path: string): Step {
  const type = (Object.keys(STEP_SCHEMAS) as (keyof typeof STEP_SCHEMAS)[]).find((k) => Object.hasOwn(raw, k));
  if (type === undefined) throw new ScenarioError('schema', path, `unknown probe step ${JSON.stringify(Object.keys(raw)[0] ?? '')} (run, recreate, edit, rebuild, wait, kill, restart)`);
  switch (type) {
    case 'run': {
      const o = parseOptions(runStep, raw, path);
      return {
        type: 'run',
        line: o.run,
        ...(o.expect?.exitCode !== undefined ? { exitCode: o.expect.exitCode } : {}),
        ...(o.expect?.stdout ? { stdout: parseText(o.expect.stdout, `${path}.expect.stdout`)! } : {}),
        ...(o.expect?.stderr ? { stderr: parseText(o.expect.stderr, `${path}.expect.stderr`)! } : {}),
        times: o.retry?.times ?? 1,
        every: o.retry ? parseDuration(o.retry.every, `${path}.retry.every`) : 0,
      };
    }
    case 'recreate':
      return { type: 'recreate', name: parseOptions(STEP_SCHEMAS.recreate, raw, path).recreate };
    case 'edit': {
      const o = parseOptions(editStep, raw, path).edit;
      return 'append' in o ? { type: 'edit', file: o.file, append: o.append } : { type: 'edit', file: o.file, replace: o.replace };
    }
    case 'rebuild':
      return { type: 'rebuild', ref: parseOptions(STEP_SCHEMAS.rebuild, raw, path).rebuild };
    case 'wait':
      return { type: 'wait', ms: parseDuration(parseOptions(STEP_SCHEMAS.wait, raw, path).wait, `${path}.wait`) };
    case 'kill':
      return { type: 'run', line: `docker kill ${parseOptions(STEP_SCHEMAS.kill, raw, path).kill}`, times: 1, every: 0 };
    case 'restart':
      return { type: 'run', line: `docker restart ${parseOptions(STEP_SCHEMAS.restart, raw, path).restart}`, times: 1, every: 0 };
  }
}

/**
 * A behavioural probe: steps run on a copy of the attempt's machine (never the student's), then state checks on
 * that copy. What the student's setup does decides the grade, not the commands they typed.
 */
export const probeCheck: CheckKind<Options> = {
  kind: 'probe',
  probe: true,
  parse: (raw, path, parseCheck) => {
    const o = parseOptions(schema, raw, path);
    if (o.probe.length === 0) throw new ScenarioError('schema', `${path}.probe`, 'a probe needs at least one step');
    return {
      steps: o.probe.map((s, i) => parseStep(s, `${path}.probe[${i}]`)),
      expect: (o.expect ?? []).map((c, i) => parseCheck(c, `${path}.expect[${i}]`)),
    };
  },
  async evaluate(o, ctx) {
    const machine = await ctx.probeMachine();
    const terminal = machine.openTerminal();
    for (const step of o.steps) {
      const failure = await runStep_(step, machine, terminal, ctx);
      if (failure !== undefined) return { passed: false, message: failure };
    }
    for (const check of o.expect) {
      const result = await ctx.evaluate(check, machine);
      if (!result.passed) return result;
    }
    return { passed: true, message: '' };
  },
};

async function run(terminal: Terminal, line: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const exitCode = await terminal.run(line, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { exitCode, stdout, stderr };
}

function textFailure(expect: TextExpect | undefined, text: string, stream: string): string | undefined {
  if (!expect) return undefined;
  const ok = expect.kind === 'contains' ? text.includes(expect.text) : expect.kind === 'equals' ? text.replace(/\n$/, '') === expect.text.replace(/\n$/, '') : expect.regex!.test(text);
  if (ok) return undefined;
  const wanted = expect.kind === 'matches' ? `to match /${expect.text}/` : `to ${expect.kind === 'contains' ? 'contain' : 'be'} ${JSON.stringify(expect.text)}`;
  return `its ${stream} was expected ${wanted}`;
}

/** The last lines of what a command printed, for a message. */
function shown(out: { stdout: string; stderr: string }): string {
  const text = (out.stdout + out.stderr).trim();
  if (text === '') return 'it printed nothing';
  const lines = text.split('\n');
  return `it printed: ${lines.slice(-3).join(' / ').slice(0, 300)}`;
}

async function runStep_(step: Step, machine: Machine, terminal: Terminal, ctx: CheckContext): Promise<string | undefined> {
  switch (step.type) {
    case 'run': {
      let failure = '';
      for (let attempt = 0; attempt < step.times; attempt++) {
        if (attempt > 0) await advanceSettled(machine.clock, machine.clock.now() + step.every);
        const out = await run(terminal, step.line);
        const problem =
          step.exitCode !== undefined && out.exitCode !== step.exitCode
            ? `it exited with ${out.exitCode}, expected ${step.exitCode}`
            : (textFailure(step.stdout, out.stdout, 'output') ?? textFailure(step.stderr, out.stderr, 'error output'));
        if (problem === undefined) return undefined;
        failure = `\`${step.line}\` failed${step.times > 1 ? ` ${step.times} times` : ''}: ${problem}; ${shown(out)}`;
      }
      return failure;
    }
    case 'wait':
      await advanceSettled(machine.clock, machine.clock.now() + step.ms);
      return undefined;
    case 'edit': {
      const path = hostPath(step.file);
      if (!machine.hostFs.exists(path)) return `the probe could not edit ${step.file}: it does not exist`;
      const text = machine.hostFs.readText(path);
      if (step.append !== undefined) machine.hostFs.writeFile(path, text + step.append);
      else {
        const [from, to] = step.replace!;
        if (!text.includes(from)) return `the probe could not edit ${step.file}: it does not contain ${JSON.stringify(from)}`;
        machine.hostFs.writeFile(path, text.replace(from, to));
      }
      return undefined;
    }
    case 'rebuild': {
      const build = ctx.lastBuild(step.ref);
      if (!build) return `no successful docker build tagged ${step.ref}, so there is nothing to rebuild`;
      const cd = await run(terminal, `cd '${build.cwd.replace(/'/g, `'\\''`)}'`);
      if (cd.exitCode !== 0) return `the probe could not return to ${build.cwd} to rebuild ${step.ref}`;
      const out = await run(terminal, build.line);
      return out.exitCode === 0 ? undefined : `rebuilding ${step.ref} with \`${build.line}\` failed; ${shown(out)}`;
    }
    case 'recreate': {
      const result: CheckResult = await recreateContainer(machine, step.name);
      return result.passed ? undefined : result.message;
    }
  }
}
