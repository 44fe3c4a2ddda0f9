import { DockerError } from '../../core/errors.ts';
import { tabwrite, TABLE_OPTIONS } from '../tabwriter.ts';
import { Template, TemplateExecError, TemplateParseError } from '../template/index.ts';
import { headerContext } from './header.ts';
import { rowContext, type ListRow } from './row.ts';
import { isTableFormat, JSON_FORMAT_KEY, TABLE_FORMAT_KEY } from './select.ts';

/** What a listing's rows are, for templates: docker's row context type and its SubHeaderContext labels. */
export interface ListType {
  /** The row context's Go type as template errors name it, e.g. `*formatter.ContainerContext`. */
  readonly typeName: string;
  /** Column labels by field, e.g. `{ ID: 'CONTAINER ID', Image: 'IMAGE', RunningFor: 'CREATED' }`. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The template text docker runs for a format (formatter.go preFormat): without a leading `table`, and `json` as
 * `{{json .}}`; then spaces (only spaces) trimmed from both ends, and the two-character sequences `\t` and `\n`
 * made a tab and a newline, so a shell-quoted `--format 'table {{.ID}}\t{{.Image}}'` has columns.
 */
export function templateText(format: string): string {
  let text = format;
  if (isTableFormat(format)) text = text.slice(TABLE_FORMAT_KEY.length);
  else if (format === JSON_FORMAT_KEY) text = '{{json .}}';
  return text.replace(/^ +| +$/g, '').replace(/\\[tn]/g, (s) => (s === '\\t' ? '\t' : '\n'));
}

function templateError(e: unknown): never {
  // formatter.go wraps parse and execution errors alike; the listing exits 1 (no StatusError as `version` has).
  if (e instanceof TemplateParseError || e instanceof TemplateExecError) {
    throw new DockerError(`template parsing error: ${e.message}`, 1);
  }
  throw e;
}

/**
 * A listing's output for a resolved format (see selectListFormat), as formatter.Context.Write renders it. Each row
 * is the template's output and a newline. A table format also gets a header row, the same template run over the
 * header labels with docker's header functions, and the whole goes through the tabwriter (min width 10, padding 3,
 * spaces; the last cell of a line is not padded); with no rows the header is still there. Rows are rendered into a
 * buffer first, so an error in any row prints nothing and throws `template parsing error: ...` (exit 1); an error
 * in the header row is ignored and the header keeps what was written before it, as docker ignores it.
 */
export function renderList(format: string, rows: readonly ListRow[], type: ListType): string {
  const text = templateText(format);
  let template: Template;
  try {
    template = Template.parse(text);
  } catch (e) {
    templateError(e);
  }
  let body = '';
  for (const row of rows) {
    try {
      body += template.execute(rowContext(type.typeName, row)) + '\n';
    } catch (e) {
      templateError(e);
    }
  }
  if (!isTableFormat(format)) return body;
  let header: string;
  try {
    header = Template.parseHeader(text).execute(headerContext(type.headers));
  } catch (e) {
    if (!(e instanceof TemplateExecError)) throw e;
    header = e.partialOutput;
  }
  return tabwrite(`${header}\n${body}`, TABLE_OPTIONS);
}
