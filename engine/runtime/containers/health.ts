import type { ContainerState } from '../lifecycle/index.ts';
import { DockerError } from '../../core/errors.ts';
import type { ContainerRecord, HealthConfig } from './types.ts';
import type { HealthState } from './health-monitor.ts';

/** moby's health states, and `none` for a container without a check (the values `ps --filter health=` takes). */
export type HealthStatus = 'starting' | 'healthy' | 'unhealthy' | 'none';

export const HEALTH_STATUSES: readonly HealthStatus[] = ['starting', 'healthy', 'unhealthy', 'none'];

/** Whether the container has a check to run: a HEALTHCHECK (its own or the image's) that is not `NONE`. */
export function hasHealthcheck(record: ContainerRecord): boolean {
  const test = record.config.Healthcheck?.Test;
  return test !== undefined && test.length > 0 && test[0] !== 'NONE';
}

/**
 * The container's health: what its monitor last found (health-monitor.ts), `starting` until the first result; a
 * stopped container has none.
 */
export function healthStatus(record: ContainerRecord, state: ContainerState, health?: HealthState): HealthStatus {
  if (!hasHealthcheck(record)) return 'none';
  return state.Running ? (health?.Status ?? 'starting') : 'none';
}

/** moby's validateHealthCheck (daemon/container.go): durations of at least 1ms (0 = default), no negative retries. */
export function checkHealthConfig(h: HealthConfig | undefined): void {
  if (!h) return;
  const MIN_NS = 1_000_000;
  const tooShort = (field: string) => new DockerError(`Error response from daemon: ${field} in Healthcheck cannot be less than 1ms`, 1, 'EHEALTH');
  if (h.Interval && h.Interval < MIN_NS) throw tooShort('Interval');
  if (h.Timeout && h.Timeout < MIN_NS) throw tooShort('Timeout');
  if ((h.Retries ?? 0) < 0) throw new DockerError('Error response from daemon: Retries in Healthcheck cannot be negative', 1, 'EHEALTH');
  if (h.StartPeriod && h.StartPeriod < MIN_NS) throw tooShort('StartPeriod');
  if (h.StartInterval && h.StartInterval < MIN_NS) throw tooShort('StartInterval');
}
