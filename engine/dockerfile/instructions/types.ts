// Typed Dockerfile instructions, shaped like BuildKit's frontend/dockerfile/instructions/commands.go. Values are
// kept as written: variables are expanded later, when a stage is converted, because only then is the ARG/ENV scope known.
import type { Node } from '../parser/index.ts';

interface Base {
  /** The lower-cased keyword, as BuildKit's Command.Name(). */
  readonly name: string;
  /** The instruction's text, trimmed: what progress output and lint messages quote. */
  readonly code: string;
  readonly startLine: number;
  readonly endLine: number;
}

export interface KeyValuePair {
  readonly key: string;
  readonly value: string;
  /** The legacy `ENV key value` form, which lint rule LegacyKeyValueFormat reports. */
  readonly noDelim: boolean;
}

export interface KeyValuePairOptional {
  readonly key: string;
  readonly value: string | undefined;
  readonly comment: string;
}

/** A heredoc body for RUN: written to a file (or fed to the shell) at build time. */
export interface ShellInlineFile {
  readonly name: string;
  readonly data: string;
  readonly chomp: boolean;
}

/** RUN/CMD/ENTRYPOINT: shell form is one string that the stage's SHELL runs; exec form is argv. */
export interface ShellDependantCmdLine {
  readonly cmdLine: readonly string[] | undefined;
  readonly files: readonly ShellInlineFile[];
  readonly prependShell: boolean;
}

export interface SourceContent {
  readonly path: string;
  readonly data: string;
  readonly expand: boolean;
}

export interface SourcesAndDest {
  readonly sourcePaths: readonly string[];
  readonly sourceContents: readonly SourceContent[];
  readonly destPath: string;
}

export interface HealthConfig {
  /** `["NONE"]`, `["CMD", ...argv]` or `["CMD-SHELL", cmd]`, as the image config stores it. */
  readonly test: readonly string[];
  /** Nanoseconds, 0 when not given (the runtime then applies its defaults). */
  readonly interval: number;
  readonly timeout: number;
  readonly startPeriod: number;
  readonly startInterval: number;
  readonly retries: number;
}

export interface EnvCommand extends Base { readonly kind: 'env'; readonly env: readonly KeyValuePair[] }
export interface LabelCommand extends Base { readonly kind: 'label'; readonly labels: readonly KeyValuePair[] }
export interface MaintainerCommand extends Base { readonly kind: 'maintainer'; readonly maintainer: string }
export interface AddCommand extends Base, SourcesAndDest {
  readonly kind: 'add';
  readonly chown: string;
  readonly chmod: string;
  readonly link: boolean;
  readonly keepGitDir: boolean;
  readonly checksum: string;
  readonly excludes: readonly string[];
}
export interface CopyCommand extends Base, SourcesAndDest {
  readonly kind: 'copy';
  readonly from: string;
  readonly chown: string;
  readonly chmod: string;
  readonly link: boolean;
  readonly parents: boolean;
  readonly excludes: readonly string[];
}
export interface OnbuildCommand extends Base {
  readonly kind: 'onbuild';
  /** The trigger's text, heredoc bodies appended: what the image config's OnBuild list stores. */
  readonly expression: string;
  /** The trigger's syntax node; it is typed only when a child image runs it, as BuildKit does. */
  readonly trigger: Node | undefined;
}
export interface WorkdirCommand extends Base { readonly kind: 'workdir'; readonly path: string }
export interface RunCommand extends Base, ShellDependantCmdLine {
  readonly kind: 'run';
  /** Raw `--mount` values, in order; their fields are read at conversion. */
  readonly mounts: readonly string[];
  readonly network: string;
  readonly security: string;
  readonly flagsUsed: readonly string[];
}
export interface CmdCommand extends Base, ShellDependantCmdLine { readonly kind: 'cmd' }
export interface EntrypointCommand extends Base, ShellDependantCmdLine { readonly kind: 'entrypoint' }
export interface HealthCheckCommand extends Base { readonly kind: 'healthcheck'; readonly health: HealthConfig }
export interface ExposeCommand extends Base { readonly kind: 'expose'; readonly ports: readonly string[] }
export interface UserCommand extends Base { readonly kind: 'user'; readonly user: string }
export interface VolumeCommand extends Base { readonly kind: 'volume'; readonly volumes: readonly string[] }
export interface StopSignalCommand extends Base { readonly kind: 'stopsignal'; readonly signal: string }
export interface ArgCommand extends Base { readonly kind: 'arg'; readonly args: readonly KeyValuePairOptional[] }
export interface ShellCommand extends Base { readonly kind: 'shell'; readonly shell: readonly string[] }

export type Command =
  | EnvCommand
  | LabelCommand
  | MaintainerCommand
  | AddCommand
  | CopyCommand
  | OnbuildCommand
  | WorkdirCommand
  | RunCommand
  | CmdCommand
  | EntrypointCommand
  | HealthCheckCommand
  | ExposeCommand
  | UserCommand
  | VolumeCommand
  | StopSignalCommand
  | ArgCommand
  | ShellCommand;

/** A FROM and the instructions up to the next FROM. */
export interface Stage {
  readonly kind: 'from';
  /** Lower-cased `AS` name, '' when unnamed. */
  readonly name: string;
  /** The image or earlier stage as written (expanded against meta args at conversion). */
  readonly baseName: string;
  readonly platform: string;
  readonly sourceCode: string;
  readonly commands: readonly Command[];
  /** The `# name description` comment above FROM, used by `--print=outline`. */
  readonly comment: string;
  readonly startLine: number;
  readonly endLine: number;
}

export type Instruction = Command | Stage;
