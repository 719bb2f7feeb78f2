import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { FACTORY_NAME, widgetArchive } from './scripts/widgetArchive.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'widget',
    emptyOutDir: true,
    target: 'es2020',
    copyPublicDir: false,
    lib: { entry: 'src/main.ts', formats: ['iife'], name: FACTORY_NAME, fileName: () => 'script.js' },
    rolldownOptions: { output: { exports: 'default' } },
  },
  plugins: [widgetArchive(root)],
});
