// Rules that need to know which variables, SHELL and WORKDIR are in effect at each instruction: UndefinedVar,
// UndefinedArgInFrom, WorkdirRelativePath, JSONArgsRecommended, ExposeProtoCasing, ExposeInvalidFormat.
import { levenshtein } from '../instructions/index.ts';
import { processWord, processWords } from '../words/index.ts';
import { spanOf, type LintCommand, type LintModel, type LintSteps } from './model.ts';
import type { Report } from './rules.ts';

/** BuildKit gives FROM these without a declaration; inside a stage they still need an ARG. */
const AUTOMATIC_FROM_ARGS = [
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
];

/** The environment every base image config carries; anything else from the base image is unknowable here. */
const IMAGE_ENV: Readonly<Record<string, string>> = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
};

interface StageState {
  env: Record<string, string>;
  shellSet: boolean;
  absoluteWorkdir: boolean;
}

/** The closest defined name within edit distance 2, as BuildKit's suggest.Search with case sensitivity. */
function suggest(name: string, options: Iterable<string>): string {
  let best = '';
  let bestDist = 3;
  for (const option of options) {
    const d = levenshtein(name, option);
    if (d < bestDist) {
      best = option;
      bestDist = d;
    }
  }
  return best;
}

/**
 * Expands through the real word lexer, with the environment behind a proxy so that every lookup of a name that is
 * not set is seen: that is exactly BuildKit's notion of an unmatched variable, defaults like `${a:-b}` included.
 */
function expander(env: Readonly<Record<string, string>>, escapeToken: string, missing: Set<string>) {
  const watched = new Proxy(env, {
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string' && !Object.hasOwn(target, key)) missing.add(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    has(target, key) {
      if (typeof key === 'string' && !Object.hasOwn(target, key)) missing.add(key);
      return Reflect.has(target, key);
    },
  });
  return {
    word(w: string): string | undefined {
      try {
        return processWord(w, watched, escapeToken);
      } catch {
        return undefined; // the build reports expansion errors itself
      }
    },
    words(w: string): string[] {
      try {
        return processWords(w, watched, escapeToken);
      } catch {
        return [];
      }
    },
  };
}

function checkExpose(ports: readonly string[], c: LintCommand, report: Report): void {
  for (const port of ports) {
    if (port.includes(':')) {
      report('ExposeInvalidFormat', `EXPOSE instruction should not define an IP address or host-port mapping, found '${port}'`, spanOf(c.node));
      continue;
    }
    const slash = port.indexOf('/');
    if (slash >= 0 && port.slice(slash + 1) !== port.slice(slash + 1).toLowerCase()) {
      report('ExposeProtoCasing', `Defined protocol '${port}' in EXPOSE instruction should be lowercase`, spanOf(c.node));
    }
  }
}

/** Runs one instruction against the stage state: reports what it uses that is undefined, then applies its effect. */
function visit(c: LintCommand, state: StageState, model: LintModel, buildArgs: Readonly<Record<string, string>>, metaValues: Readonly<Record<string, string>>, report: Report): void {
  const missing = new Set<string>();
  const x = expander(state.env, model.escapeToken, missing);
  const cmd = c.command;
  const assignments: [string, string][] = [];
  switch (cmd.kind) {
    case 'arg':
      for (const a of cmd.args) {
        const dflt = a.value === undefined ? undefined : x.word(a.value);
        assignments.push([a.key, buildArgs[a.key] ?? dflt ?? metaValues[a.key] ?? '']);
      }
      break;
    case 'env':
      for (const p of cmd.env) assignments.push([p.key, x.word(p.value) ?? '']);
      break;
    case 'label':
      for (const p of cmd.labels) {
        x.word(p.key);
        x.word(p.value);
      }
      break;
    case 'workdir': {
      const path = x.word(cmd.path) ?? cmd.path;
      if (path.startsWith('/')) state.absoluteWorkdir = true;
      else if (!state.absoluteWorkdir) {
        report('WorkdirRelativePath', `Relative workdir ${JSON.stringify(path)} can have unexpected results if the base image changes`, spanOf(c.node));
      }
      break;
    }
    case 'user':
      x.word(cmd.user);
      break;
    case 'stopsignal':
      x.word(cmd.signal);
      break;
    case 'volume':
      for (const v of cmd.volumes) x.word(v);
      break;
    case 'expose':
      checkExpose(cmd.ports.flatMap((p) => x.words(p)), c, report);
      break;
    case 'copy':
    case 'add':
      for (const p of [...cmd.sourcePaths, cmd.destPath]) x.word(p);
      if (cmd.chown !== '') x.word(cmd.chown);
      if (cmd.chmod !== '') x.word(cmd.chmod);
      break;
    case 'shell':
      state.shellSet = true;
      break;
    case 'cmd':
    case 'entrypoint':
      // With a custom SHELL the shell form is deliberate, and signals are the user's choice.
      if (cmd.prependShell && cmd.files.length === 0 && !state.shellSet) {
        report('JSONArgsRecommended', `JSON arguments recommended for ${cmd.kind.toUpperCase()} to prevent unintended behavior related to OS signals`, spanOf(c.node));
      }
      break;
    default:
      break;
  }
  for (const name of missing) {
    const hint = suggest(name, Object.keys(state.env));
    report('UndefinedVar', `Usage of undefined variable '$${name}'` + (hint === '' ? '' : ` (did you mean $${hint}?)`), spanOf(c.node));
  }
  for (const [k, v] of assignments) state.env[k] = v;
}

export function* checkScopes(model: LintModel, buildArgs: Readonly<Record<string, string>>, report: Report): LintSteps {
  const metaValues: Record<string, string> = {};
  const metaDeclared = new Set<string>();
  for (const { command } of model.metaArgs) {
    for (const a of command.args) {
      metaDeclared.add(a.key);
      metaValues[a.key] = buildArgs[a.key] ?? (a.value === undefined ? '' : processWordOr(a.value, metaValues, model.escapeToken));
    }
  }
  const byName = new Map<string, StageState>();
  for (const s of model.stages) {
    const fromEnv: Record<string, string> = { ...metaValues };
    for (const a of AUTOMATIC_FROM_ARGS) fromEnv[a] ??= '';
    const missing = new Set<string>();
    expander(fromEnv, model.escapeToken, missing).word(s.stage.baseName);
    for (const name of missing) {
      const hint = suggest(name, metaDeclared);
      report('UndefinedArgInFrom', `FROM argument '${name}' is not declared` + (hint === '' ? '' : ` (did you mean ${hint}?)`), spanOf(s.node));
    }
    const parent = byName.get(s.stage.baseName.toLowerCase());
    const state: StageState = parent === undefined
      ? { env: { ...IMAGE_ENV }, shellSet: false, absoluteWorkdir: false }
      : { env: { ...parent.env }, shellSet: parent.shellSet, absoluteWorkdir: parent.absoluteWorkdir };
    for (const c of s.commands) {
      yield;
      visit(c, state, model, buildArgs, metaValues, report);
    }
    if (s.stage.name !== '') byName.set(s.stage.name, state);
  }
}

function processWordOr(word: string, env: Readonly<Record<string, string>>, escapeToken: string): string {
  try {
    return processWord(word, env, escapeToken);
  } catch {
    return word;
  }
}
