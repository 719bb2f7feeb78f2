/**
 * The amoCRM error catalog as data: which codes exist in which section, the HTTP status that comes with them and
 * where their texts live. The texts themselves are in i18n/<locale>.json under `catalog.` (loaded by the host, not
 * bundled): `catalog.codes.<section>_<code>` explains the code, `catalog.advice.<advice>` says what to do.
 * Source: amoCRM's error page (GitHub `biradrags/amo-docs`, `amocrm_docs_md/crm_platform/error-codes.md`) and
 * integrators' articles on the same codes, kept word for word in `catalog.seed.txt`; body shapes in docs/error-bodies.md.
 */

/** Where a code belongs; the same number means different things in different sections. */
export type Section =
  | 'auth'
  | 'account'
  | 'contacts'
  | 'deals'
  | 'events'
  | 'tasks'
  | 'lists'
  | 'elements'
  | 'customers'
  | 'other'
  | 'validation';

export const SECTIONS: readonly Section[] = [
  'auth',
  'account',
  'contacts',
  'deals',
  'events',
  'tasks',
  'lists',
  'elements',
  'customers',
  'other',
  'validation',
];

export type Locale = 'ru' | 'en' | 'es' | 'pt' | 'tr' | 'id';

/** One row of the catalog. */
export interface CatalogEntry {
  section: Section;
  code: string;
  /** HTTP status amoCRM sends with it (0 when the page gives none). */
  http: number;
  /** Gone from the current official page, still answered by old endpoints (`/api/v2`, `/private/api`). */
  legacy: boolean;
  /** i18n key of the explanation. */
  text: string;
  /** i18n key of the advice. */
  advice: string;
  /** Locales whose explanation is amoCRM's own wording; the others are the project's translations. */
  official: readonly Locale[];
}

// [section, code, http, advice, flags]: flags 'L' legacy, 'E' official English, 'R' official Russian.
type Row = readonly [Section, string, number, string, string];

const ROWS: readonly Row[] = [
  ['auth', '110', 401, 'credentials', 'RE'],
  ['auth', '111', 401, 'captcha', 'RE'],
  ['auth', '112', 401, 'user_disabled', 'RE'],
  ['auth', '113', 403, 'ip_whitelist', 'RE'],
  ['auth', '101', 401, 'subdomain', 'RE'],
  ['account', '101', 0, 'subdomain', 'LR'],
  ['account', '102', 0, 'request', 'LR'],
  ['account', '103', 0, 'request', 'LR'],
  ['account', '104', 0, 'request', 'LR'],
  ['contacts', '202', 0, 'rights', 'R'],
  ['contacts', '203', 0, 'fields', 'R'],
  ['contacts', '205', 0, 'retry', 'R'],
  ['contacts', '212', 0, 'retry', 'R'],
  ['contacts', '219', 0, 'retry', 'R'],
  ['contacts', '330', 0, 'links', 'R'],
  ['contacts', '201', 0, 'request', 'LR'],
  ['contacts', '204', 0, 'fields', 'LR'],
  ['contacts', '206', 0, 'request', 'LR'],
  ['contacts', '207', 0, 'request', 'LR'],
  ['contacts', '208', 0, 'request', 'LR'],
  ['contacts', '209', 0, 'request', 'LR'],
  ['contacts', '210', 0, 'fields', 'LR'],
  ['contacts', '211', 0, 'fields', 'LR'],
  ['deals', '330', 0, 'links', 'R'],
  ['deals', '213', 0, 'request', 'LR'],
  ['deals', '214', 0, 'request', 'LR'],
  ['deals', '215', 0, 'request', 'LR'],
  ['deals', '216', 0, 'request', 'LR'],
  ['deals', '217', 0, 'request', 'LR'],
  ['deals', '240', 0, 'fields', 'LR'],
  ['events', '244', 0, 'rights', 'R'],
  ['events', '225', 0, 'not_found', 'R'],
  ['events', '218', 0, 'request', 'LR'],
  ['events', '221', 0, 'request', 'LR'],
  ['events', '222', 0, 'request', 'LR'],
  ['events', '223', 0, 'request', 'LR'],
  ['events', '224', 0, 'request', 'LR'],
  ['events', '226', 0, 'not_found', 'L'],
  ['tasks', '231', 0, 'not_found', 'R'],
  ['tasks', '233', 0, 'not_found', 'R'],
  ['tasks', '234', 0, 'not_found', 'R'],
  ['tasks', '235', 0, 'element_type', 'R'],
  ['tasks', '236', 0, 'not_found', 'R'],
  ['tasks', '237', 0, 'not_found', 'R'],
  ['tasks', '244', 0, 'rights', 'R'],
  ['tasks', '227', 0, 'request', 'LR'],
  ['tasks', '228', 0, 'request', 'LR'],
  ['tasks', '229', 0, 'request', 'LR'],
  ['tasks', '230', 0, 'request', 'LR'],
  ['tasks', '232', 0, 'element_type', 'LR'],
  ['tasks', '238', 0, 'fields', 'LR'],
  ['lists', '244', 0, 'rights', 'R'],
  ['lists', '281', 0, 'retry', 'R'],
  ['lists', '282', 0, 'not_found', 'R'],
  ['lists', '222', 0, 'request', 'L'],
  ['lists', '283', 0, 'request', 'L'],
  ['lists', '284', 0, 'request', 'L'],
  ['lists', '285', 0, 'request', 'L'],
  ['lists', '405', 405, 'request', 'L'],
  ['elements', '203', 0, 'fields', 'R'],
  ['elements', '204', 0, 'fields', 'R'],
  ['elements', '244', 0, 'rights', 'R'],
  ['elements', '280', 0, 'created', 'R'],
  ['elements', '282', 0, 'not_found', 'R'],
  ['customers', '288', 0, 'rights', 'R'],
  ['customers', '402', 402, 'pay', 'R'],
  ['customers', '425', 0, 'feature_off', 'R'],
  ['customers', '426', 0, 'feature_off', 'R'],
  ['other', '400', 400, 'fields', 'R'],
  ['other', '422', 422, 'request', 'R'],
  ['other', '405', 405, 'request', 'R'],
  ['other', '402', 402, 'pay', 'R'],
  ['other', '403', 403, 'rate', 'R'],
  ['other', '429', 429, 'rate', 'R'],
  ['other', '2002', 204, 'nothing', 'R'],
  ['validation', 'NotSupportedChoice', 400, 'choice', ''],
  ['validation', 'InvalidType', 400, 'value', ''],
  ['validation', 'FieldMissing', 400, 'value', ''],
];

/** The whole catalog, in the seed's order. */
export const CATALOG: readonly CatalogEntry[] = ROWS.map(([section, code, http, advice, flags]) => ({
  section,
  code,
  http,
  legacy: flags.includes('L'),
  text: `catalog.codes.${section}_${code}`,
  advice: `catalog.advice.${advice}`,
  official: [...(flags.includes('R') ? (['ru'] as const) : []), ...(flags.includes('E') ? (['en'] as const) : [])],
}));

/**
 * Operational hints from the seed's second half, recognised in a body or URL: they explain the situation better
 * than the bare code. Texts: `catalog.hints.<hint>.text` / `.advice`.
 */
export type Hint =
  | 'admin_only'
  | 'subscription'
  | 'ip_forbidden'
  | 'contacts_limit'
  | 'mail'
  | 'vk'
  | 'viber'
  | 'telegram'
  | 'import'
  | 'unreachable';

export const HINTS: readonly Hint[] = [
  'admin_only',
  'subscription',
  'ip_forbidden',
  'contacts_limit',
  'mail',
  'vk',
  'viber',
  'telegram',
  'import',
  'unreachable',
];

/**
 * Finds the entry for a code: in the request's section first, then the code alone (the current, non-legacy
 * meaning wins; `other` before the rest), and undefined when the code is not in the catalog.
 */
export const lookup = (code: string, section: Section | undefined): CatalogEntry | undefined => {
  if (!code) return undefined;
  const matches = CATALOG.filter((entry) => entry.code === code);
  if (section) {
    const scoped = matches.find((entry) => entry.section === section);
    if (scoped) return scoped;
  }
  return (
    matches.find((entry) => entry.section === 'other') ??
    matches.find((entry) => !entry.legacy) ??
    matches.find(() => true)
  );
};
