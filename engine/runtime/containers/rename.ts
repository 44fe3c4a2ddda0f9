import { DockerError } from '../../core/errors.ts';
import { checkContainerName, nameConflict } from './names.ts';
import type { ContainerRecord } from './types.ts';

const daemon = (message: string, code: string) => new DockerError(`Error response from daemon: ${message}`, 1, code);

/**
 * moby daemon/rename.go ContainerRename, the checks before anything changes: both names given, the same name
 * refused, then reserveName (a valid name nobody else holds), whose errors come wrapped in "Error when allocating
 * new name". Returns the new name without its leading slash.
 */
export function checkRename(records: Iterable<ContainerRecord>, record: ContainerRecord, newName: string): string {
  if (newName === '') throw daemon('Neither old nor new names may be empty', 'EINVALIDNAME');
  const slashed = newName.startsWith('/') ? newName : `/${newName}`;
  if (slashed === `/${record.name}`) throw daemon('Renaming a container with the same name as its current name', 'ESAMENAME');
  const allocating = (e: DockerError) => daemon(`Error when allocating new name: ${e.message.replace(/^Error response from daemon: /, '')}`, e.code);
  let name: string;
  try {
    // reserveName checks the name with its slash trimmed but prints it as it got it, slash included.
    name = checkContainerName(slashed.slice(1));
  } catch (e) {
    if (!(e instanceof DockerError)) throw e;
    throw allocating(new DockerError(e.message.replace(`(${slashed.slice(1)})`, `(${slashed})`), e.exitCode, e.code));
  }
  const holder = [...records].find((r) => r.name === name);
  if (holder) throw allocating(nameConflict(name, holder.id));
  return name;
}
