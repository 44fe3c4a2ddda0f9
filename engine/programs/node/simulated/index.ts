import { EXPRESS } from './express.ts';
import { MONGODB } from './mongodb/package.ts';
import { MONGOOSE } from './mongoose/package.ts';
import { REDIS } from './redis/package.ts';
import { CORS, DOTENV, DOTENV_CONFIG } from './small.ts';

/**
 * Packages whose npm install carries a working implementation of ours: JavaScript files (by path inside the
 * package) that the node sandbox loads from node_modules like any package's code. A package backed by engine code
 * (a database client) is JavaScript here too; the key '.' is the file the package's `main` names. It calls `process.binding('dockyard:<name>')` for the part the host
 * provides (see runtime/bindings.ts). Add an entry to make `npm install <name>` give a usable package.
 */
export type SimulatedFiles = (version: string) => Readonly<Record<string, string>>;

const SIMULATED: Record<string, SimulatedFiles> = {
  express: () => ({ '.': EXPRESS }),
  cors: () => ({ '.': CORS }),
  dotenv: () => ({ '.': "module.exports = require('./lib/main.js');\n", 'lib/main.js': DOTENV, 'config.js': DOTENV_CONFIG }),
  mongodb: (version) => ({ '.': MONGODB(version) }),
  mongoose: (version) => ({ '.': MONGOOSE(version) }),
  redis: (version) => ({ '.': REDIS(version) }),
};

/** The simulated files of a package, or undefined when its install writes only placeholders. */
export function simulatedFiles(name: string, version: string): Readonly<Record<string, string>> | undefined {
  return SIMULATED[name]?.(version);
}

/** Lets another part of Dockyard (mongodb, mongoose, redis clients) add its package. */
export function registerSimulatedPackage(name: string, files: SimulatedFiles): void {
  SIMULATED[name] = files;
}
