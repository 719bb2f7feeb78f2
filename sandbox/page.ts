import { pageClockScript, wallClock } from './clock';
import { BUILT_IN_TASK_TYPES } from './seed';
import type { Store } from './store';

export const LANGS = ['ru', 'en', 'es', 'pt'] as const;
export type Lang = (typeof LANGS)[number];

export interface WidgetInfo {
  code: string;
  /** Base URL of the unpacked archive as served, like amoCRM's `/upl/<code>/widget`. */
  path: string;
  /**
   * `installed_version`, the install stamp the loader puts into `get_settings().version` and every `?v=` (GitHub
   * `Psiant/two` `frontend/bild/75620.907dc87499035442ff59.js` l.1895: `n = e.installed_version || "0"`), not the
   * manifest's version.
   */
  version: string;
  /** The integration's name in amoMarket, which the loader writes over the widget's `langs.widget.name`. */
  integrationName: string;
  initOnce: boolean;
  /** The manifest as shipped (null when widget/ has not been built). */
  manifest: unknown;
}

/** How the host hands saved settings to the widget: decoded (today's host) or custom values as JSON strings. */
export interface HostSettingsOptions {
  /** An older host: `get_settings().<custom field>` is the JSON string, not the object. */
  settingsAsString?: boolean;
  /** The manifest's custom field codes. */
  customFields: readonly string[];
}

/** The saved field values as the loader gets them from the server (custom fields decoded unless `settingsAsString`). */
export const hostSettings = (store: Store, options: HostSettingsOptions): Record<string, unknown> => {
  const values: Record<string, unknown> = { ...store.widgetSettings };
  if (options.settingsAsString)
    for (const name of options.customFields)
      if (values[name] !== undefined && typeof values[name] !== 'string') values[name] = JSON.stringify(values[name]);
  return values;
};

/** Everything the host script needs to build `APP` for this user and language. */
export const bootData = (
  store: Store,
  userId: number,
  lang: Lang,
  widget: WidgetInfo,
  settings: HostSettingsOptions = { customFields: [] },
) => {
  const { account, users, taskTypes, pipelines } = store.data;
  const me = users.find((u) => u.id === userId) ?? users[0];
  const managers: Record<string, unknown> = {};
  for (const u of users) {
    managers[u.id] = {
      id: u.id,
      title: u.name,
      login: u.email,
      is_admin: u.isAdmin ? 'Y' : 'N',
      active: u.isActive,
      free_user: false,
      group: `group_${u.groupId}`,
      avatar: '',
    };
  }
  // `APP.constant('task_types')` holds only the account's OWN types, keyed `key_<id>`, named `option` (GitHub
  // `Psiant/two` `frontend/bild/1676.888b5ebc58d225dcb360.js` l.13498: `APP.constant("task_types")["key_" + id]
  // .option`; `biradrags/amo-docs` `amocrm_docs_md/web_sdk/env_variables.md`: "собственные типы задач").
  const types: Record<string, unknown> = {};
  for (const t of taskTypes)
    if (!BUILT_IN_TASK_TYPES.includes(t.id))
      types[`key_${t.id}`] = { id: String(t.id), option: t.name, color: t.color, icon_id: t.iconId };
  return {
    lang,
    user: { id: me?.id ?? 1, login: me?.email ?? '', name: me?.name ?? '', personal_mobile: '', lang },
    // A boolean: the host itself reads `(APP.constant("user_rights") || {}).is_admin` as one.
    userRights: { is_admin: me?.isAdmin === true, is_free: false, id: me?.id ?? 1 },
    account: {
      id: account.id,
      name: account.name,
      subdomain: account.subdomain,
      timezone: account.timezone,
      currency: account.currency,
      language: account.language,
      date_format: 'd.m.Y',
      time_format: 'H:i',
    },
    managers,
    taskTypes: types,
    /** For the host's own pages (task feed, composer): every type, built-in ones included. */
    allTaskTypes: taskTypes.map((t) => ({ id: t.id, name: t.name })),
    pipelines: pipelines.map((p) => ({
      id: p.id,
      name: p.name,
      statuses: p.statuses.map((s) => ({ id: s.id, name: s.name, color: s.color, type: s.type })),
    })),
    users: users.map((u) => ({ id: u.id, name: u.name, isAdmin: u.isAdmin })),
    widget: { ...widget, settings: hostSettings(store, settings), active: store.widgetActive },
    clock: {
      offsetMs: store.clock.offsetMs,
      timezone: account.timezone,
      /** The account's wall clock now, for the top bar's datetime input. */
      wall: wallClock(store.clock.now(), account.timezone),
    },
  };
};

const escapeJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The single-page shell every host URL answers with; the host's entry module (sandbox/public/main.js, which imports
 * the rest) draws the page for the current path. The clock shift, the boot data and RequireJS stay classic scripts in
 * the head: they must run before any module, as the real host's own globals exist before a widget loads.
 */
export const shellHtml = (boot: ReturnType<typeof bootData>): string => `<!DOCTYPE html>
<html lang="${boot.lang}">
<head>
<meta charset="utf-8">
<title>Demo — amoCRM sandbox</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/host/host.css">
<script>${pageClockScript(boot.clock.offsetMs)}</script>
<script>window.__SANDBOX_BOOT__ = ${escapeJson(boot)};</script>
<script src="/vendor/require.js"></script>
</head>
<body>
<div id="page_holder"></div>
<script type="module" src="/host/main.js"></script>
</body>
</html>
`;
