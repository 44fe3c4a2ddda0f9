export * from './types.ts';
export * from './path.ts';
export * from './content.ts';
export * from './tree.ts';
export { TreeFs, statOf } from './tree-fs.ts';
