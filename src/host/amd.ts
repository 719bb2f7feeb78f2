import type { Guard } from '../lazy';

/**
 * The page's RequireJS: the host contract's only way to load more code or data (never a script tag). The host
 * loads widgets the same way: `window.require(["optional!<path>/script.js?v=…", "json!<lang file>?v=…"], …)`
 * (GitHub `Psiant/two`, `frontend/bild/75620.907dc87499035442ff59.js`).
 */
export type AmdRequire = ((
  ids: string[],
  ok: (...modules: unknown[]) => void,
  fail?: (error: unknown) => void,
) => void) & {
  /** RequireJS's `undef`: forgets a module id, so a failed load can be tried again. */
  undef?: (id: string) => void;
};

/** The page's global `require` (RequireJS's, not CommonJS), if there is one. */
export const pageRequire = (): AmdRequire | undefined => {
  const amd: unknown = (globalThis as { require?: unknown }).require;
  return typeof amd === 'function' ? (amd as AmdRequire) : undefined;
};

/**
 * Loads one module through RequireJS and checks it with `guard`. Rejects, never throws, when there is no loader, the
 * load fails or the module is not what `guard` expects; a failed id is undefined first, since RequireJS otherwise
 * keeps answering the same failure for it (RequireJS's own test `tests/undef/undefLocal.html`: `requirejs.undef(id)`
 * in the errback, then `requirejs([...])` again).
 */
export const requireModule = <T>(
  id: string,
  guard: Guard<T>,
  amdRequire: AmdRequire | undefined = pageRequire(),
): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    if (!amdRequire) throw new Error('the page has no AMD require');
    amdRequire(
      [id],
      (module) => {
        if (guard(module)) resolve(module);
        else reject(new Error(`${id} is not the module expected`));
      },
      (error) => {
        try {
          const global = (globalThis as { requirejs?: AmdRequire }).requirejs;
          (amdRequire.undef ?? global?.undef)?.(id);
        } catch {
          // A loader without undef: the retry may meet the same failure, nothing worse.
        }
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
