import type { DirEntry } from '../../fs/types.ts';

/** The label moby puts on a volume created without a name (volume/service AnonymousLabel). */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

/** The only volume driver this daemon has; any other name is a plugin that is not installed. */
export const LOCAL_DRIVER = 'local';

export type StringMap = Readonly<Record<string, string>>;

/**
 * One volume as the daemon keeps it. Labels and options keep Go's difference between a nil map and an empty one,
 * because inspect shows it: `docker volume create` sends empty maps (`{}`), a container's `-v name:/path` sends
 * none (`null`).
 */
export interface Volume {
  readonly name: string;
  readonly driver: string;
  readonly labels: StringMap | null;
  readonly options: StringMap | null;
  /** Virtual-clock milliseconds. */
  readonly createdAt: number;
  /** What `/var/lib/docker/volumes/<name>/_data` holds; a container mount reads and writes this tree. */
  readonly content: DirEntry;
}

/** Every volume by name, as one immutable value: a snapshot is just the value. */
export interface VolumeStore {
  readonly volumes: ReadonlyMap<string, Volume>;
}

/**
 * The IDs of the containers that reference a volume (running or not: a volume stays in use until every container
 * naming it is removed). The container runtime provides it; until then nothing uses any volume.
 */
export type VolumeUsers = (name: string) => readonly string[];

export const NO_USERS: VolumeUsers = () => [];

export function isAnonymous(v: Volume): boolean {
  return v.labels !== null && Object.hasOwn(v.labels, ANONYMOUS_LABEL);
}

/** Where the local driver keeps a volume's data on the daemon's host. */
export function mountpoint(name: string): string {
  return `/var/lib/docker/volumes/${name}/_data`;
}
