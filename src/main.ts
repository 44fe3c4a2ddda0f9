import { mount } from 'svelte';
import App from './App.svelte';
import { prefetchEngine } from './machine.ts';
import { openSessionStoreEarly } from './session/early-store.ts';
import { applyTheme, theme } from './theme.svelte.ts';
import { registerServiceWorker } from './sw/register.ts';
import './app.css';

prefetchEngine();
openSessionStoreEarly();
applyTheme(theme.current);

const target = document.getElementById('app');
if (!target) throw new Error('Dockyard: #app is missing from index.html');
mount(App, { target });
registerServiceWorker();
