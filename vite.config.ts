import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { precache } from './src/sw/precache-plugin.ts';
import { engineChunk } from './src/build/engine-chunk-plugin.ts';

export default defineConfig({
  plugins: [svelte(), precache(), engineChunk()],
  // Relative asset URLs so the built site works from any folder of a static host.
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022' },
});
