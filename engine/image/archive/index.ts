export { archiveLength, saveArchive } from './writer.ts';
export { loadArchive } from './reader.ts';
export * from './types.ts';
