import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  // Relative asset URLs so the built site works from any folder of a static host.
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022' },
});
