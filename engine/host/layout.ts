/** The simulated host: a Linux machine (Ubuntu 24.04) with Docker installed, used by one student. */
export const HOST_NAME = 'dockyard';
export const USER_NAME = 'student';
export const USER_UID = 1000;
export const USER_GID = 1000;
export const HOME_DIR = '/home/student';
export const PROJECT_DIR = '/home/student/project';
export const HOST_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** Ubuntu 24.04's kernel; `docker info` reports the same (engine/cli/version-info.ts). */
export const HOST_KERNEL = { release: '6.8.0-60-generic', version: '#63-Ubuntu SMP PREEMPT_DYNAMIC Tue Apr 15 19:04:15 UTC 2025', machine: 'x86_64' } as const;
