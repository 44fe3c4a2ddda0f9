import { execute, TemplateExecError, type MissingKey } from './exec.ts';
import { FUNCS, HEADER_FUNCS, type TemplateFunc } from './funcs.ts';
import { parseTemplate, TemplateParseError, type ParsedTemplate } from './parser.ts';

/**
 * Go text/template with docker's functions, for `--format`. `parse` fails with TemplateParseError
 * (`template: NAME:LINE: ...`); `execute` with TemplateExecError carrying the output written before the error.
 */
export { TemplateExecError, TemplateParseError };
export { GO_MARSHAL_JSON, GO_METHODS, goStruct, NIL_MAP, NIL_SLICE, NO_VALUE, type GoStructType } from './values.ts';
export { marshalJson } from './json.ts';
export { sprintf } from './printf.ts';

export class Template {
  private constructor(
    private readonly parsed: ParsedTemplate,
    private readonly funcs: ReadonlyMap<string, TemplateFunc>,
    private readonly missingKey: MissingKey = 'default',
  ) {}

  /**
   * Go's `Template.Option`, as a copy: `missingkey=default|invalid|zero|error`. docker sets `missingkey=error` only
   * where inspect retries a template on an element's raw JSON (cli/command/inspect/inspector.go).
   */
  option(...options: string[]): Template {
    let missingKey = this.missingKey;
    for (const opt of options) {
      const m = /^missingkey=(default|invalid|zero|error)$/.exec(opt);
      if (!m) throw new Error(`unrecognized option: ${opt}`);
      missingKey = m[1] === 'invalid' ? 'default' : (m[1] as MissingKey);
    }
    return new Template(this.parsed, this.funcs, missingKey);
  }

  /** Parses `text`; `name` appears in errors (docker names the version template "version", most others ""). */
  static parse(text: string, name = '', funcs: ReadonlyMap<string, TemplateFunc> = FUNCS): Template {
    return new Template(parseTemplate(name, text, new Set(funcs.keys())), funcs);
  }

  /** A template for a table's header row, where docker's functions pass their first argument through. */
  static parseHeader(text: string, name = ''): Template {
    return Template.parse(text, name, HEADER_FUNCS);
  }

  execute(data: unknown): string {
    return execute(this.parsed, data, this.funcs, this.missingKey);
  }
}
