import { readFileSync } from 'node:fs';
import { CATALOG, SECTIONS, type CatalogEntry, type Section } from '../src/inspector/catalog';
import { empty } from './http';
import { legacy, type FaultCase } from './faultShapes';

/**
 * The fault lab's catalog cases, derived from the error catalog itself (src/inspector/catalog.ts `CATALOG` and the
 * Russian texts in i18n/ru.json, amoCRM's own wording): one case per current code of each section below, answered
 * in the legacy shape with the code as a string. A new catalog code gets its case without an edit here.
 */

/** Where each section's cases are fired: a path the inspector derives that section from. */
const SECTION_PATHS: Partial<Record<Section, string>> = {
  auth: '/private/api/auth.php',
  contacts: '/api/v4/contacts',
  deals: '/api/v4/leads',
  events: '/api/v4/events',
  tasks: '/api/v4/tasks',
  lists: '/api/v4/catalogs',
  elements: '/api/v4/catalogs/1001/elements',
  customers: '/api/v4/customers',
  other: '/api/v4/account',
};

/** The lab's own name of a section, which its case ids and groups keep (`code-catalog-elements-203`). */
const labName = (section: Section): string => (section === 'elements' ? 'catalog elements' : section);

type Texts = { [key: string]: string | Texts };
const RU = JSON.parse(readFileSync(new URL('../i18n/ru.json', import.meta.url), 'utf8')) as Texts;

/** The Russian text under a dotted i18n key (`catalog.codes.tasks_244`). */
export const russianText = (key: string): string => {
  let node: string | Texts | undefined = RU;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`i18n/ru.json has no text for ${key}`);
  return node;
};

/**
 * The status a code travels with: the catalog's own when amoCRM's page names one; otherwise 403 for a refusal of
 * rights (the catalog's `rights` advice) and 400 Bad Request for the rest.
 */
export const httpStatus = (entry: CatalogEntry): number =>
  entry.http || (entry.advice === 'catalog.advice.rights' ? 403 : 400);

export const CATALOG_CASES: readonly FaultCase[] = SECTIONS.flatMap((section) => {
  const path = SECTION_PATHS[section];
  if (path === undefined) return [];
  return CATALOG.filter((entry) => entry.section === section && !entry.legacy).map((entry): FaultCase => {
    const status = httpStatus(entry);
    return {
      id: `code-${labName(section).replace(' ', '-')}-${entry.code}`,
      group: `catalog: ${labName(section)}`,
      label: `${entry.code} (HTTP ${status})`,
      method: section === 'auth' ? 'POST' : 'GET',
      path,
      // 2002 travels as "204 No Content": there is no body to carry the code.
      respond: status === 204 ? () => empty(204) : legacy(status, entry.code, russianText(entry.text)),
    };
  });
});
