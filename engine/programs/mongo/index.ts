import { gosu } from '../gosu.ts';
import type { Program } from '../process.ts';
import { mongod } from './mongod.ts';

/**
 * The MongoDB programs for the container registry, by the names the mongo image's files carry (`mongod`, `mongosh`,
 * `gosu`). The integrator passes them to `containerPrograms` like NODE_PROGRAMS.
 */
export const MONGO_PROGRAMS: Record<string, Program> = { mongod, gosu };

export { mongod } from './mongod.ts';
