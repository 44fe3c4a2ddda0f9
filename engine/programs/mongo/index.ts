import { gosu } from '../gosu.ts';
import type { Program } from '../process.ts';
import { mongod } from './mongod.ts';
import { mongosh } from './mongosh/mongosh.ts';

/**
 * The MongoDB programs for the container registry, by the names the mongo image's files carry (`mongod`, `mongosh`,
 * `gosu`). The integrator passes them to `containerPrograms` like NODE_PROGRAMS.
 */
export const MONGO_PROGRAMS: Record<string, Program> = { mongod, mongosh, gosu };

export { mongod } from './mongod.ts';

/**
 * What the host needs to have `mongosh` installed (it stands in for MongoDB Compass there): add these to the host's
 * programs so populateHost gives it a file.
 */
export const MONGOSH_HOST_PROGRAMS: Record<string, Program> = { mongosh };

export { createMongosh, formatError, mongosh } from './mongosh/mongosh.ts';
export type { ShellEvaluator } from './mongosh/evaluator.ts';
export { IncompleteInput, ShellSyntaxError } from './mongosh/evaluator.ts';
/** The sandbox-backed evaluator `mongosh` uses, one per session; it loads the sandbox on first use. */
export { sandboxEvaluator } from './mongosh/lazy-evaluator.ts';
export { gosu } from '../gosu.ts';
export { MongoClient, Db, Collection, FindCursor, type ClientEnvironment, type MongoClientOptions } from './client/client.ts';
export * from './client/errors.ts';
export { ObjectId, ObjectIdFactory } from './bson.ts';
