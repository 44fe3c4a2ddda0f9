import { DockerError, isDockerError } from '../../core/errors.ts';
import type { CommandContext } from '../command.ts';
import { indentJson } from '../json-indent.ts';
import { marshalJson, Template, TemplateExecError, TemplateParseError } from '../template/index.ts';

/**
 * docker/cli's inspect.Inspect (cli/command/inspect/inspector.go), shared by every inspect command: looks each
 * reference up, collects what was found, and prints it once all are done: a 4-space indented JSON array by default
 * (`[]` when nothing was found), compact JSON for `--format json`, or the template's output per element. Lookup
 * errors are printed together on stderr afterwards, one per line, and make the exit status 1; a template that
 * does not parse exits 64 before anything is looked up.
 *
 * `find` returns the element as the API's Go type sees it (templates run on that first) and throws the daemon's
 * DockerError when there is no such object. Like the CLI, a template that fails on the typed value is retried on the
 * element's plain JSON, so `{{.Id}}` works as well as `{{.ID}}`; that retry fails on a key the JSON lacks
 * (`map has no entry for key "Nope"`) where the typed run would have printed `<no value>` for a map's key.
 */
export async function writeInspect(ctx: CommandContext, refs: readonly string[], format: string, find: (ref: string) => unknown): Promise<number> {
  let template: Template | undefined;
  if (format !== '' && format !== 'json') {
    try {
      template = Template.parse(format);
    } catch (e) {
      if (e instanceof TemplateParseError) throw new DockerError(`template parsing error: ${e.message}`, 64);
      throw e;
    }
  }
  const errors: string[] = [];
  const elements: string[] = [];
  let text = '';
  for (const ref of refs) {
    let element: unknown;
    try {
      element = await find(ref);
    } catch (e) {
      if (!isDockerError(e)) throw e;
      errors.push(e.message);
      continue;
    }
    const json = marshalJson(element);
    if (!template) {
      elements.push(json);
      continue;
    }
    try {
      text += executeWithFallback(template, element, json) + '\n';
    } catch (e) {
      if (!(e instanceof TemplateExecError)) throw e;
      errors.push(`template parsing error: ${e.message}`);
    }
  }
  if (template) await ctx.stdout.write(text === '' ? '\n' : text);
  else if (elements.length === 0) await ctx.stdout.write('[]\n');
  else {
    const array = `[${elements.join(',')}]`;
    await ctx.stdout.write((format === 'json' ? array : indentJson(array, '    ')) + '\n');
  }
  if (errors.length === 0) return 0;
  await ctx.stderr.write(errors.join('\n') + '\n');
  return 1;
}

function executeWithFallback(template: Template, typed: unknown, json: string): string {
  try {
    return template.execute(typed);
  } catch (e) {
    if (!(e instanceof TemplateExecError)) throw e;
    // Only this retry is strict about absent keys: on raw JSON every field is a map key, and a typo must not pass.
    return template.option('missingkey=error').execute(JSON.parse(json));
  }
}
