import { DockerError } from '../core/errors.ts';
import { resolvePath } from '../fs/path.ts';

/** What the client makes of its `-v` values: HostConfig.Binds (with a source) and Config.Volumes (without). */
export interface VolumeFlags {
  readonly binds: string[];
  readonly volumes: string[];
}

/**
 * docker/cli's handling of `-v` (container/opts.go with the compose loader's ParseVolume): a value with a source
 * goes to Binds, one without becomes an anonymous volume in Config.Volumes. A bind source starting with `.` is made
 * absolute against the client's working directory (so `-v ./src:/app/src` works), nothing else is touched: a
 * relative name without the dot is a volume name, and the daemon judges it.
 */
export function volumeFlags(values: readonly string[], cwd: string): VolumeFlags {
  const binds: string[] = [];
  const volumes: string[] = [];
  for (const spec of values) {
    const source = specSource(spec);
    if (source === '') {
      volumes.push(spec);
      continue;
    }
    const colon = spec.indexOf(':');
    if (source.startsWith('.')) binds.push(`${resolvePath(cwd, spec.slice(0, colon))}${spec.slice(colon)}`);
    else binds.push(spec);
  }
  return { binds, volumes };
}

/** ParseVolume's reading of the source field, with its errors (`invalid spec: …: empty section between colons`). */
function specSource(spec: string): string {
  if (spec.length === 0) throw new DockerError('invalid empty volume spec', 125, 'EVOLUMESPEC');
  if (spec.length <= 2) return '';
  const sections = spec.split(':');
  const fail = (why: string) => new DockerError(`invalid spec: ${spec}: ${why}`, 125, 'EVOLUMESPEC');
  for (let i = 0; i < sections.length; i++) {
    if (sections[i] === '') throw fail('empty section between colons');
    if (i >= 3) throw fail('too many colons');
  }
  return sections.length === 1 ? '' : sections[0]!;
}
