/**
 * The scenario files bundled into the site. Non-eager: each file is its own small chunk, fetched when a scenario is
 * chosen (or the list reads the YAML files). `exhaustive` includes dotfiles (`.dockerignore`), see src/sandbox.ts.
 */
import { Catalog, type Files } from './catalog.ts';

const FILES = import.meta.glob('/scenarios/**', {
  query: '?raw',
  import: 'default',
  exhaustive: true,
}) as Files;

export const catalog = new Catalog(FILES);
