import { ALPINE_3_20, ALPINE_3_21, ALPINE_3_22 } from './alpine.ts';
import { DEBIAN_BOOKWORM, DEBIAN_BOOKWORM_SLIM } from './debian.ts';
import { NODE_IMAGES } from './node.ts';
import type { ImageSpec, RepositoryInfo } from './types.ts';

/** Every image the offline registry serves (a snapshot of Docker Hub around 2025-06-10). */
export const CATALOG_IMAGES: readonly ImageSpec[] = [ALPINE_3_20, ALPINE_3_21, ALPINE_3_22, DEBIAN_BOOKWORM, DEBIAN_BOOKWORM_SLIM, ...NODE_IMAGES];

/** `docker search` rows: Docker Hub's short descriptions; star counts as of mid-2025, rounded. */
export const CATALOG_REPOSITORIES: readonly RepositoryInfo[] = [
  { name: 'alpine', description: 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!', stars: 11_300, official: true },
  { name: 'debian', description: "Debian is a Linux distribution that's composed entirely of free and open-source software.", stars: 5_200, official: true },
  { name: 'node', description: 'Node.js is a JavaScript-based platform for server-side and networking applications.', stars: 13_900, official: true },
];
