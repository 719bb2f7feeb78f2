import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { FACTORY_NAME, lazyHalfOf, widgetArchive } from './scripts/widgetArchive.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * One build per file (Vite's IIFE output has a single entry): `vite build` makes script.js, the eager AMD module
 * every page of every user loads, and its plugin then runs one build per lazy half (LAZY_HALVES: admin.js, the
 * admin-only views; reminder.js, the reminder's dialog; watchers.js, the admins' network watchers), which script.js
 * loads on demand, and assembles widget/,
 * widget.zip and widget-kommo.zip.
 */
export default defineConfig(({ mode }) => {
  const half = lazyHalfOf(mode);
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: 'widget',
      // The lazy halves build after script.js and add to what it wrote.
      emptyOutDir: !half,
      target: 'es2020',
      copyPublicDir: false,
      lib: half
        ? { entry: half.entry, formats: ['iife'], name: half.name, fileName: () => half.file }
        : { entry: 'src/main.ts', formats: ['iife'], name: FACTORY_NAME, fileName: () => 'script.js' },
      rolldownOptions: { output: { exports: 'default' } },
    },
    plugins: [widgetArchive(root, half ?? 'script')],
  };
});
