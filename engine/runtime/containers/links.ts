import { DockerError } from '../../core/errors.ts';
import { linkEntry, parseLink, readLinkEntry, type LinkedChild } from '../../network/links.ts';
import { findContainer } from './resolve.ts';
import type { ContainerRecord } from './types.ts';

/**
 * The daemon's side of legacy `--link` (daemon_unix.go registerLinks at create, setupLinkedContainers at start).
 */

const HOST_AND_LINKS = "Error response from daemon: conflicting options: host type networking can't be used with links. This would result in undefined behavior";

/**
 * At create: every `--link name[:alias]` must name an existing container (by name or ID) and neither side may use host
 * networking. Returns HostConfig.Links (`/child:/parent/alias`).
 */
export function registerLinks(records: Iterable<ContainerRecord>, specs: readonly string[], parentName: string, parentMode: string): string[] {
  const all = [...records];
  return specs.map((spec) => {
    const link = parseLink(spec);
    if (!link) throw new DockerError(`Error response from daemon: bad format for links: ${spec}`, 1, 'ELINK');
    let child: ContainerRecord;
    try {
      child = findContainer(all, link.name);
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      // moby turns the not-found into an invalid parameter, so the CLI does not go and pull an image.
      throw new DockerError(`Error response from daemon: could not get container for ${link.name}: ${e.message.replace(/^Error response from daemon: /, '')}`, 1, 'ELINK');
    }
    if (parentMode === 'host' || child.network.mode === 'host') throw new DockerError(HOST_AND_LINKS, 1, 'ELINK');
    return linkEntry(child.name, parentName, link.alias);
  });
}

/**
 * At start: the linked containers as they run now, for /etc/hosts and the environment. A stopped child fails the
 * start with moby's words; a child removed since is skipped (its link went with it).
 */
export function linkedChildren(
  parent: ContainerRecord,
  records: Iterable<ContainerRecord>,
  running: (id: string) => boolean,
  addressOf: (id: string) => string | undefined,
): LinkedChild[] {
  const all = [...records];
  const out: LinkedChild[] = [];
  for (const entry of parent.links ?? []) {
    const { child: name, linkName, alias } = readLinkEntry(entry);
    const child = all.find((r) => r.name === name);
    if (!child) continue;
    if (!running(child.id)) throw new DockerError(`Error response from daemon: Cannot link to a non running container: /${child.name} AS ${linkName}`, 1, 'ELINK');
    const ip = addressOf(child.id);
    if (!ip) continue;
    out.push({ linkName, alias, name: child.name, hostname: child.config.Hostname || child.id.slice(0, 12), ip, exposedPorts: child.network.exposedPorts, env: child.config.Env ?? [] });
  }
  return out;
}
