import { DockerError } from '../../core/errors.ts';
import { normalize } from '../../fs/path.ts';
import type { MountRequest } from './types.ts';

const RW_MODES = new Set(['rw', 'ro']);
const LABEL_MODES = new Set(['z', 'Z']);
const PROPAGATION_MODES = new Set(['private', 'rprivate', 'slave', 'rslave', 'shared', 'rshared']);
const COPY_MODES = new Set(['nocopy']);
const CONSISTENCY_MODES = new Set(['consistent', 'cached', 'delegated']);

/** moby's linuxValidMountMode: each kind of mode at most once, nothing unknown. */
function validMode(mode: string): boolean {
  if (mode === '') return true;
  const counts = [0, 0, 0, 0, 0];
  for (const o of mode.split(',')) {
    const kind = [RW_MODES, LABEL_MODES, PROPAGATION_MODES, COPY_MODES, CONSISTENCY_MODES].findIndex((s) => s.has(o));
    if (kind < 0) return false;
    counts[kind]!++;
  }
  return counts.every((n) => n <= 1);
}

export function mountError(message: string): DockerError {
  return new DockerError(`Error response from daemon: ${message}`, 125, 'EMOUNT');
}

function invalidSpec(raw: string, cause?: string): DockerError {
  return mountError(`invalid volume specification: '${raw}'${cause ? `: ${cause}` : ''}`);
}

/**
 * The daemon's ParseMountRaw for a `-v` string (volume/mounts/linux_parser.go): `dest`, `source:dest` or
 * `source:dest:mode`; an absolute source is a bind mount, anything else a volume name. The bind source need not
 * exist: the daemon creates it when the container starts.
 */
export function parseBind(raw: string): MountRequest {
  const parts = raw.split(':');
  const arr = parts.length > 4 ? [...parts.slice(0, 3), parts.slice(3).join(':')] : parts;
  if (arr[0] === '') throw invalidSpec(raw);
  let source = '';
  let target: string;
  let mode = '';
  if (arr.length === 1) target = arr[0]!;
  else if (arr.length === 2) {
    // `/foo:rw` is a destination with a mode, which a volume cannot have.
    if (validMode(arr[1]!)) throw invalidSpec(raw);
    [source, target] = [arr[0]!, arr[1]!];
  } else if (arr.length === 3) [source, target, mode] = [arr[0]!, arr[1]!, arr[2]!];
  else throw invalidSpec(raw);
  if (!validMode(mode)) throw mountError(`invalid mode: ${mode}`);
  const type = source.startsWith('/') ? 'bind' : 'volume';
  const modes = mode.split(',');
  const request: MountRequest = {
    type,
    source,
    target,
    readOnly: modes.includes('ro'),
    mode,
    ...(modes.includes('nocopy') ? { noCopy: true } : {}),
    ...(type === 'bind' ? { createSource: true } : {}),
  };
  const problem = mountConfigProblem(request);
  if (problem) throw invalidSpec(raw, problem);
  return request;
}

/**
 * validateMountConfigImpl: why a mount cannot be made, as `invalid mount config for type "x": why`, or undefined.
 * A bind source's existence is checked later, against the host's filesystem.
 */
export function mountConfigProblem(m: MountRequest): string | undefined {
  const fail = (why: string) => `invalid mount config for type "${m.type}": ${why}`;
  if (m.target === '') return fail('field Target must not be empty');
  if (normalize(m.target.replaceAll('\\', '/')) === '/') return fail("invalid specification: destination can't be '/'");
  if (!m.target.startsWith('/')) return fail(`invalid mount path: '${m.target}' mount path must be absolute`);
  if (m.type === 'bind') {
    if (m.source === '') return fail('field Source must not be empty');
    if (!m.source.startsWith('/')) return fail(`invalid mount path: '${m.source}' mount path must be absolute`);
  } else if (m.type === 'volume') {
    if (m.readOnly && m.source === '') return fail('must not set ReadOnly mode when using anonymous volumes');
  } else if (m.type === 'tmpfs') {
    if (m.source !== '') return fail('field Source must not be specified');
  } else return fail('mount type unknown');
  return undefined;
}
