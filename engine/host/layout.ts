/** The simulated host: a Linux machine (Ubuntu 24.04) with Docker installed, used by one student. */
export const HOST_NAME = 'dockyard';
export const USER_NAME = 'student';
export const USER_UID = 1000;
export const USER_GID = 1000;
export const HOME_DIR = '/home/student';
export const PROJECT_DIR = '/home/student/project';
export const HOST_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
