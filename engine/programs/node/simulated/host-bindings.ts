import type { BindingFactory } from '../runtime/bindings.ts';
import { mongodbBinding } from './mongodb/binding.ts';
import { redisBinding } from './redis/binding.ts';

/**
 * The host halves of the simulated packages backed by engine code, by the name their JavaScript passes to
 * `process.binding('dockyard:<name>')`. Kept apart from index.ts so npm (which only writes the files) does not load
 * the database clients.
 */
export const HOST_BINDINGS: Readonly<Record<string, BindingFactory>> = {
  mongodb: mongodbBinding,
  redis: redisBinding,
};
