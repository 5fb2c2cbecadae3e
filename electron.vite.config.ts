// electron-vite: one config for the three bundles (main, preload, renderer), each with the
// right target. Chosen over plain vite for its Electron-aware defaults (externalised deps in main,
// CJS preload for the sandbox, renderer dev server) without hand-written glue.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The CLI's Chromium PDF renderer; the app renders PDFs with printToPDF and never loads it.
        external: ['playwright-core'],
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // Started by utilityProcess.fork (electron/main/decode-host.ts) as out/main/decode-worker.js.
          'decode-worker': resolve(import.meta.dirname, 'electron/core/media/decode-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else (zod) into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      // The CSP allows no data: URLs, so nothing may be inlined as one.
      assetsInlineLimit: 0,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'renderer/index.html') },
      },
    },
  },
});
