import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { build, type Plugin, type ResolvedConfig } from 'vite';

/** Name of the variable the IIFE build assigns; it lives inside the AMD factory, so it is never a global. */
export const FACTORY_NAME = '__taskGuardFactory';

/** The same for admin.js, the admin-only views loaded on demand (src/admin.ts). */
export const ADMIN_FACTORY_NAME = '__taskGuardAdmin';

/** The Vite mode that builds admin.js instead of script.js (vite.config.ts). */
export const ADMIN_MODE = 'admin';

/** Host AMD modules the widget asks for, in the order the factory receives them. */
export const HOST_MODULES = ['jquery'] as const;

/**
 * Wraps an IIFE bundle into a pure anonymous AMD module: `define(deps, function (...deps) { ...; return value })`.
 * Vite 8 has no `amd` format and UMD takes its CommonJS branch on pages that define `module`/`exports`.
 * script.js returns the widget constructor its factory builds from the host's jQuery; admin.js returns the kit.
 */
export const wrapAmd = (iife: string, deps: readonly string[], returns: string): string =>
  `define(${JSON.stringify(deps)},function(${deps.length ? '$' : ''}){"use strict";${iife.trim()}\nreturn ${returns};});\n`;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

/** Zips the archive directory with every file at the zip ROOT (a top folder is a classic rejection). */
export const zipDirectory = (dir: string): Uint8Array => {
  const entries: Record<string, Uint8Array> = {};
  for (const file of filesUnder(dir).sort()) entries[relative(dir, file).split('\\').join('/')] = readFileSync(file);
  return zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
};

/**
 * Vite plugin: AMD-wraps script.js (or admin.js in the admin mode). After script.js it builds admin.js with the
 * same config in the admin mode (Vite's IIFE output has one entry per build), then copies manifest.json, i18n/ and
 * images/ beside them and writes widget.zip, so one `vite build` makes the whole archive.
 */
export const widgetArchive = (root: string, part: 'script' | 'admin' = 'script'): Plugin => {
  let config: ResolvedConfig | undefined;
  return {
    name: 'task-guard-widget-archive',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        if (part === 'script' && chunk.fileName === 'script.js')
          chunk.code = wrapAmd(chunk.code, HOST_MODULES, `${FACTORY_NAME}($)`);
        if (part === 'admin' && chunk.fileName === 'admin.js') chunk.code = wrapAmd(chunk.code, [], ADMIN_FACTORY_NAME);
      }
    },
    async closeBundle() {
      if (part === 'admin') return;
      await build({
        root,
        configFile: config?.configFile ?? join(root, 'vite.config.ts'),
        mode: ADMIN_MODE,
        logLevel: config?.logLevel ?? 'info',
      });
      assembleArchive(root);
    },
  };
};

/** Copies manifest.json, i18n/ and images/ beside the built scripts in widget/ and zips it all into widget.zip. */
export const assembleArchive = (root: string): void => {
  const out = join(root, 'widget');
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as { widget: { version: string } };
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  if (manifest.widget.version !== pkg.version) {
    throw new Error(`manifest.json version ${manifest.widget.version} differs from package.json ${pkg.version}`);
  }
  mkdirSync(out, { recursive: true });
  cpSync(join(root, 'manifest.json'), join(out, 'manifest.json'));
  for (const dir of ['i18n', 'images']) {
    mkdirSync(join(out, dir), { recursive: true });
    for (const name of readdirSync(join(root, dir))) {
      if (dir === 'images' && !name.endsWith('.png')) continue; // sources stay out of the archive
      cpSync(join(root, dir, name), join(out, dir, name));
    }
  }
  writeFileSync(join(root, 'widget.zip'), zipDirectory(out));
};
