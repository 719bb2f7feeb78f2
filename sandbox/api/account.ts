import { json, problem } from '../http';
import type { Handler } from './context';

const withList = (value: unknown): string[] => (typeof value === 'string' ? value.split(',').map((s) => s.trim()) : []);

/** GET /api/v4/account, with `?with=task_types,is_api_filter_enabled,datetime_settings,users_groups`. */
export const getAccount: Handler = (req, { store, apiFilter }) => {
  const { account, taskTypes } = store.data;
  const withs = withList(req.query.with);
  const body: Record<string, unknown> = {
    id: account.id,
    name: account.name,
    subdomain: account.subdomain,
    created_at: account.createdAt,
    created_by: 1,
    updated_at: account.createdAt,
    updated_by: 1,
    current_user_id: req.userId,
    country: 'RU',
    currency: account.currency,
    currency_symbol: account.currencySymbol,
    customers_mode: 'disabled',
    is_unsorted_on: true,
    mobile_feature_version: 0,
    is_loss_reason_enabled: true,
    is_helpbot_enabled: false,
    is_technical_account: false,
    contact_name_display_order: 1,
    _links: { self: { href: `${req.origin}/api/v4/account` } },
    _embedded: {} as Record<string, unknown>,
  };
  const embedded = body._embedded as Record<string, unknown>;
  if (withs.includes('is_api_filter_enabled')) body.is_api_filter_enabled = apiFilter;
  if (withs.includes('task_types')) {
    embedded.task_types = taskTypes.map((t) => ({
      id: t.id,
      name: t.name,
      color: t.color,
      icon_id: t.iconId,
      code: t.code,
    }));
  }
  if (withs.includes('users_groups')) embedded.users_groups = [{ id: 0, name: 'Отдел продаж', uuid: null }];
  if (withs.includes('datetime_settings')) {
    embedded.datetime_settings = {
      date_pattern: 'd.m.Y H:i',
      short_date_pattern: 'd.m.Y',
      short_time_pattern: 'H:i',
      date_format: 'd.m.Y',
      time_format: 'H:i:s',
      timezone: account.timezone,
      timezone_offset: '+03:00',
    };
  }
  return json(200, body);
};

/** GET /api/v4/users: admins only; anyone else gets amoCRM's 403. */
export const getUsers: Handler = (req, { store }) => {
  const me = store.data.users.find((u) => u.id === req.userId);
  if (!me?.isAdmin)
    return problem(403, 'Forbidden', 'Admin access only. Please perform the integration under Administrator account');
  const users = store.data.users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    lang: u.lang,
    rights: {
      leads: { view: 'A', edit: 'A', add: 'A', delete: 'A', export: 'A' },
      contacts: { view: 'A', edit: 'A', add: 'A', delete: 'A', export: 'A' },
      companies: { view: 'A', edit: 'A', add: 'A', delete: 'A', export: 'A' },
      tasks: { edit: 'A', delete: 'A' },
      mail_access: true,
      catalog_access: true,
      is_admin: u.isAdmin,
      is_free: false,
      is_active: u.isActive,
      group_id: u.groupId || null,
      role_id: null,
      status_rights: [],
    },
    _links: { self: { href: `${req.origin}/api/v4/users/${u.id}` } },
  }));
  return json(200, {
    _total_items: users.length,
    _page: 1,
    _page_count: 1,
    _links: { self: { href: `${req.origin}/api/v4/users?page=1&limit=250` } },
    _embedded: { users },
  });
};

/** GET /api/v4/leads/pipelines: every pipeline with its stages (unsorted type 1, won 142, lost 143). */
export const getPipelines: Handler = (req, { store }) => {
  const pipelines = store.data.pipelines.map((p) => ({
    id: p.id,
    name: p.name,
    sort: p.sort,
    is_main: p.isMain,
    is_unsorted_on: true,
    is_archive: false,
    account_id: store.data.account.id,
    _links: { self: { href: `${req.origin}/api/v4/leads/pipelines/${p.id}` } },
    _embedded: {
      statuses: p.statuses.map((s) => ({
        id: s.id,
        name: s.name,
        sort: s.sort,
        is_editable: s.id !== 142 && s.id !== 143,
        pipeline_id: p.id,
        color: s.color,
        type: s.type,
        account_id: store.data.account.id,
        _links: { self: { href: `${req.origin}/api/v4/leads/pipelines/${p.id}/statuses/${s.id}` } },
      })),
    },
  }));
  return json(200, {
    _total_items: pipelines.length,
    _links: { self: { href: `${req.origin}/api/v4/leads/pipelines` } },
    _embedded: { pipelines },
  });
};
