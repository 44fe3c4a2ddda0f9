import { VirtualClock } from '../../../engine/core/clock.ts';
import { initialIds, type IdState } from '../../../engine/core/ids.ts';
import { driveHeadless } from '../../../engine/host/driver.ts';
import { NetworkService } from '../../../engine/network/service.ts';
import { createProcess } from '../../../engine/programs/spawn.ts';
import { BytesReader, Collector } from '../../../engine/programs/streams.ts';
import { box, type Box, type Ran } from '../http/testing.ts';

/** A daemon's network service and containers on it, each a box over a catalog image with Docker's /etc/hosts. */
export function network() {
  let ids: IdState = initialIds(3);
  const clock = new VirtualClock();
  const service = new NetworkService({ clock, ids: { get: () => ids, set: (n) => (ids = n) }, hostname: 'dockyard' });
  let n = 0;
  const container = (image: string, name: string): Box & { address: string } => {
    const id = String.fromCharCode(97 + n++).repeat(64);
    const files: { fs?: Box['fs'] } = {};
    const hostname = id.slice(0, 12);
    const attachment = service.connect(id, { name, hostname, hosts: () => files.fs?.readText('/etc/hosts') });
    const b = box(image, attachment.stack, clock);
    files.fs = b.fs;
    const address = attachment.endpoints[0]!.ipAddress;
    b.fs.writeFile('/etc/hosts', `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${address}\t${hostname}\n`);
    return Object.assign(b, { address });
  };
  return { service, clock, container };
}

/**
 * Runs a command line (words split on spaces, no shell: Ctrl-C goes to the program alone, as in a terminal) in the
 * box; Ctrl-C after `interruptAfterMs` of virtual time if it is still running.
 */
export async function runFor(b: Box, line: string, interruptAfterMs?: number): Promise<Ran> {
  const stdout = new Collector();
  const stderr = new Collector();
  const control = new AbortController();
  const p = createProcess(b.machine, { argv: ['sh'], env: b.env, cwd: '/', stdin: new BytesReader(''), stdout, stderr, signal: control.signal, uid: 0, gid: 0 });
  const cancel = interruptAfterMs === undefined ? () => {} : b.clock.after(interruptAfterMs, () => control.abort('SIGINT'));
  const status = await driveHeadless(b.clock, p.spawn(line.split(' ')), () => control.abort('SIGINT'));
  cancel();
  return { stdout: stdout.text(), stderr: stderr.text(), status };
}
