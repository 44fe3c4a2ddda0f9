import type { CapturedCommand, HiddenFlag } from './types.ts';

/**
 * Flags `docker run` and `docker create` accept without listing them in help (docker/cli
 * cli/command/container/opts.go: `--net` and `--net-alias` are bound to the same values as `--network` and
 * `--network-alias`, then MarkHidden), so old tutorials' `--net=host` still works. The help capture cannot see them.
 */
const HIDDEN: readonly HiddenFlag[] = [
  { long: 'net', type: 'network', usage: 'Connect a container to a network', sameAs: 'network' },
  { long: 'net-alias', type: 'list', usage: 'Add network-scoped alias for the container', sameAs: 'network-alias' },
];

const PATHS = ['docker container run', 'docker container create'];

export function withContainerHiddenFlags(captured: Readonly<Record<string, CapturedCommand>>): Record<string, CapturedCommand> {
  return Object.fromEntries(Object.entries(captured).map(([path, usage]) => [path, PATHS.includes(path) ? { ...usage, hiddenFlags: [...(usage.hiddenFlags ?? []), ...HIDDEN] } : usage]));
}
