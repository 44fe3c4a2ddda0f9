import { normalize } from '../../fs/path.ts';
import { TreeFs } from '../../fs/tree-fs.ts';
import type { DirEntry, Fs } from '../../fs/types.ts';
import type { VolumeService } from '../volumes/service.ts';
import { ANONYMOUS_LABEL, LOCAL_DRIVER, mountpoint } from '../volumes/types.ts';
import { mountConfigProblem, mountError } from './parse-bind.ts';
import type { MountPoint, MountRequest } from './types.ts';

export interface MountSetupHost {
  readonly volumes: VolumeService;
  /** The daemon's host, where bind sources live. */
  readonly hostFs: Fs;
}

/**
 * What moby's create does with a container's mounts (daemon/volumes.go registerMountPoints and create_unix.go):
 * checks each request, refuses two mounts on one destination, creates the named volumes that do not exist yet and
 * an anonymous volume for every image VOLUME nothing else is mounted on, and copies the image's content into each
 * volume that is still empty (copy-up). Returns inspect's Mounts, in the order the daemon lists them.
 *
 * `binds` are `-v` strings already parsed; `mounts` come from `--mount`. The bind sources of `--mount` must exist
 * (`-v` ones are created when the container starts).
 */
export function setupMounts(requests: readonly MountRequest[], imageVolumes: readonly string[], imageRoot: DirEntry, host: MountSetupHost): MountPoint[] {
  const seen = new Set<string>();
  for (const r of requests) {
    const problem = mountConfigProblem(r);
    if (problem) throw mountError(problem);
    if (r.type === 'bind' && !r.createSource && !host.hostFs.exists(r.source)) {
      throw mountError(`invalid mount config for type "bind": bind source path does not exist: ${r.source}`);
    }
    const destination = normalize(r.target);
    if (seen.has(destination)) throw mountError(`Duplicate mount point: ${destination}`);
    seen.add(destination);
  }
  const points: MountPoint[] = [];
  for (const r of requests) points.push(mountPoint(r, host, imageRoot));
  for (const path of imageVolumes) {
    const destination = normalize(path);
    if (seen.has(destination)) continue;
    seen.add(destination);
    points.push(mountPoint({ type: 'volume', source: '', target: destination, readOnly: false }, host, imageRoot));
  }
  return points;
}

function mountPoint(r: MountRequest, host: MountSetupHost, imageRoot: DirEntry): MountPoint {
  const destination = normalize(r.target);
  const mode = r.mode ?? '';
  if (r.type === 'bind') return { Type: 'bind', Source: normalize(r.source), Destination: destination, Mode: mode, RW: !r.readOnly, Propagation: 'rprivate' };
  if (r.type === 'tmpfs') return { Type: 'tmpfs', Source: '', Destination: destination, Mode: mode, RW: !r.readOnly, Propagation: '' };
  // A container's volume request sends no labels or options: inspect shows null, not {}.
  const { volume } = host.volumes.create({ name: r.source, labels: r.source === '' ? { [ANONYMOUS_LABEL]: '' } : null });
  if (!r.noCopy) copyUp(imageRoot, destination, volume.name, host.volumes);
  return {
    Type: 'volume',
    Name: volume.name,
    Source: mountpoint(volume.name),
    Destination: destination,
    Driver: LOCAL_DRIVER,
    // moby relabels named volumes (`z`); an anonymous one shows the mode as given.
    Mode: r.mode ? r.mode : r.source !== '' ? 'z' : '',
    RW: !r.readOnly,
    Propagation: '',
  };
}

/**
 * copyExistingContents: an empty volume mounted where the image has a directory gets that directory's content,
 * and the directory's owner and mode (so mongo's /data/db volume belongs to mongodb). A volume with anything in it
 * keeps what it has and hides the image's files.
 */
function copyUp(imageRoot: DirEntry, destination: string, name: string, volumes: VolumeService): void {
  let source;
  try {
    source = new TreeFs(imageRoot).entry(destination);
  } catch {
    return;
  }
  if (source.type !== 'dir') return;
  const volume = volumes.get(name);
  if (volume.content.children.size > 0) return;
  volumes.setContent(name, { ...source, mtime: volume.content.mtime });
}
