/**
 * The renderer's vite config, shared by the Electron build (electron.vite.config.ts) and the plain
 * web build (`npm run web`, `npm run build:web` → out/web). Both bundles are the same app; only the
 * output folder differs. In Electron the preload provides `window.arcade`; without it (the web build)
 * the page uses its in-page implementation (src/renderer/src/api/web-api.ts) and the bundled homebrew ROMs.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * `--mode e2e` (test/e2e/run.mjs): the machines only the end-to-end test starts (test/e2e/test-machines.ts)
 * take the place of the app's empty list (src/renderer/src/emu/test-machines.ts).
 */
function e2eTestMachines(): Plugin {
  const app = resolve(root, 'src/renderer/src/emu/test-machines.ts');
  return {
    name: 'arcade-e2e-test-machines',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      return r?.id === app ? resolve(root, 'test/e2e/test-machines.ts') : null;
    },
  };
}

export function rendererConfig(target: 'electron' | 'web', mode = 'production'): UserConfig {
  const plugins = mode === 'e2e' ? [e2eTestMachines()] : [];
  return {
    plugins,
    root: resolve(root, 'src/renderer'),
    base: './',
    server: {
      fs: { allow: [root] },
      headers: {
        // only needed for SharedArrayBuffer, which we do not require; harmless and matches the e2e server
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      },
    },
    build: {
      ...(target === 'web' ? { outDir: resolve(root, 'out/web'), emptyOutDir: true } : {}),
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      assetsInlineLimit: 0,
      // keep class names: the core names chips after their device classes (library details, listxml)
      rolldownOptions: { input: resolve(root, 'src/renderer/index.html'), output: { keepNames: true } },
    },
    worker: { format: 'iife', plugins: () => (mode === 'e2e' ? [e2eTestMachines()] : []), rolldownOptions: { output: { keepNames: true } } },
  };
}

export default defineConfig(({ mode }) => rendererConfig('web', mode));
