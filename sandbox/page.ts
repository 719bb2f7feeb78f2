import type { Store } from './store';

export const LANGS = ['ru', 'en', 'es', 'pt'] as const;
export type Lang = (typeof LANGS)[number];

export interface WidgetInfo {
  code: string;
  /** Base URL of the unpacked archive as served, like amoCRM's `/upl/<code>/widget`. */
  path: string;
  version: string;
  initOnce: boolean;
  /** The manifest as shipped (null when widget/ has not been built). */
  manifest: unknown;
}

/** Everything the host script needs to build `APP` for this user and language. */
export const bootData = (store: Store, userId: number, lang: Lang, widget: WidgetInfo) => {
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
  const types: Record<string, unknown> = {};
  for (const t of taskTypes)
    types[t.id] = { id: t.id, option_name: t.name, code: t.code, color: t.color, icon_id: t.iconId };
  return {
    lang,
    user: { id: me?.id ?? 1, login: me?.email ?? '', name: me?.name ?? '', personal_mobile: '', lang },
    userRights: { is_admin: me?.isAdmin ? 'Y' : 'N', is_free: 'N', id: me?.id ?? 1 },
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
    pipelines: pipelines.map((p) => ({
      id: p.id,
      name: p.name,
      statuses: p.statuses.map((s) => ({ id: s.id, name: s.name, color: s.color, type: s.type })),
    })),
    users: users.map((u) => ({ id: u.id, name: u.name, isAdmin: u.isAdmin })),
    widget: { ...widget, config: store.widgetConfig, active: store.widgetActive },
  };
};

const escapeJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** The single-page shell every host URL answers with; the host script draws the page for the current path. */
export const shellHtml = (boot: ReturnType<typeof bootData>): string => `<!DOCTYPE html>
<html lang="${boot.lang}">
<head>
<meta charset="utf-8">
<title>Demo — amoCRM sandbox</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/host/host.css">
<script>window.__SANDBOX_BOOT__ = ${escapeJson(boot)};</script>
<script src="/vendor/require.js"></script>
</head>
<body>
<div id="page_holder"></div>
<script src="/host/lang.js"></script>
<script src="/host/app.js"></script>
<script src="/host/modal.js"></script>
<script src="/host/widget.js"></script>
<script src="/host/pages.js"></script>
<script src="/host/faultlab.js"></script>
<script src="/host/main.js"></script>
</body>
</html>
`;
