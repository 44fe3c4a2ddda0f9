// Reconstructed from source, not captured: the client this project captures from has no buildx plugin. The data is
// buildx v0.24.0's (the plugin Docker 28.2 ships), read from its commands/{root,build,prune,diskusage,ls,version}.go
// and laid out the way pflag prints it: flags sorted by name, the persistent --builder and -D/--debug of `docker
// buildx` included (cobra merges them into each subcommand's flag set), hidden flags kept apart, types as pflag
// names them (`stringSlice` shows as `strings`) and defaults only where pflag shows one. Two pflag quirks are kept on
// purpose: `--check` (a bool-like value whose default is "") shows `(default )`, `--ulimit` shows `(default [])`.
import type { CapturedCommand, CommandUsage, FlagUsage, HiddenFlag } from './types.ts';

/** What `docker buildx version` prints: `github.com/docker/buildx v0.24.0 d0e5e86`. */
export const BUILDX = {
  package: 'github.com/docker/buildx',
  version: 'v0.24.0',
  // The release's commit (d0e5e86c8b88…); Docker's deb and rpm packages stamp it with `git rev-parse --short`.
  revision: 'd0e5e86',
} as const;

// buildx v0.24 sets its help template at startup to cobra's default one plus this hint, for every command: the
// description is printed once above `Usage:` (cobra's template) and once below it (docker's usage template).
const EXPERIMENTAL_HINT = 'Experimental commands and flags are hidden. Set BUILDX_EXPERIMENTAL=1 to show them.';
const buildxTemplate = (description: string) => ({ helpPrefix: `${description}\n\n`, helpSuffix: `\n${EXPERIMENTAL_HINT}\n` });

// `docker buildx`'s persistent flags. --builder's default is $BUILDX_BUILDER, unset unless docker forwarded the command.
const BUILDER: FlagUsage = { long: 'builder', type: 'string', usage: 'Override the configured builder instance' };
const DEBUG: FlagUsage = { long: 'debug', short: 'D', type: '', usage: 'Enable debug logging' };

const BUILD_FLAGS: readonly FlagUsage[] = [
  { long: 'add-host', type: 'strings', usage: 'Add a custom host-to-IP mapping (format: "host:ip")' },
  { long: 'allow', type: 'stringArray', usage: 'Allow extra privileged entitlement (e.g., "network.host", "security.insecure")' },
  { long: 'annotation', type: 'stringArray', usage: 'Add annotation to the image' },
  { long: 'attest', type: 'stringArray', usage: 'Attestation parameters (format: "type=sbom,generator=image")' },
  { long: 'build-arg', type: 'stringArray', usage: 'Set build-time variables' },
  { long: 'build-context', type: 'stringArray', usage: 'Additional build contexts (e.g., name=path)' },
  BUILDER,
  { long: 'cache-from', type: 'stringArray', usage: 'External cache sources (e.g., "user/app:cache", "type=local,src=path/to/dir")' },
  { long: 'cache-to', type: 'stringArray', usage: 'Cache export destinations (e.g., "user/app:cache", "type=local,dest=path/to/dir")' },
  { long: 'call', type: 'string', usage: 'Set method for evaluating build ("check", "outline", "targets")', default: '"build"' },
  { long: 'cgroup-parent', type: 'string', usage: 'Set the parent cgroup for the "RUN" instructions during build' },
  { long: 'check', type: '', usage: 'Shorthand for "--call=check"', default: '' },
  DEBUG,
  { long: 'file', short: 'f', type: 'string', usage: 'Name of the Dockerfile (default: "PATH/Dockerfile")' },
  { long: 'iidfile', type: 'string', usage: 'Write the image ID to a file' },
  { long: 'label', type: 'stringArray', usage: 'Set metadata for an image' },
  { long: 'load', type: '', usage: 'Shorthand for "--output=type=docker"' },
  { long: 'metadata-file', type: 'string', usage: 'Write build result metadata to a file' },
  { long: 'network', type: 'string', usage: 'Set the networking mode for the "RUN" instructions during build', default: '"default"' },
  { long: 'no-cache', type: '', usage: 'Do not use cache when building the image' },
  { long: 'no-cache-filter', type: 'stringArray', usage: 'Do not cache specified stages' },
  { long: 'output', short: 'o', type: 'stringArray', usage: 'Output destination (format: "type=local,dest=path")' },
  { long: 'platform', type: 'stringArray', usage: 'Set target platform for build' },
  {
    long: 'progress',
    type: 'string',
    usage: 'Set type of progress output ("auto", "quiet", "plain", "tty", "rawjson"). Use plain to show container output',
    default: '"auto"',
  },
  { long: 'provenance', type: 'string', usage: 'Shorthand for "--attest=type=provenance"' },
  { long: 'pull', type: '', usage: 'Always attempt to pull all referenced images' },
  { long: 'push', type: '', usage: 'Shorthand for "--output=type=registry"' },
  { long: 'quiet', short: 'q', type: '', usage: 'Suppress the build output and print image ID on success' },
  { long: 'sbom', type: 'string', usage: 'Shorthand for "--attest=type=sbom"' },
  { long: 'secret', type: 'stringArray', usage: 'Secret to expose to the build (format: "id=mysecret[,src=/local/secret]")' },
  { long: 'shm-size', type: 'bytes', usage: 'Shared memory size for build containers' },
  { long: 'ssh', type: 'stringArray', usage: 'SSH agent socket or keys to expose to the build (format: "default|<id>[=<socket>|<key>[,<key>]]")' },
  { long: 'tag', short: 't', type: 'stringArray', usage: 'Name and optionally a tag (format: "name:tag")' },
  { long: 'target', type: 'string', usage: 'Set the target build stage to build' },
  { long: 'ulimit', type: 'ulimit', usage: 'Ulimit options', default: '[]' },
];

// The legacy builder's flags, kept hidden so old command lines still parse. `--print` (experimental) is left out:
// what buildx does with it when experimental features are off was not checked.
const BUILD_HIDDEN_FLAGS: readonly HiddenFlag[] = [
  { long: 'compress', type: '', usage: 'Compress the build context using gzip' },
  { long: 'cpu-period', type: 'int', usage: 'Limit the CPU CFS (Completely Fair Scheduler) period' },
  { long: 'cpu-quota', type: 'int', usage: 'Limit the CPU CFS (Completely Fair Scheduler) quota' },
  { long: 'cpu-shares', short: 'c', type: 'int', usage: 'CPU shares (relative weight)' },
  { long: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution ("0-3", "0,1")' },
  { long: 'cpuset-mems', type: 'string', usage: 'MEMs in which to allow execution ("0-3", "0,1")' },
  { long: 'force-rm', type: '', usage: 'Always remove intermediate containers' },
  { long: 'isolation', type: 'string', usage: 'Container isolation technology', warning: 'isolation flag is deprecated with BuildKit.' },
  { long: 'memory', short: 'm', type: 'string', usage: 'Memory limit' },
  { long: 'memory-swap', type: 'string', usage: 'Swap limit equal to memory plus swap: "-1" to enable unlimited swap' },
  { long: 'rm', type: '', usage: 'Remove intermediate containers after a successful build', default: 'true' },
  {
    long: 'security-opt',
    type: 'strings',
    usage: 'Security options',
    warning: 'security-opt flag is deprecated. "RUN --security=insecure" should be used with BuildKit.',
  },
  {
    long: 'squash',
    type: '',
    usage: 'Squash newly built layers into a single new layer',
    warning: 'experimental flag squash is removed with BuildKit. You should squash inside build using a multi-stage Dockerfile for efficiency.',
  },
];

/** buildx's own commands, keyed by the path the plugin gives them. */
export const BUILDX_USAGE: Readonly<Record<string, CapturedCommand>> = {
  'docker buildx': {
    use: 'docker buildx [OPTIONS] COMMAND',
    description: 'Extended build capabilities with BuildKit',
    ...buildxTemplate('Extended build capabilities with BuildKit'),
    flags: [BUILDER, DEBUG],
    management: [
      ['history', 'Commands to work on build records'],
      ['imagetools', 'Commands to work on images in registry'],
    ],
    // `install` and `uninstall` exist but are hidden.
    commands: [
      ['bake', 'Build from a file'],
      ['build', 'Start a build'],
      ['create', 'Create a new builder instance'],
      ['dial-stdio', 'Proxy current stdio streams to builder instance'],
      ['du', 'Disk usage'],
      ['inspect', 'Inspect current builder instance'],
      ['ls', 'List builder instances'],
      ['prune', 'Remove build cache'],
      ['rm', 'Remove one or more builder instances'],
      ['stop', 'Stop builder instance'],
      ['use', 'Set the current builder instance'],
      ['version', 'Show buildx version information'],
    ],
  },
  // `docker buildx b` is a cobra alias of this command (same usage line), so it is no separate path here.
  'docker buildx build': {
    use: 'docker buildx build [OPTIONS] PATH | URL | -',
    description: 'Start a build',
    ...buildxTemplate('Start a build'),
    // The command's "aliases" annotation, which docker's usage template prints instead of cobra's alias list.
    aliases: 'docker build, docker builder build, docker image build, docker buildx b',
    flags: BUILD_FLAGS,
    hiddenFlags: BUILD_HIDDEN_FLAGS,
  },
  'docker buildx du': {
    use: 'docker buildx du',
    description: 'Disk usage',
    ...buildxTemplate('Disk usage'),
    flags: [
      BUILDER,
      DEBUG,
      { long: 'filter', type: 'filter', usage: 'Provide filter values' },
      { long: 'verbose', type: '', usage: 'Provide a more verbose output' },
    ],
  },
  // ls and version hide the inherited --builder (cobrautil.HideInheritedFlags).
  'docker buildx ls': {
    use: 'docker buildx ls',
    description: 'List builder instances',
    ...buildxTemplate('List builder instances'),
    flags: [
      DEBUG,
      { long: 'format', type: 'string', usage: 'Format the output', default: '"table"' },
      { long: 'no-trunc', type: '', usage: "Don't truncate output" },
    ],
  },
  'docker buildx prune': {
    use: 'docker buildx prune',
    description: 'Remove build cache',
    ...buildxTemplate('Remove build cache'),
    flags: [
      { long: 'all', short: 'a', type: '', usage: 'Include internal/frontend images' },
      BUILDER,
      DEBUG,
      { long: 'filter', type: 'filter', usage: 'Provide filter values (e.g., "until=24h")' },
      { long: 'force', short: 'f', type: '', usage: 'Do not prompt for confirmation' },
      { long: 'max-used-space', type: 'bytes', usage: 'Maximum amount of disk space allowed to keep for cache' },
      { long: 'min-free-space', type: 'bytes', usage: 'Target amount of free disk space after pruning' },
      { long: 'reserved-space', type: 'bytes', usage: 'Amount of disk space always allowed to keep for cache' },
      { long: 'verbose', type: '', usage: 'Provide a more verbose output' },
    ],
    hiddenFlags: [
      {
        long: 'keep-storage',
        type: 'bytes',
        usage: 'Amount of disk space to keep for cache',
        deprecated: 'keep-storage flag has been changed to max-storage',
      },
    ],
  },
  'docker buildx version': {
    use: 'docker buildx version',
    description: 'Show buildx version information',
    ...buildxTemplate('Show buildx version information'),
    flags: [DEBUG],
  },
};

/**
 * docker/cli's forwardBuilder (cmd/docker/builder.go): with buildx installed, the client rewrites `docker build`
 * and `docker image build` to `docker buildx build`, and `docker builder …` to `docker buildx …`, then runs the
 * plugin. Returns the buildx path that answers for a docker command path, or undefined when it is not forwarded.
 * Only the words right after `docker` are matched, so `docker help build` still shows the legacy builder's help.
 */
export function buildxPathFor(path: string): string | undefined {
  const words = path.split(' ');
  if (words[0] !== 'docker') return undefined;
  const rest = (n: number) => words.slice(n);
  let target: string[] | undefined;
  if (words[1] === 'builder') target = ['buildx', ...rest(2)];
  else if (words[1] === 'build') target = ['buildx', 'build', ...rest(2)];
  else if (words[1] === 'image' && words[2] === 'build') target = ['buildx', 'build', ...rest(3)];
  return target === undefined ? undefined : ['docker', ...target].join(' ');
}

/** The docker paths forwarded to buildx's commands: `docker build`, `docker image build`, `docker builder …`. */
export const FORWARDED_PATHS: readonly string[] = [
  'docker build',
  'docker image build',
  ...Object.keys(BUILDX_USAGE).map((p) => 'docker builder' + p.slice('docker buildx'.length)),
];

/**
 * A buildx command's help as a forwarded command shows it: unchanged (the usage line still says `docker buildx`,
 * since the plugin prints it), except that docker sets BUILDX_BUILDER to the current context ("default") for the
 * plugin, so that `docker build` builds with the context's builder, and --builder shows that as its default.
 */
export function forwardedUsage(usage: CommandUsage, context = 'default'): CommandUsage {
  if (!usage.flags?.some((f) => f.long === 'builder')) return usage;
  return { ...usage, flags: usage.flags.map((f) => (f.long === 'builder' ? { ...f, default: JSON.stringify(context) } : f)) };
}
