/**
 * The program tables that load on first use, in their own chunk: everything a container or build step can run, and
 * the host's network and database clients. Only lazy.ts's loaders import this module.
 */
import type { Program } from './process.ts';
import { containerPrograms } from './registry.ts';
import { NODE_PROGRAMS } from './node/index.ts';
import { HOST_HTTP_PROGRAMS } from './http/index.ts';
import { MONGOSH_HOST_PROGRAMS } from './mongo/index.ts';
import { NET_PROGRAMS } from './net/index.ts';

export const CONTAINER_PROGRAMS: Readonly<Record<string, Program>> = containerPrograms(NODE_PROGRAMS);

export const HOST_EXTRA_PROGRAMS: Readonly<Record<string, Program>> = { ...HOST_HTTP_PROGRAMS, ...MONGOSH_HOST_PROGRAMS, ...NET_PROGRAMS };
