import { goQuote } from '../../core/go-quote.ts';
import type { StringMap } from './types.ts';

/** moby's names.RestrictedNameChars, as the error shows it, and the pattern the local driver holds names to. */
const RESTRICTED_NAME_CHARS = '[a-zA-Z0-9][a-zA-Z0-9_.-]';
const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/**
 * The local driver's validateName (volume/local/local.go): why `name` cannot be a volume, or undefined. The name
 * becomes a directory under /var/lib/docker/volumes, so nothing that could leave it is allowed.
 */
export function volumeNameProblem(name: string): string | undefined {
  if ([...name].length === 1) return 'volume name is too short, names should be at least two alphanumeric characters';
  if (!VOLUME_NAME.test(name)) {
    return `${goQuote(name)} includes invalid characters for a local volume name, only ${goQuote(RESTRICTED_NAME_CHARS)} are allowed. If you intended to pass a host directory, use absolute path`;
  }
  return undefined;
}

/** The `--opt` keys the Linux local driver takes: mount(8)'s type, device and options, and an xfs quota size. */
const VALID_OPTS = new Set(['type', 'o', 'device', 'size']);

/**
 * Options that need others (local_unix.go mandatoryOpts). moby ranges over a Go map here, so which missing one it
 * names when `o` comes alone is random; this checks in a fixed order and names `device`.
 */
const MANDATORY_OPTS: readonly (readonly [string, readonly string[]])[] = [
  ['device', ['type']],
  ['type', ['device']],
  ['o', ['device', 'type']],
];

/** go-units RAMInBytes' accepted shape: `512`, `1.5g`, `100 MiB`... */
const RAM_SIZE = /^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/;

/**
 * The local driver's validateOpts on Linux: why these options cannot make a volume, or undefined. A size asks for
 * an xfs project quota, which the simulated overlay2-on-ext4 host has not, so any non-zero size is refused as it is
 * on a stock Docker host.
 */
export function volumeOptionsProblem(options: StringMap | null): string | undefined {
  if (!options) return undefined;
  const keys = Object.keys(options).sort();
  for (const key of keys) if (!VALID_OPTS.has(key)) return `invalid option: ${goQuote(key)}`;
  const size = options['size'];
  if (size !== undefined) {
    const m = RAM_SIZE.exec(size);
    if (!m) return `invalid size: '${size}'`;
    if (Number(m[1]) > 0) return 'quota size requested but no quota support';
  }
  for (const [key, required] of MANDATORY_OPTS) {
    if (!Object.hasOwn(options, key)) continue;
    for (const r of required) if (!Object.hasOwn(options, r)) return `missing required option: ${goQuote(r)}`;
  }
  return undefined;
}
