import type { Program } from '../process.ts';
import { getent } from './getent.ts';
import { busyboxPing } from './ping/busybox-ping.ts';
import { iputilsPing } from './ping/iputils-ping.ts';
import { nslookup } from './nslookup.ts';

export { busyboxPing, getent, iputilsPing, nslookup };

/**
 * Network clients by the name their files carry: iputils' `ping` (the iputils-ping package, the host's) and glibc's
 * `getent` (libc-bin). BusyBox's own ping and nslookup are applets, reached through `busybox`.
 */
export const NET_PROGRAMS: Readonly<Record<string, Program>> = { ping: iputilsPing, getent };

/** BusyBox applets: its ping words everything its own way. */
export const NET_APPLETS: Readonly<Record<string, Program>> = { ping: busyboxPing, nslookup };
