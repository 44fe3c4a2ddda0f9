// Recognising "install this project's dependencies" among a RUN's commands, with the files each package manager reads
// them from (what should be copied before it). Only project-wide installs count: `npm install -g pnpm` or
// `npm install express` do not read the project's manifests the same way, so they are left alone.
import { positionals, type Argv } from './run-commands.ts';

export interface DependencyInstall {
  /** The command as written, for messages: `npm install`. */
  readonly command: string;
  /** The files it reads the dependencies from, in the order one would COPY them. */
  readonly manifests: readonly string[];
}

const NODE_LOCKS: Readonly<Record<string, string>> = { npm: 'package-lock.json', yarn: 'yarn.lock', pnpm: 'pnpm-lock.yaml' };

function requirementsFile(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((a === '-r' || a === '--requirement') && i + 1 < args.length) return args[i + 1];
    if (a.startsWith('--requirement=')) return a.slice('--requirement='.length);
    if (a.startsWith('-r') && a.length > 2 && !a.startsWith('--')) return a.slice(2);
  }
  return undefined;
}

function pipInstall(args: readonly string[]): string[] | undefined {
  if (args[0] !== 'install') return undefined;
  const file = requirementsFile(args.slice(1));
  return file === undefined ? undefined : [file];
}

function manifestsOf(argv: Argv): readonly string[] | undefined {
  const [program, sub, ...rest] = argv;
  const args = argv.slice(1);
  switch (program) {
    case 'npm':
      if (sub === 'ci' || sub === 'clean-install') return ['package.json', NODE_LOCKS.npm!];
      if ((sub === 'install' || sub === 'i') && positionals(rest).length === 0 && !rest.some((a) => a === '-g' || a === '--global')) {
        return ['package.json', NODE_LOCKS.npm!];
      }
      return undefined;
    case 'yarn':
      return positionals(args).length === 0 || (sub === 'install' && positionals(rest).length === 0) ? ['package.json', NODE_LOCKS.yarn!] : undefined;
    case 'pnpm':
      return (sub === 'install' || sub === 'i') && positionals(rest).length === 0 ? ['package.json', NODE_LOCKS.pnpm!] : undefined;
    case 'pip':
    case 'pip3':
      return pipInstall(args);
    case 'python':
    case 'python3':
      return sub === '-m' && rest[0] === 'pip' ? pipInstall(rest.slice(1)) : undefined;
    case 'pipenv':
      return sub === 'install' && positionals(rest).length === 0 ? ['Pipfile', 'Pipfile.lock'] : undefined;
    case 'poetry':
      return sub === 'install' ? ['pyproject.toml', 'poetry.lock'] : undefined;
    case 'uv':
      if (sub === 'sync') return ['pyproject.toml', 'uv.lock'];
      return sub === 'pip' ? pipInstall(rest) : undefined;
    case 'bundle':
      return sub === undefined || sub === 'install' ? ['Gemfile', 'Gemfile.lock'] : undefined;
    case 'go':
      return sub === 'mod' && rest[0] === 'download' ? ['go.mod', 'go.sum'] : undefined;
    case 'composer':
      return sub === 'install' ? ['composer.json', 'composer.lock'] : undefined;
    case 'cargo':
      return sub === 'fetch' ? ['Cargo.toml', 'Cargo.lock'] : undefined;
    case 'mvn':
      return args.some((a) => a === 'dependency:go-offline' || a === 'dependency:resolve') ? ['pom.xml'] : undefined;
    case 'dotnet':
      return sub === 'restore' ? ['*.csproj'] : undefined;
    default:
      return undefined;
  }
}

/** The dependency install this command performs, if it is one. */
export function dependencyInstall(argv: Argv): DependencyInstall | undefined {
  const manifests = manifestsOf(argv);
  return manifests === undefined ? undefined : { command: argv.join(' '), manifests };
}

/** `npm install`/`npm i` without packages: the command npm ci replaces when a lockfile is there. */
export function isNpmInstall(argv: Argv): boolean {
  const [program, sub, ...rest] = argv;
  return program === 'npm' && (sub === 'install' || sub === 'i') && positionals(rest).length === 0 && !rest.some((a) => a === '-g' || a === '--global');
}
