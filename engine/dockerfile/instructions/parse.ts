// BuildKit's instructions/parse.go: syntax nodes to typed instructions, grouped into stages.
import { runSteps, runStepsSliced } from '../../core/slicer.ts';
import { chompHeredocContent, parseHeredocMarker, type Node } from '../parser/index.ts';
import { BFlags, InstructionError, type Flag } from './bflag.ts';
import { formatGoDuration, parseGoDuration } from './duration.ts';
import { InstructionParseError } from './errors.ts';
import { withSuggestion } from './suggest.ts';
import type {
  ArgCommand,
  Command,
  HealthConfig,
  Instruction,
  KeyValuePair,
  ShellDependantCmdLine,
  SourceContent,
  SourcesAndDest,
  Stage,
} from './types.ts';

/** BuildKit's command.Commands, upper-cased as allInstructionNames gives them to the suggester. */
export const INSTRUCTION_NAMES = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;

/** container.MinimumDuration: 1ms. */
const MINIMUM_DURATION = 1e6;

interface Request {
  readonly command: string;
  readonly args: readonly string[];
  readonly node: Node;
  readonly json: boolean;
  readonly flags: BFlags;
  readonly base: { name: string; code: string; startLine: number; endLine: number };
}

/** BuildKit's nodeArgs: ONBUILD's nested instruction contributes its keyword, then its own arguments. */
function nodeArgs(node: Node): string[] {
  const out: string[] = [];
  for (let n = node.next; n !== undefined; n = n.next) {
    const child = n.children[0];
    if (n.children.length === 0) out.push(n.value);
    else if (n.children.length === 1 && child !== undefined) out.push(child.value, ...nodeArgs(child));
  }
  return out;
}

function request(node: Node): Request {
  return {
    command: node.value.toLowerCase(),
    args: nodeArgs(node),
    node,
    json: node.attributes.json === true,
    flags: new BFlags(node.flags),
    base: { name: node.value.toLowerCase(), code: node.original.trim(), startLine: node.startLine, endLine: node.endLine },
  };
}

const fail = (msg: string): never => {
  throw new InstructionError(msg);
};
const atLeastOne = (cmd: string) => fail(`${cmd} requires at least one argument`);
const exactlyOne = (cmd: string) => fail(`${cmd} requires exactly one argument`);
const noDestination = (cmd: string) =>
  fail(`${cmd} requires at least two arguments, but only one was provided. Destination could not be determined`);
const blankNames = (cmd: string) => fail(`${cmd} names can not be blank`);

/** The parser hands ENV/LABEL over as key, value, separator triples. */
function keyValuePairs(args: readonly string[], cmd: string): KeyValuePair[] {
  if (args.length === 0) atLeastOne(cmd);
  if (args.length % 3 !== 0) fail(`Bad input to ${cmd}, too many arguments`);
  const out: KeyValuePair[] = [];
  for (let i = 0; i < args.length; i += 3) {
    const key = args[i] as string;
    if (key === '') blankNames(cmd);
    out.push({ key, value: args[i + 1] as string, noDelim: args[i + 2] === '' });
  }
  return out;
}

/** Exec form keeps the argv; shell form is the one string the parser kept, the way it was written. */
function handleJSONArgs(args: readonly string[], json: boolean): string[] {
  if (json) return [...args];
  return [args.join(' ')];
}

function shellDependent(req: Request, emptyAsNil: boolean): ShellDependantCmdLine {
  const cmd = handleJSONArgs(req.args, req.json);
  return {
    cmdLine: emptyAsNil && cmd.length === 0 ? undefined : cmd,
    files: req.node.heredocs.map((h) => ({ name: h.name, data: h.content, chomp: h.chomp })),
    prependShell: !req.json,
  };
}

function sourcesAndDest(req: Request, cmd: string): SourcesAndDest {
  const dest = req.args[req.args.length - 1] as string;
  if (parseHeredocMarker(dest) !== undefined) fail(`${cmd} cannot accept a heredoc as a destination`);
  const bodies = new Map(req.node.heredocs.map((h) => [h.name, h.content]));
  const sourcePaths: string[] = [];
  const sourceContents: SourceContent[] = [];
  for (const src of req.args.slice(0, -1)) {
    const marker = parseHeredocMarker(src);
    if (marker === undefined) {
      sourcePaths.push(src);
      continue;
    }
    const content = bodies.get(marker.name) ?? '';
    sourceContents.push({
      path: marker.name,
      data: marker.chomp ? chompHeredocContent(content) : content,
      expand: marker.expand,
    });
  }
  return { sourcePaths, sourceContents, destPath: dest };
}

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

function parseFrom(req: Request): Stage {
  const args = req.args;
  let name = '';
  if (args.length === 3 && (args[1] as string).toLowerCase() === 'as') {
    const written = args[2] as string;
    name = written.toLowerCase();
    if (!STAGE_NAME.test(name)) {
      fail(`invalid name for build stage: ${JSON.stringify(written)}, name can't start with a number or contain symbols`);
    }
  } else if (args.length !== 1) {
    fail('FROM requires either one or three arguments');
  }
  const platform = req.flags.addString('platform', '');
  req.flags.parse();
  const comment = stageComment(req.node.prevComment, name);
  return {
    kind: 'from',
    name,
    baseName: args[0] as string,
    platform: platform.value,
    sourceCode: req.base.code,
    commands: [],
    comment,
    startLine: req.base.startLine,
    endLine: req.base.endLine,
  };
}

/** BuildKit's getComment: a comment line `name description` documents the stage or ARG called name. */
function stageComment(comments: readonly string[], name: string): string {
  if (name === '') return '';
  for (const line of comments) if (line.startsWith(name + ' ')) return line.slice(name.length + 1);
  return '';
}

function optInterval(flag: Flag): number {
  if (flag.value === '') return 0;
  let d: number;
  try {
    d = parseGoDuration(flag.value);
  } catch (e) {
    return fail((e as Error).message);
  }
  if (d === 0) return 0;
  if (d < MINIMUM_DURATION) {
    fail(`Interval ${JSON.stringify(flag.name)} cannot be less than ${formatGoDuration(MINIMUM_DURATION)}`);
  }
  return d;
}

/** strconv.ParseInt(s, 10, 32) with Go's error texts. */
function parseInt32(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) return fail(`strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 2147483647 || n < -2147483648) fail(`strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

function parseHealthcheck(req: Request): HealthConfig {
  if (req.args.length === 0) atLeastOne('HEALTHCHECK');
  const typ = (req.args[0] as string).toUpperCase();
  const rest = req.args.slice(1);
  // NONE never reads its flags, so BuildKit accepts any flags written before it.
  if (typ === 'NONE') {
    if (rest.length !== 0) fail('HEALTHCHECK NONE takes no arguments');
    return { test: ['NONE'], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
  }
  const fInterval = req.flags.addString('interval', '');
  const fTimeout = req.flags.addString('timeout', '');
  const fStartPeriod = req.flags.addString('start-period', '');
  const fStartInterval = req.flags.addString('start-interval', '');
  const fRetries = req.flags.addString('retries', '');
  req.flags.parse();
  if (typ !== 'CMD') fail(`Unknown type ${JSON.stringify(typ)} in HEALTHCHECK (try CMD)`);
  const cmd = handleJSONArgs(rest, req.json);
  if (cmd.length === 0) fail('Missing command after HEALTHCHECK CMD');
  const test = [req.json ? 'CMD' : 'CMD-SHELL', ...cmd];
  const interval = optInterval(fInterval);
  const timeout = optInterval(fTimeout);
  const startPeriod = optInterval(fStartPeriod);
  const startInterval = optInterval(fStartInterval);
  let retries = 0;
  if (fRetries.value !== '') {
    retries = parseInt32(fRetries.value);
    if (retries < 0) fail(`--retries cannot be negative (${retries})`);
  }
  return { test, interval, timeout, startPeriod, startInterval, retries };
}

function parseArg(req: Request): ArgCommand {
  if (req.args.length < 1) atLeastOne('ARG');
  const args = req.args.map((arg) => {
    // Unlike ENV, ARG splits name and value here, because a name alone (no default) is allowed.
    const eq = arg.indexOf('=');
    const key = eq < 0 ? arg : arg.slice(0, eq);
    if (eq === 0) blankNames('ARG');
    return { key, value: eq < 0 ? undefined : arg.slice(eq + 1), comment: stageComment(req.node.prevComment, key) };
  });
  return { kind: 'arg', ...req.base, args };
}

function typed(req: Request): Instruction {
  const { args, flags, base } = req;
  switch (req.command) {
    case 'env':
      flags.parse();
      return { kind: 'env', ...base, env: keyValuePairs(args, 'ENV') };
    case 'maintainer':
      if (args.length !== 1) exactlyOne('MAINTAINER');
      flags.parse();
      return { kind: 'maintainer', ...base, maintainer: args[0] as string };
    case 'label':
      flags.parse();
      return { kind: 'label', ...base, labels: keyValuePairs(args, 'LABEL') };
    case 'add': {
      if (args.length < 2) noDestination('ADD');
      const chown = flags.addString('chown', '');
      const chmod = flags.addString('chmod', '');
      const link = flags.addBool('link', false);
      const keepGitDir = flags.addBool('keep-git-dir', false);
      const checksum = flags.addString('checksum', '');
      const exclude = flags.addStrings('exclude');
      flags.parse();
      return {
        kind: 'add',
        ...base,
        ...sourcesAndDest(req, 'ADD'),
        chown: chown.value,
        chmod: chmod.value,
        link: link.value === 'true',
        keepGitDir: keepGitDir.value === 'true',
        checksum: checksum.value,
        excludes: exclude.values,
      };
    }
    case 'copy': {
      if (args.length < 2) noDestination('COPY');
      const chown = flags.addString('chown', '');
      const from = flags.addString('from', '');
      const chmod = flags.addString('chmod', '');
      const link = flags.addBool('link', false);
      const parents = flags.addBool('parents', false);
      const exclude = flags.addStrings('exclude');
      flags.parse();
      return {
        kind: 'copy',
        ...base,
        ...sourcesAndDest(req, 'COPY'),
        from: from.value,
        chown: chown.value,
        chmod: chmod.value,
        link: link.value === 'true',
        parents: parents.value === 'true',
        excludes: exclude.values,
      };
    }
    case 'from':
      return parseFrom(req);
    case 'onbuild': {
      if (args.length === 0) atLeastOne('ONBUILD');
      flags.parse();
      const trigger = (args[0] as string).trim().toUpperCase();
      if (trigger === 'ONBUILD') fail('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') fail(`${trigger} isn't allowed as an ONBUILD trigger`);
      let expression = req.node.original.replace(/^\s*ONBUILD\s*/i, '');
      for (const h of req.node.heredocs) expression += '\n' + h.content + h.name;
      return { kind: 'onbuild', ...base, expression, trigger: req.node.next?.children[0] };
    }
    case 'workdir':
      if (args.length !== 1) exactlyOne('WORKDIR');
      flags.parse();
      return { kind: 'workdir', ...base, path: args[0] as string };
    case 'run': {
      // BuildKit registers these from its RUN pre-parse hooks (runmount.go, runnetwork.go, runsecurity.go).
      const mount = flags.addStrings('mount');
      const network = flags.addString('network', '');
      const security = flags.addString('security', '');
      flags.parse();
      return {
        kind: 'run',
        ...base,
        ...shellDependent(req, false),
        mounts: mount.values,
        network: network.value,
        security: security.value,
        flagsUsed: flags.usedNames(),
      };
    }
    case 'cmd':
      flags.parse();
      return { kind: 'cmd', ...base, ...shellDependent(req, false) };
    case 'entrypoint':
      flags.parse();
      return { kind: 'entrypoint', ...base, ...shellDependent(req, true) };
    case 'healthcheck':
      return { kind: 'healthcheck', ...base, health: parseHealthcheck(req) };
    case 'expose': {
      if (args.length === 0) atLeastOne('EXPOSE');
      flags.parse();
      // Go's sort.Strings: byte order, so "443" sorts before "80".
      return { kind: 'expose', ...base, ports: [...args].sort() };
    }
    case 'user':
      if (args.length !== 1) exactlyOne('USER');
      flags.parse();
      return { kind: 'user', ...base, user: args[0] as string };
    case 'volume': {
      if (args.length === 0) atLeastOne('VOLUME');
      flags.parse();
      const volumes = args.map((v) => v.trim());
      if (volumes.includes('')) fail('VOLUME specified can not be an empty string');
      return { kind: 'volume', ...base, volumes };
    }
    case 'stopsignal':
      // BuildKit never parses STOPSIGNAL's flags: any are silently accepted.
      if (args.length !== 1) exactlyOne('STOPSIGNAL');
      return { kind: 'stopsignal', ...base, signal: args[0] as string };
    case 'arg':
      return parseArg(req);
    case 'shell': {
      flags.parse();
      const shell = handleJSONArgs(args, req.json);
      if (shell.length === 0) atLeastOne('SHELL');
      if (!req.json) fail('SHELL requires the arguments to be in JSON form');
      return { kind: 'shell', ...base, shell };
    }
  }
  // The syntax tree lower-cases keywords; the message and the suggestion use the keyword as the user wrote it.
  const written = keywordAsWritten(req.node);
  return fail(withSuggestion(`unknown instruction: ${written}`, written, INSTRUCTION_NAMES, false));
}

function keywordAsWritten(node: Node): string {
  const trimmed = node.original.trim();
  const m = /[\t\v\f\r ]/.exec(trimmed);
  const word = m === null ? trimmed : trimmed.slice(0, m.index);
  return word.toLowerCase() === node.value.toLowerCase() ? word : node.value;
}

/** One instruction node to its typed form; errors come back as BuildKit words them, with the line prefix. */
export function parseInstruction(node: Node): Instruction {
  try {
    return typed(request(node));
  } catch (e) {
    if (e instanceof InstructionError) throw new InstructionParseError(e.message, node.startLine, node.endLine);
    throw e;
  }
}

export interface ParsedDockerfile {
  readonly stages: readonly Stage[];
  /** The ARGs before the first FROM: they are in scope for FROM lines only. */
  readonly metaArgs: readonly ArgCommand[];
}

/** Instructions typed between two pauses of `parseSliced`. */
const SLICE_INSTRUCTIONS = 2000;

/** Trees already typed: a build types its tree for the context, the build and its checks, and both are immutable. */
const typedTrees = new WeakMap<Node, ParsedDockerfile>();

/** BuildKit's instructions.Parse over the syntax tree's root. */
export function parse(ast: Node): ParsedDockerfile {
  const known = typedTrees.get(ast);
  if (known) return known;
  return runSteps(typing(ast));
}

/** `parse`, pausing every few thousand instructions so a huge Dockerfile does not freeze the page. */
export async function parseSliced(ast: Node, pause: () => Promise<void>): Promise<ParsedDockerfile> {
  const known = typedTrees.get(ast);
  if (known) return known;
  return runStepsSliced(typing(ast), pause, 1);
}

function* typing(ast: Node): Generator<void, ParsedDockerfile, void> {
  const stages: Stage[] = [];
  const commands: Command[][] = [];
  const metaArgs: ArgCommand[] = [];
  let count = 0;
  for (const node of ast.children) {
    if (++count % SLICE_INSTRUCTIONS === 0) yield;
    const instruction = parseInstruction(node);
    if (instruction.kind === 'from') {
      stages.push(instruction);
      commands.push([]);
      continue;
    }
    if (stages.length === 0) {
      if (instruction.kind === 'arg') {
        metaArgs.push(instruction);
        continue;
      }
      // BuildKit raises this one outside its parse-error wrapper, so it has no line prefix (the location still travels).
      throw new InstructionParseError('no build stage in current context', node.startLine, node.endLine, false);
    }
    commands[commands.length - 1]?.push(instruction);
  }
  const parsed = { stages: stages.map((s, i) => ({ ...s, commands: commands[i] ?? [] })), metaArgs };
  typedTrees.set(ast, parsed);
  return parsed;
}
