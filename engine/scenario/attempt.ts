import { parse as parseShell } from '../programs/shell/parser.ts';
import { splitScript } from '../host/script.ts';
import { AttemptError } from './errors.ts';
import type { Attempt, AttemptEvent } from './types.ts';
import { firstIssue, z } from './validate.ts';

export const ATTEMPT_FORMAT = 'dockyard-attempt';
/** The attempt format's version; a newer one is refused by name, never misread. */
export const ATTEMPT_VERSION = 1;

const at = z.number().int().nonnegative();
const path = z.string().min(1);
const eventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('command'),
    at,
    terminal: z.number().int().nonnegative(),
    line: z.string(),
    input: z.string().optional(),
    exitCode: z.number().int(),
    endedAt: at.optional(),
  }),
  z.strictObject({ type: z.literal('write'), at, path, content: z.string() }),
  z.strictObject({ type: z.enum(['remove', 'mkdir']), at, path }),
  z.strictObject({ type: z.literal('rename'), at, path, to: path }),
  z.strictObject({ type: z.literal('hint'), at, task: z.string() }),
  z.strictObject({ type: z.enum(['solution', 'reset']), at }),
]);
const attemptSchema = z.strictObject({
  format: z.literal(ATTEMPT_FORMAT),
  version: z.literal(ATTEMPT_VERSION),
  scenario: z.string(),
  seed: z.number().int().nonnegative().optional(),
  events: z.array(eventSchema),
});

/**
 * An attempt: the page's export (JSON, `format: "dockyard-attempt"`) or a plain script of command lines as `play`
 * reads them. Throws AttemptError naming the bad field of a JSON attempt.
 */
export function parseAttempt(text: string): Attempt {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return scriptAttempt(text);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return scriptAttempt(text);
  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format === ATTEMPT_FORMAT && typeof version === 'number' && version > ATTEMPT_VERSION) {
    throw new AttemptError('version', `this attempt was exported by a newer Dockyard (attempt format ${version}; this one reads up to ${ATTEMPT_VERSION})`);
  }
  const result = attemptSchema.safeParse(json, { reportInput: true });
  if (!result.success) {
    const issue = firstIssue(result.error, '');
    throw new AttemptError(issue.path, issue.message);
  }
  const events = result.data.events as AttemptEvent[];
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.at! < events[i - 1]!.at!) throw new AttemptError(`events[${i}].at`, 'events must be in time order');
  }
  return { format: 'json', scenario: result.data.scenario, seed: result.data.seed ?? 0, events };
}

function scriptAttempt(text: string): Attempt {
  const commands = splitScript(text, (t) => parseShell(t, 'bash').kind === 'incomplete');
  return { format: 'script', seed: 0, events: commands.map((c) => ({ type: 'command', terminal: 0, line: c.text })) };
}

/** A JSON attempt as the page exports it. */
export function serializeAttempt(attempt: { readonly scenario: string; readonly seed: number; readonly events: readonly AttemptEvent[] }): string {
  return JSON.stringify({ format: ATTEMPT_FORMAT, version: ATTEMPT_VERSION, scenario: attempt.scenario, seed: attempt.seed, events: attempt.events }, null, 1) + '\n';
}
