import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Machine } from '../../../engine/api.ts';
import { Template, TemplateExecError, TemplateParseError } from '../../../engine/cli/template/index.ts';
import { fuzzParameters, leakIn } from '../../property.ts';
import { machineWithObjects, runClean, shellQuote } from '../../host/fuzz-terminal.ts';

/**
 * Random `--format` templates, from Go template soup to plain garbage: the template engine gives text or Go's own
 * parse and execution errors, and docker's commands print them as the real client does.
 */

const ACTIONS = [
  '.', '.ID', '.Names', '.Repository', '.Tag', '.State', '.Status', '.Ports', '.Mounts', '.Labels', '.Config', '.Config.Env', '.State.Running',
  '.NetworkSettings.Networks', '.Size', '.CreatedAt', '.Nope', '.ID.Foo', '$', '$x', '$x := .ID', '$x = 1', 'json .', 'json', 'upper .Names',
  'lower', 'title .Names', 'split .Names ","', 'join . ","', 'index . "a"', 'index .Config.Env 0', 'index .Config.Env 99', 'len .', 'len 3',
  'printf "%s" .ID', 'printf "%d %v %q"', 'printf', 'println .ID', 'print', 'truncate .ID 3', 'pad .ID 1 2', 'table', 'range .', 'range $i, $e := .',
  'range .Config.Env', 'if .', 'if eq .State "running"', 'else', 'else if .ID', 'end', 'with .Config', 'define "x"', 'template "x"', 'block "b" .',
  'break', 'continue', 'not', 'and 1 0', 'or', 'eq', 'ne 1 "a"', 'lt 1 2', 'le "a" 1', 'gt', 'ge nil 1', 'nil', 'true', '1.5e3', '0x1F', "'a'",
  '"unterminated', '`raw`', '(', ')', '|', '.ID | upper', '- ', ' -', '/* c */', '"\\x"', 'call .ID', 'slice .ID 1 2', 'html .', 'urlquery .',
];
const PIECES = ['{{', '}}', '{{-', '-}}', '\\t', '\\n', 'table ', 'ID:', ' ', 'é', '{', '}', '%'];

const template = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ACTIONS).map((a) => `{{${a}}}`) },
      { weight: 2, arbitrary: fc.constantFrom(...PIECES, ...ACTIONS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

const data = fc.oneof(
  fc.constant({ ID: 'abc', Names: 'web', State: 'running', Config: { Env: ['A=1'], Labels: {} }, Size: 10 }),
  fc.jsonValue(),
  fc.constant(undefined),
);

let fresh: () => Machine;
beforeAll(async () => {
  fresh = await machineWithObjects();
}, 60_000);

describe('--format templates (property)', () => {
  test('give text or a Go template error', () => {
    fc.assert(
      fc.property(template, data, (text, value) => {
        try {
          Template.parse(text).execute(value);
        } catch (e) {
          if (!(e instanceof TemplateParseError || e instanceof TemplateExecError)) throw e;
          expect(e.message).toMatch(/^template: /);
          expect(leakIn(e.message)).toBeUndefined();
        }
      }),
      fuzzParameters(3000),
    );
  });

  test('docker prints a result or the client’s template error', async () => {
    const commands = ['images', 'ps -a', 'inspect web', 'inspect alpine', 'container inspect idle', 'image inspect mine:1', 'volume ls', 'volume inspect data', 'network ls', 'network inspect net', 'version', 'info', 'system df', 'history alpine', 'stats --no-stream'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...commands), template, async (command, text) => {
        const terminal = fresh().openTerminal();
        const { code, out } = await runClean(terminal, `docker ${command} --format ${shellQuote(text)}`);
        if (code !== 0) expect(out, text).toMatch(/template|unknown flag|Error|error/);
      }),
      fuzzParameters(300),
    );
  }, 120_000);
});
