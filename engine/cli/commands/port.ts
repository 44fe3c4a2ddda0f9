import { joinHostPort } from '../../network/address.ts';
import { DockerError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { naturalCompare } from '../sort-order.ts';
import { containerService } from './container-service.ts';


/**
 * `docker port` / `docker container port CONTAINER [PRIVATE_PORT[/PROTO]]` (docker/cli container/port.go): the
 * published bindings from the container's NetworkSettings.Ports, in natural order; a stopped container has none and
 * prints nothing. A port that is not published fails with `Error: No public port '80' published for web`, exit 1.
 */
export const portCommand: Command = {
  paths: ['docker container port', 'docker port'],
  args: { kind: 'range', min: 1, max: 2 },
  async run(ctx) {
    const [ref, wanted] = ctx.args as [string, string | undefined];
    const { record, state } = containerService(ctx).get(ref);
    const ports = state.Running ? (ctx.engine.network?.portsOf(record.id, record.network.exposedPorts) ?? {}) : {};
    const out: string[] = [];
    if (wanted !== undefined) {
      const [port = '', proto = 'tcp'] = wanted.split('/');
      if (!/^\d+$/.test(port) || Number(port) > 65535) {
        const why = /^\d+$/.test(port) ? 'value out of range' : 'invalid syntax';
        throw new DockerError(`Error: invalid port (${port}): strconv.ParseUint: parsing ${JSON.stringify(port)}: ${why}`, 1, 'EPORT');
      }
      const bindings = ports[`${port}/${proto || 'tcp'}`];
      if (!bindings || bindings.length === 0) throw new DockerError(`Error: No public port '${wanted}' published for ${ref}`, 1, 'ENOPORT');
      for (const b of bindings) out.push(joinHostPort(b.hostIp, b.hostPort));
    } else {
      for (const [from, bindings] of Object.entries(ports)) for (const b of bindings ?? []) out.push(`${from} -> ${joinHostPort(b.hostIp, b.hostPort)}`);
    }
    if (out.length > 0) await ctx.stdout.write(`${out.sort(naturalCompare).join('\n')}\n`);
    return 0;
  },
};
