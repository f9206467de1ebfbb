/** Renderer entry: pick the API (Electron preload, or the in-page one for the web build) and start the app. */
import './styles.css';
import { App } from './app';
import { createWebApi } from './api/web-api';


const api = window.arcade ?? createWebApi();
const root = document.getElementById('app')!;
new App(api, root).init().catch((e: unknown) => {
  root.textContent = `Arcade could not start: ${(e as Error).message}. Reload the page or reinstall the app.`;
  console.error(e);
});
