/** The four pictures' components: one chunk, loaded by PicturesPanel once the terminal is ready to type at. */
export { default as ImagesPicture } from './ImagesPicture.svelte';
export { default as BuildPicture } from './BuildPicture.svelte';
export { default as ContainersPicture } from './ContainersPicture.svelte';
export { default as NetworkPicture } from './NetworkPicture.svelte';
