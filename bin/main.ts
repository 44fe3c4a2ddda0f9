// `dockyard` subcommands: argument parsing and the Node-side input/output around the engine.
import { existsSync, readFileSync } from 'node:fs';
import { createMachine } from '../engine/index.ts';
import { formatJsonLines, formatTranscript, playScript } from '../engine/host/play.ts';
import { PROJECT_DIR } from '../engine/host/layout.ts';
import { conformanceBuildkit } from './conformance.ts';
import { exportTree, readProject } from './project-io.ts';
import { useNodeSha256 } from './node-sha256.ts';
import { checkCommand, gradeCommand, ScenarioUsageError, scenariosCommand } from './scenario-commands.ts';

useNodeSha256();

const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version as string;

const USAGE = `Usage: dockyard <command> [options]

Commands:
  play [--project DIR] [--json] [--seed N] [--export DIR] [SCRIPT]
        Start a fresh simulated machine, copy DIR into the host's working directory
        (${PROJECT_DIR}), run SCRIPT (a file, or standard input when absent or "-")
        one command line at a time and print the transcript.
        --json         one JSON object per command instead of a transcript
        --seed N       seed for generated IDs and names (default 0)
        --export DIR   write the working directory back to DIR afterwards
  scenarios [--dir DIR]
        List the scenarios in DIR (default: the repository's scenarios/), one "ID  TITLE" a line.
  check [--dir DIR] [--jobs N] [ID...]
        Validate scenarios (all of DIR by default) and prove each: its solution scores full
        marks, an empty attempt fails, each example attempt passes the tasks it declares.
        Prints "ok ID (N tasks)" or the failures; exits 1 if any scenario failed.
  grade [--dir DIR] [--json|--csv] [--jobs N] ID ATTEMPT...
        Replay each ATTEMPT (a script of command lines, or an attempt file exported by the
        page; "-" for standard input) on scenario ID and print each task passed or failed
        with its message, and the score. Exits 1 if an attempt could not be read.
        --json   an array: {attempt, scenario, score, maxScore, passed, tasks: [{id, title, passed, message}]}
        --csv    one row per attempt: attempt,scenario,score,maxScore,passed, then 1/0 per task
        -j, --jobs N   grade on N threads side by side (default: one per processor when
                       there are enough attempts to repay starting them); the results are
                       the same and in the same order whatever N is
  conformance buildkit DIR
        Run BuildKit's Dockerfile parser and word-expansion test data in DIR (laid out like
        ../shared/conformance/buildkit) against the engine. Prints each failing case and
        "N passed, M failed"; exits 1 if any case failed.

Options:
  -h, --help     Show this help
  -v, --version  Show the version
`;

class UsageError extends Error {}

const io = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) };

export async function main(argv: string[]): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      case '-v':
      case '--version':
        process.stdout.write(`dockyard ${VERSION}\n`);
        return 0;
      case 'play':
        return await play(rest);
      case 'conformance':
        return await conformance(rest);
      case 'scenarios':
        return await scenariosCommand(rest, io);
      case 'check':
        return await checkCommand(rest, io);
      case 'grade':
        return await gradeCommand(rest, io);
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ScenarioUsageError) {
      process.stderr.write(`dockyard: ${e.message}\nRun 'dockyard --help' for usage.\n`);
      return 2;
    }
    throw e;
  }
}

interface PlayOptions {
  project?: string;
  json: boolean;
  seed: number;
  export?: string;
  script: string;
}

function parsePlay(args: string[]): PlayOptions {
  const options: PlayOptions = { json: false, seed: 0, script: '-' };
  let script: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = args[++i];
      if (v === undefined) throw new UsageError(`flag needs an argument: ${flag}`);
      return v;
    };
    switch (flag) {
      case '--project':
        options.project = value();
        break;
      case '--export':
        options.export = value();
        break;
      case '--json':
        options.json = true;
        break;
      case '--seed': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`invalid seed "${v}": must be a non-negative integer`);
        options.seed = Number(v);
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown flag: ${arg}`);
        if (script !== undefined) throw new UsageError('play takes at most one SCRIPT');
        script = arg;
    }
  }
  options.script = script ?? '-';
  return options;
}

async function play(args: string[]): Promise<number> {
  const options = parsePlay(args);
  let source: string;
  try {
    source = readFileSync(options.script === '-' ? 0 : options.script, 'utf8');
  } catch (e) {
    process.stderr.write(`dockyard: cannot read script ${options.script === '-' ? 'from standard input' : options.script}: ${(e as Error).message}\n`);
    return 1;
  }
  let project;
  if (options.project !== undefined) {
    try {
      project = readProject(options.project);
    } catch (e) {
      throw new UsageError(`cannot read project ${options.project}: ${(e as Error).message}`);
    }
  }
  const machine = createMachine({ seed: options.seed, project, mode: 'headless' });
  const entries = await playScript(machine, source);
  process.stdout.write(options.json ? formatJsonLines(entries) : formatTranscript(entries));
  if (options.export !== undefined) exportTree(machine.hostFs, PROJECT_DIR, options.export);
  return 0;
}

async function conformance(args: string[]): Promise<number> {
  const [corpus, dir, ...extra] = args;
  if (corpus !== 'buildkit') throw new UsageError(corpus === undefined ? 'conformance needs a corpus: buildkit' : `unknown conformance corpus: ${corpus}`);
  if (dir === undefined || extra.length > 0) throw new UsageError('usage: dockyard conformance buildkit DIR');
  if (!existsSync(dir)) throw new UsageError(`no such directory: ${dir}`);
  return conformanceBuildkit(dir, (s) => process.stdout.write(s));
}
