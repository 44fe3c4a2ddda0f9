import type { MountRequest } from './types.ts';

/** `--tmpfs /path[:options]` (HostConfig.Tmpfs): a tmpfs mount; `ro` among the options makes it read-only. */
export function tmpfsRequest(value: string): MountRequest {
  const colon = value.indexOf(':');
  const target = colon < 0 ? value : value.slice(0, colon);
  const options = colon < 0 ? [] : value.slice(colon + 1).split(',');
  return { type: 'tmpfs', source: '', target, readOnly: options.includes('ro') };
}
