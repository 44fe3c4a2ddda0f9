import { DockerError } from '../../core/errors.ts';

/**
 * moby's volume OpErr (volume/service/errors.go) as the CLI prints it: `<op> <name>: <cause>`, then ` - [<refs>]`
 * when something holds the volume, after the client's `Error response from daemon: `.
 */
export function volumeOpError(op: string, name: string, cause: string, code: string, refs: readonly string[] = []): DockerError {
  const suffix = refs.length > 0 ? ` - [${refs.join(', ')}]` : '';
  return new DockerError(`Error response from daemon: ${op}${name !== '' ? ` ${name}` : ''}: ${cause}${suffix}`, 1, code);
}

/** `get nope: no such volume` (a 404: `docker inspect` goes on to the next kind of object). */
export function noSuchVolume(name: string): DockerError {
  return volumeOpError('get', name, 'no such volume', 'ENOTFOUND');
}
