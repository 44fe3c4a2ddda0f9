// BuildKit's build-check rule names and message texts (frontend/dockerfile/linter), written from its documented output.

export interface LintWarning {
  readonly rule: string;
  readonly message: string;
  readonly line: number;
  readonly endLine?: number;
  readonly url: string;
  readonly level: 'warning' | 'error';
}

const url = (kebab: string) => `https://docs.docker.com/go/dockerfile/rule/${kebab}/`;

export const RULES = {
  StageNameCasing: url('stage-name-casing'),
  FromAsCasing: url('from-as-casing'),
  NoEmptyContinuation: url('no-empty-continuation'),
  ConsistentInstructionCasing: url('consistent-instruction-casing'),
  DuplicateStageName: url('duplicate-stage-name'),
  ReservedStageName: url('reserved-stage-name'),
  JSONArgsRecommended: url('json-args-recommended'),
  MaintainerDeprecated: url('maintainer-deprecated'),
  UndefinedArgInFrom: url('undefined-arg-in-from'),
  WorkdirRelativePath: url('workdir-relative-path'),
  UndefinedVar: url('undefined-var'),
  MultipleInstructionsDisallowed: url('multiple-instructions-disallowed'),
  LegacyKeyValueFormat: url('legacy-key-value-format'),
  SecretsUsedInArgOrEnv: url('secrets-used-in-arg-or-env'),
  ExposeProtoCasing: url('expose-proto-casing'),
  ExposeInvalidFormat: url('expose-invalid-format'),
} as const;

export type RuleName = keyof typeof RULES;

/** Where a warning points: an instruction's first and last line. */
export interface Span {
  readonly startLine: number;
  readonly endLine: number;
}

export type Report = (rule: RuleName, message: string, at: Span) => void;
