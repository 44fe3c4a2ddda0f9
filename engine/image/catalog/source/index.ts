import { ALPINE_3_20, ALPINE_3_21, ALPINE_3_22 } from './alpine.ts';
import { CURL } from './curl.ts';
import { DEBIAN_BOOKWORM, DEBIAN_BOOKWORM_SLIM } from './debian.ts';
import { HTTPD_IMAGES } from './httpd.ts';
import { MONGO_IMAGES } from './mongo.ts';
import { NGINX_IMAGES } from './nginx.ts';
import { NGINX_STABLE_IMAGES } from './nginx-stable.ts';
import { NODE_IMAGES } from './node.ts';
import { POSTGRES_IMAGES } from './postgres.ts';
import { PYTHON_IMAGES } from './python.ts';
import { REDIS_IMAGES } from './redis.ts';
import { BUSYBOX, HELLO_WORLD } from './tiny.ts';
import { UBUNTU_JAMMY, UBUNTU_NOBLE } from './ubuntu.ts';
import type { ImageSpec, RepositoryInfo } from './types.ts';

/** Every image the offline registry serves (a snapshot of Docker Hub around 2025-06-10). */
export const CATALOG_IMAGES: readonly ImageSpec[] = [ALPINE_3_20, ALPINE_3_21, ALPINE_3_22, DEBIAN_BOOKWORM, DEBIAN_BOOKWORM_SLIM, UBUNTU_JAMMY, UBUNTU_NOBLE, BUSYBOX, HELLO_WORLD, ...NODE_IMAGES, ...PYTHON_IMAGES, ...NGINX_IMAGES, ...NGINX_STABLE_IMAGES, ...MONGO_IMAGES, ...REDIS_IMAGES, ...POSTGRES_IMAGES, ...HTTPD_IMAGES, CURL];

/** `docker search` rows: Docker Hub's short descriptions; star counts as of mid-2025, rounded. */
export const CATALOG_REPOSITORIES: readonly RepositoryInfo[] = [
  { name: 'alpine', description: 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!', stars: 11_300, official: true },
  { name: 'debian', description: "Debian is a Linux distribution that's composed entirely of free and open-source software.", stars: 5_200, official: true },
  { name: 'ubuntu', description: 'Ubuntu is a Debian-based Linux operating system based on free software.', stars: 17_700, official: true },
  { name: 'busybox', description: 'Busybox base image.', stars: 3_400, official: true },
  { name: 'hello-world', description: 'Hello World! (an example of minimal Dockerization)', stars: 2_400, official: true },
  { name: 'python', description: 'Python is an interpreted, interactive, object-oriented, open-source programming language.', stars: 10_100, official: true },
  { name: 'nginx', description: 'Official build of Nginx.', stars: 20_700, official: true },
  { name: 'mongo', description: 'MongoDB document databases provide high availability and easy scalability.', stars: 10_500, official: true },
  { name: 'redis', description: 'Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.', stars: 13_200, official: true },
  { name: 'postgres', description: 'The PostgreSQL object-relational database system provides reliability and data integrity.', stars: 14_000, official: true },
  { name: 'httpd', description: 'The Apache HTTP Server Project', stars: 4_900, official: true },
  { name: 'curlimages/curl', description: 'official curl-container image', stars: 120, official: false },
  { name: 'node', description: 'Node.js is a JavaScript-based platform for server-side and networking applications.', stars: 13_900, official: true },
];
