import { DockerError, isDockerError } from '../core/errors.ts';
import { parseTimestamp } from '../image/list.ts';
import type { LogEntry } from '../runtime/containers/types.ts';

/** Which log entries `docker logs --since/--until` shows, and whether a follow is over. */
export interface LogWindow {
  readonly includes: (entry: LogEntry) => boolean;
  readonly ended: (now: number) => boolean;
}

/**
 * `--since` and `--until` as the client reads them (timetypes.GetTimestamp, relative to the clock's now): RFC 3339
 * dates, Unix timestamps with optional fraction, or Go durations back from now (`10m`, `1h30m`). The json-file
 * reader keeps entries at or after since and at or before until. A value it cannot read is refused before the
 * request, as the client library wraps it: `invalid value for "since": ...`.
 */
export function logWindow(since: string, until: string, now: number): LogWindow {
  const read = (name: string, value: string): number | undefined => {
    if (value === '') return undefined;
    try {
      return parseTimestamp(value, now) * 1000;
    } catch (e) {
      if (!isDockerError(e)) throw e;
      throw new DockerError(`invalid value for ${JSON.stringify(name)}: ${e.message.replace(/^Error response from daemon: /, '')}`, 1, 'EINVAL');
    }
  };
  const from = read('since', since);
  const to = read('until', until);
  return {
    includes: (e) => (from === undefined || e.time >= from) && (to === undefined || e.time <= to),
    ended: (t) => to !== undefined && t > to,
  };
}
