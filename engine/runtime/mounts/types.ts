/** The mount types a container can ask for (moby api/types/mount). */
export type MountType = 'volume' | 'bind' | 'tmpfs';

/**
 * One mount as the client asks for it (HostConfig.Mounts, or a `-v` bind string the daemon has parsed): the
 * request, before any volume exists.
 */
export interface MountRequest {
  /** As the client sent it: the daemon refuses types it does not know. */
  readonly type: MountType | (string & {});
  /** A volume's name (empty: anonymous) or a bind mount's host path. */
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
  /** `nocopy` / `volume-nocopy`: no copy-up of the image's content into an empty volume. */
  readonly noCopy?: boolean;
  /** Set for `-v` strings: the mode field as typed (`ro`, `rw,z`...), which inspect shows. */
  readonly mode?: string;
  /** `-v` creates a missing bind source; `--mount type=bind` refuses it. */
  readonly createSource?: boolean;
  readonly tmpfs?: { readonly sizeBytes?: number; readonly mode?: number };
}

/**
 * One entry of inspect's `Mounts` (moby types.MountPoint), and what the runtime keeps per container: for a volume
 * the name it got (a new anonymous one included), for a bind mount the host path.
 */
export interface MountPoint {
  readonly Type: MountType;
  readonly Name?: string;
  readonly Source: string;
  readonly Destination: string;
  readonly Driver?: string;
  readonly Mode: string;
  readonly RW: boolean;
  readonly Propagation: string;
}
