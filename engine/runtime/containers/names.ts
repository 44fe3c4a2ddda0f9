import { DockerError } from '../../core/errors.ts';

/** moby `daemon/names.go`: a name is two or more of these characters, a leading `/` allowed. */
const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function checkContainerName(name: string): string {
  if (!VALID_NAME.test(name)) {
    throw new DockerError(`Error response from daemon: Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, 1, 'EINVALIDNAME');
  }
  return name.startsWith('/') ? name.slice(1) : name;
}

/** moby `daemon/errors.go` nameConflictError; stopped containers keep their names reserved. */
export function nameConflict(name: string, holder: string): DockerError {
  return new DockerError(
    `Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${holder}". You have to remove (or rename) that container to be able to reuse that name.`,
    1,
    'ENAMECONFLICT',
  );
}
