import type { Mount } from '../../fs/mount-fs.ts';
import { makeDir } from '../../fs/tree.ts';
import { TreeFs } from '../../fs/tree-fs.ts';
import type { Fs } from '../../fs/types.ts';
import type { VolumeService } from '../volumes/service.ts';
import type { MountPoint } from './types.ts';

export interface MountAttachHost {
  readonly volumes: VolumeService;
  readonly hostFs: Fs;
  /** Seconds, for the mtimes of what the daemon creates. */
  readonly now: () => number;
}

/**
 * What the daemon and runc do with a container's mounts when it starts (daemon/volumes_unix.go setupMounts, runc's
 * mountpoint creation): a `-v` bind source that does not exist is created on the host (as root, so it belongs to
 * root there), each mountpoint is created in the container's root filesystem when missing (a directory, or an
 * empty file for a file bind), and each mount gets the filesystem it shows. A tmpfs is new and empty at every start.
 */
export function attachMounts(points: readonly MountPoint[], rootfs: Fs, host: MountAttachHost): Mount[] {
  const mounts: Mount[] = [];
  for (const m of points) {
    let fs: Fs;
    let base = '/';
    if (m.Type === 'volume') fs = host.volumes.dataFs(m.Name!);
    else if (m.Type === 'tmpfs') fs = new TreeFs(makeDir([], { mode: 0o1777, mtime: host.now() }), host.now);
    else {
      if (!host.hostFs.exists(m.Source)) host.hostFs.mkdir(m.Source, { recursive: true });
      fs = host.hostFs;
      base = host.hostFs.realpath(m.Source);
    }
    const isFile = fs.stat(base).type !== 'dir';
    ensureMountpoint(rootfs, m.Destination, isFile);
    mounts.push({ target: m.Destination, fs, base, readOnly: !m.RW });
  }
  return mounts;
}

function ensureMountpoint(rootfs: Fs, path: string, isFile: boolean): void {
  if (rootfs.exists(path)) return;
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  rootfs.mkdir(parent, { recursive: true });
  if (isFile) rootfs.writeFile(path, '', { mode: 0o755 });
  else rootfs.mkdir(path);
}
