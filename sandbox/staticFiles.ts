import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';

/** Content types of the files the sandbox serves: the host page's modules must come as JavaScript to run at all. */
export const MIME: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
};

/** The host's own libraries, served from node_modules as amoCRM serves its copies. */
export const VENDOR: Record<string, string> = {
  '/vendor/require.js': 'node_modules/requirejs/require.js',
  '/vendor/jquery.js': 'node_modules/jquery/dist/jquery.js',
  '/vendor/underscore.js': 'node_modules/underscore/underscore-umd.js',
};

/** Resolves `rel` under `base`, refusing anything that climbs out of it. */
export const inside = (base: string, rel: string): string | undefined => {
  const full = normalize(join(base, decodeURIComponent(rel)));
  return full.startsWith(normalize(base) + sep) && existsSync(full) && statSync(full).isFile() ? full : undefined;
};
