import type { AdminKit } from '../admin';
import { pageRequire, requireModule, type AmdRequire } from './amd';

export type { AmdRequire };

/** What admin.js must hand back; `explainFailure` is the one a manager's page uses. */
export const KIT_ENTRIES = [
  'inspectorStore',
  'inspector',
  'inspectorPage',
  'settingsForm',
  'teamReport',
  'explainFailure',
] as const;

const isKit = (value: unknown): value is AdminKit =>
  typeof value === 'object' &&
  value !== null &&
  KIT_ENTRIES.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');

/** The module id of admin.js: a URL beside script.js, versioned like it so a new archive is never mixed with an old one. */
export const adminKitUrl = (path: string, version: string): string =>
  `${path}/admin.js?v=${encodeURIComponent(version)}`;

/** One load per page and archive version, shared by every feature and instance of this bundle. */
const loads = new Map<string, Promise<AdminKit>>();

/**
 * Loads admin.js (the admin-only UI) through the page's RequireJS, once per page. Rejects, never throws, when the
 * page has no AMD loader, the widget's path is unknown, the file fails to load or is not the kit; a failed load is
 * forgotten here and undefined in RequireJS, so a later call (the settings modal, the next page) tries again.
 */
export const loadAdminKit = (
  where: { path: string; version: string },
  amdRequire: AmdRequire | undefined = pageRequire(),
): Promise<AdminKit> => {
  const id = adminKitUrl(where.path, where.version);
  const known = loads.get(id);
  if (known) return known;
  const load = (
    where.path ? requireModule(id, amdRequire) : Promise.reject(new Error('the widget path is unknown'))
  ).then((kit) => {
    if (!isKit(kit)) throw new Error('admin.js did not return the admin kit');
    return kit;
  });
  loads.set(id, load);
  load.catch(() => loads.delete(id));
  return load;
};
