import type { Guard } from '../lazy';
import { pageRequire, requireModule, type AmdRequire } from './amd';

export type { AmdRequire };

/** Where the widget's files are: its path and the install stamp that versions every file of one archive. */
export interface ChunkPlace {
  path: string;
  version: string;
}

/** The module id of a lazy half: a URL beside script.js, versioned like it so a new archive is never mixed with an old one. */
export const chunkUrl = (where: ChunkPlace, chunk: string): string =>
  `${where.path}/${chunk}.js?v=${encodeURIComponent(where.version)}`;

const isModule = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** One load per page and archive version, shared by every feature and instance of this bundle. */
const loads = new Map<string, Promise<object>>();

/**
 * Loads the lazy half `chunk` (`<path>/<chunk>.js?v=<version>`) through the page's RequireJS, once per page, and
 * checks it with the caller's `guard` (each feature checks its own part of a module). Rejects, never throws, when the
 * page has no AMD loader, the widget's path is unknown, the file fails to load or is not what `guard` expects; a
 * failed load is forgotten here and undefined in RequireJS, so a later call (the next check, the settings modal,
 * the next page) tries again. It knows no module's content.
 */
export const loadChunk = <T>(
  where: ChunkPlace,
  chunk: string,
  guard: Guard<T>,
  amdRequire: AmdRequire | undefined = pageRequire(),
): Promise<T> => {
  const id = chunkUrl(where, chunk);
  let load = loads.get(id);
  if (!load) {
    load = where.path
      ? requireModule(id, isModule, amdRequire)
      : Promise.reject(new Error('the widget path is unknown'));
    loads.set(id, load);
    const settled = load;
    settled.catch(() => {
      if (loads.get(id) === settled) loads.delete(id);
    });
  }
  return load.then((module) => {
    if (!guard(module)) throw new Error(`${chunk}.js is not the module expected`);
    return module;
  });
};
