import { DockerError } from '../../core/errors.ts';
import { Template, TemplateExecError, TemplateParseError, marshalJson } from '../template/index.ts';

/**
 * `--format` for single-object commands (version, info): `json`, or a Go template. Parse errors exit 64 with
 * `template parsing error: `; execution errors print what was written, a newline, then the error (exit 1).
 */
export async function writeFormatted(
  format: string,
  data: unknown,
  templateName: string,
  write: (s: string) => Promise<void>,
  postProcess: (s: string) => string = (s) => s,
): Promise<number> {
  if (format === 'json') {
    await write(marshalJson(data) + '\n');
    return 0;
  }
  let template: Template;
  try {
    template = Template.parse(format, templateName);
  } catch (e) {
    if (e instanceof TemplateParseError) throw new DockerError(`template parsing error: ${e.message}`, 64);
    throw e;
  }
  try {
    await write(postProcess(template.execute(data)) + '\n');
    return 0;
  } catch (e) {
    if (!(e instanceof TemplateExecError)) throw e;
    await write(postProcess(e.partialOutput) + '\n');
    throw new DockerError(e.message, 1);
  }
}
