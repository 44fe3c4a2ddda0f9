/** Volumes: the daemon's volume store, its pure operations and the service that holds it. */
export { ANONYMOUS_LABEL, LOCAL_DRIVER, NO_USERS, isAnonymous, mountpoint, type StringMap, type Volume, type VolumeStore, type VolumeUsers } from './types.ts';
export { EMPTY_VOLUME_STORE, putVolume, deleteVolume, setVolumeContent } from './store.ts';
export { noSuchVolume, volumeOpError } from './errors.ts';
export { volumeNameProblem, volumeOptionsProblem } from './validate.ts';
export { createVolume, type CreateVolumeRequest, type CreateVolumeResult } from './create.ts';
export { getVolume } from './get.ts';
export { listVolumes } from './list.ts';
export { removeVolume, type RemoveVolumeOptions } from './remove.ts';
export { pruneVolumes, type PruneVolumesResult } from './prune.ts';
export { volumeSize, volumesDiskUsage, type VolumeUsage } from './size.ts';
export { VolumeService, type IdSource, type VolumeEvent, type VolumeServiceOptions } from './service.ts';
