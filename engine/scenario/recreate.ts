import type { Machine } from '../api.ts';
import { isDockerError } from '../core/errors.ts';
import { machineInternals } from '../host/machine.ts';
import { recreateOptions } from '../runtime/containers/recreate.ts';
import { settleBackground } from '../host/driver.ts';
import { isAnonymous } from '../runtime/volumes/types.ts';
import type { CheckResult } from './types.ts';

/**
 * The `recreate` probe step: `docker rm -f NAME`, then a new container from the old one's recorded configuration,
 * started as `docker run -d` would. Data survives only where the student put it somewhere that outlives a container.
 */
export async function recreateContainer(machine: Machine, name: string): Promise<CheckResult> {
  const { runtime, images, volumes } = machineInternals(machine);
  const old = runtime.list().find((c) => c.record.name === name);
  if (!old) return { passed: false, message: `there is no container named ${name} to recreate` };
  const image = images.store.images.get(old.record.imageId);
  const anonymous = new Set([...volumes.store.volumes.values()].filter(isAnonymous).map((v) => v.name));
  const options = recreateOptions(old.record, image?.config.config ?? {}, (n) => anonymous.has(n));
  const terminal = machine.openTerminal();
  const removed = await terminal.run(`docker rm -f ${name}`, { stdout: () => {}, stderr: () => {} });
  if (removed !== 0) return { passed: false, message: `the probe could not remove container ${name}` };
  try {
    const record = runtime.create(options);
    runtime.start(record.id);
  } catch (e) {
    if (!isDockerError(e)) throw e;
    return { passed: false, message: `container ${name} could not be created again from its configuration: ${e.message}` };
  }
  await settleBackground(machine.clock);
  return { passed: true, message: '' };
}
