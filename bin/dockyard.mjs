#!/usr/bin/env node
// The headless command line. The engine is TypeScript; tsx lets it run straight after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
