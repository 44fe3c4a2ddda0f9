import { drawBytes, type IdState } from '../core/ids.ts';

/**
 * A container interface's MAC address. Since Engine 28 the bridge driver no longer derives it from the IP
 * (`02:42:ac:11:00:02` for 172.17.0.2) but draws a random locally administered unicast address, as
 * netutils.GenerateRandomMAC does (first octet: multicast bit cleared, local bit set). Drawn from the machine's
 * seeded IDs, so it is random-looking yet the same on every replay.
 */
export function randomMac(ids: IdState): [string, IdState] {
  const b = drawBytes(ids, 'mac').slice(0, 6);
  b[0] = (b[0]! & 0xfe) | 0x02;
  const mac = [...b].map((x) => x.toString(16).padStart(2, '0')).join(':');
  return [mac, { ...ids, counter: ids.counter + 1 }];
}
