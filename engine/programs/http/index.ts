import type { Program } from '../process.ts';
import { curl } from './curl/curl.ts';
import { nginx } from './nginx/nginx.ts';

/**
 * The HTTP programs by the names their files carry (`content.program`), for `containerPrograms(extra)`: the nginx
 * images' /usr/sbin/nginx and nginx-debug, and curl wherever an image or the host ships /usr/bin/curl. BusyBox's
 * wget is an applet of the busybox program; `python3 -m http.server` lives in python3.
 */
export const HTTP_PROGRAMS: Readonly<Record<string, Program>> = { nginx, curl };

/** What the host (Ubuntu 24.04) should get from here: curl. */
export const HOST_HTTP_PROGRAMS: Readonly<Record<string, Program>> = { curl };
