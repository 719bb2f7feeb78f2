import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { ADMIN_FACTORY_NAME, ADMIN_MODE, FACTORY_NAME, widgetArchive } from './scripts/widgetArchive.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Two files, one build each (Vite's IIFE output has a single entry): `vite build` makes script.js, the eager AMD
 * module every page of every user loads, and its plugin then runs the ADMIN_MODE build for admin.js, the
 * admin-only views script.js loads on demand, and assembles widget/ and widget.zip.
 */
export default defineConfig(({ mode }) => {
  const admin = mode === ADMIN_MODE;
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: 'widget',
      // The admin build runs second and adds to what the script build wrote.
      emptyOutDir: !admin,
      target: 'es2020',
      copyPublicDir: false,
      lib: admin
        ? { entry: 'src/admin.ts', formats: ['iife'], name: ADMIN_FACTORY_NAME, fileName: () => 'admin.js' }
        : { entry: 'src/main.ts', formats: ['iife'], name: FACTORY_NAME, fileName: () => 'script.js' },
      rolldownOptions: { output: { exports: 'default' } },
    },
    plugins: [widgetArchive(root, admin ? 'admin' : 'script')],
  };
});
