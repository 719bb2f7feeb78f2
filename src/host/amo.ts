/**
 * Our own typings of the amoCRM / Kommo host surface (the `@amocrm/widget-types` package named on the design
 * card does not exist). Typed from the developer docs (GitHub `biradrags/amo-docs`, `amocrm_docs_md/web_sdk/`) and
 * the host's own front-end code (GitHub `Psiant/two`, `frontend/bild/*.js`); docs/real-host.md lists each
 * assumption with its source. Everything the host hands us is `unknown` until narrowed here.
 */
import { widget as manifestWidget } from '../../manifest.json';
import { safely } from '../undo';

/** `self.system()`: where the widget runs and who is logged in. */
export interface AmoSystem {
  area?: unknown;
  amouser_id?: unknown;
  amouser?: unknown;
  subdomain?: unknown;
  domain?: unknown;
}

/** `self.get_settings()`: saved values plus the host's own keys. */
export interface AmoSettings {
  widget_code?: unknown;
  path?: unknown;
  images_path?: unknown;
  version?: unknown;
  status?: unknown;
  widget_active?: unknown;
  [field: string]: unknown;
}

/** What `onSave` receives. */
export interface AmoSaveData {
  active?: unknown;
  fields?: Record<string, unknown>;
}

/** The callbacks the host reads off the widget. */
export interface AmoCallbacks {
  render(): boolean | PromiseLike<boolean>;
  init(): boolean;
  bind_actions(): boolean;
  settings($body?: unknown): boolean;
  onSave(data: AmoSaveData): boolean | Promise<boolean>;
  advancedSettings(): boolean;
  destroy(): void;
}

/** The widget base object the host swaps in as the constructor's prototype. */
export interface AmoWidget {
  callbacks: AmoCallbacks;
  system?: () => AmoSystem;
  get_settings?: () => AmoSettings;
  set_settings?: (values: Record<string, unknown>) => void;
  get_version?: () => unknown;
  i18n?: (key: string) => unknown;
  langs?: unknown;
  ns?: unknown;
  params?: AmoSettings;
}

/** The `APP` (`AMOCRM`) global, read-only for widgets. */
export interface AmoApp {
  constant?: (name: string) => unknown;
  lang_id?: unknown;
  getWidgetsArea?: () => unknown;
  getBaseEntity?: () => unknown;
  isCard?: () => unknown;
  data?: { current_card?: unknown };
  notifications?: {
    show_message?: (message: { header: string; text: string }) => void;
    show_message_error?: (message: { header: string; text: string }) => void;
    add_error?: (message: { header: string; text: string }) => void;
  };
}

/** A manager of the account as `APP.constant('managers')` describes it, narrowed. */
export interface Manager {
  id: number;
  name: string;
  isAdmin: boolean;
  active: boolean;
}

/** A task type the reminder offers: amoCRM's built-in ones (1 call, 2 meeting) and the account's own. */
export interface TaskType {
  id: number;
  /** The account's own name; empty for the built-in types, which the views name in the user's language. */
  name: string;
}

/** amoCRM's built-in task types: 1 "Связаться" (call / follow-up) and 2 "Встреча" (meeting). */
export const BUILT_IN_TASK_TYPES: readonly number[] = [1, 2];

/** Everything the features need to know about where they run: plain values, no host objects. */
export interface WidgetContext {
  widgetCode: string;
  userId: number;
  userName: string;
  isAdmin: boolean;
  /** Language code of the user's interface (ru, en, es, pt, ...). */
  language: string;
  accountId: number;
  subdomain: string;
  /** IANA time zone of the account; UTC when the host gives none. */
  timezone: string;
  currency: string;
  managers: Manager[];
  taskTypes: TaskType[];
  /** The host's widgets area (`dashboard`, `leads-pipeline`, `leads_card`, `advanced-settings:<code>`, ...). */
  area: string;
  /** The page's path (`/settings/widgets/`, `/leads/detail/7`, ...): some quiet pages share an area. */
  pagePath: string;
  /** Base URL of the unpacked archive, for images. */
  path: string;
  /**
   * The host's install stamp (`get_settings().version` is the server's `installed_version`, GitHub `Psiant/two`
   * `frontend/bild/75620.907dc87499035442ff59.js`, the widget loader): a cache-buster for `?v=`, not our version.
   */
  version: string;
  /** The manifest's version, baked in at build time: what reports name. */
  widgetVersion: string;
  /** The custom settings field's saved value, as `get_settings()` gives it (an object, a JSON string, or nothing). */
  rawConfig: unknown;
}

type Dict = Record<string, unknown>;

const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null;

const asNumber = (value: unknown): number => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
};

const asString = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;

/** True for the host's many spellings of yes: true, 'Y', 'y', 1, '1'. */
const asFlag = (value: unknown): boolean =>
  value === true || value === 'Y' || value === 'y' || value === 1 || value === '1';

/** Calls `fn` and returns its value, or `undefined` if the host method is missing or throws. */
const attempt = <T>(fn: (() => T) | undefined): T | undefined =>
  typeof fn === 'function' ? safely<T | undefined>(fn, undefined) : undefined;

/** The `APP` global (or its deprecated alias `AMOCRM`), if the page has one. */
export const hostApp = (): AmoApp | undefined => {
  const scope = globalThis as unknown as { APP?: unknown; AMOCRM?: unknown };
  const app = scope.APP ?? scope.AMOCRM;
  return isDict(app) ? (app as AmoApp) : undefined;
};

const constant = (app: AmoApp | undefined, name: string): unknown =>
  attempt(app?.constant ? () => app.constant?.(name) : undefined);

/** Narrows `APP.constant('managers')`: an object keyed by id (or an array) of manager records. */
export const readManagers = (raw: unknown): Manager[] => {
  const list = Array.isArray(raw) ? raw : isDict(raw) ? Object.values(raw) : [];
  const managers: Manager[] = [];
  for (const item of list) {
    if (!isDict(item)) continue;
    const id = asNumber(item.id);
    if (!id) continue;
    managers.push({
      id,
      name: asString(item.title ?? item.name, `#${id}`),
      isAdmin: asFlag(item.is_admin),
      // The host marks active users 'Y' / true; a record without the flag is taken as active.
      active: item.active === undefined ? true : asFlag(item.active),
    });
  }
  return managers;
};

/**
 * Narrows `APP.constant('task_types')`: the account's OWN task types, an object keyed `key_<id>` of
 * `{id, option, color, icon_id}` (the host names a type by `.option`: GitHub `Psiant/two`
 * `frontend/bild/1676.888b5ebc58d225dcb360.js`, `(APP.constant("task_types")["key_".concat(e)] || {}).option`).
 * The built-in 1 (call) and 2 (meeting) are not in it, so they always come first, unnamed (the views name them);
 * `option_name` and `name` are read too, for other hosts and older pages.
 */
export const readTaskTypes = (raw: unknown): TaskType[] => {
  const list = Array.isArray(raw) ? raw : isDict(raw) ? Object.values(raw) : [];
  const types: TaskType[] = BUILT_IN_TASK_TYPES.map((id) => ({ id, name: '' }));
  for (const item of list) {
    if (!isDict(item)) continue;
    const id = asNumber(item.id);
    const name = asString(item.option ?? item.option_name ?? item.name).trim();
    if (id && name && !types.some((type) => type.id === id)) types.push({ id, name });
  }
  return types;
};

/**
 * `self.system().area` (the host's `APP.widgets.system.area`) speaks in short codes (`kommo-crm/birthday-widget`
 * `script.js` compares it with "settings", "advanced-settings", "ccard", "lcard"); `APP.getWidgetsArea()` in long
 * ones. The fallback maps the short codes so one vocabulary reaches the features.
 */
const SHORT_AREAS: Readonly<Record<string, string>> = {
  lcard: 'leads_card',
  ccard: 'contacts_card',
  comcard: 'companies_card',
  cucard: 'customers_card',
  llist: 'leads',
  clist: 'contacts',
  culist: 'customers',
  tlist: 'todo',
};

/** The long area name for a short `system().area` code; anything else as it is. */
export const longArea = (area: string): string => SHORT_AREAS[area] ?? area;

/** The host's widgets area of the page shown now: the one thing that changes between pages of an init_once widget. */
export const readArea = (
  widget: AmoWidget,
  app: AmoApp | undefined = hostApp(),
  system: AmoSystem = attempt(widget.system?.bind(widget)) ?? {},
): string =>
  asString(attempt(app?.getWidgetsArea ? () => app.getWidgetsArea?.() : undefined)) || longArea(asString(system.area));

/** The page's path, for the quiet pages the area does not tell apart (every `/settings/` page). */
export const readPagePath = (): string => asString(attempt(() => globalThis.location?.pathname));

/** The saved value of the custom settings field `field`, read afresh (the settings modal may outlive a save). */
export const readSaved = (widget: AmoWidget, field: string): unknown => {
  const settings: AmoSettings = attempt(widget.get_settings?.bind(widget)) ?? widget.params ?? {};
  return settings[field];
};

/** Reads everything the features need from the widget and the `APP` global, tolerating any missing piece. */
export const readContext = (widget: AmoWidget, app: AmoApp | undefined = hostApp()): WidgetContext => {
  const system: AmoSystem = attempt(widget.system?.bind(widget)) ?? {};
  const settings: AmoSettings = attempt(widget.get_settings?.bind(widget)) ?? widget.params ?? {};
  const user = constant(app, 'user');
  const rights = constant(app, 'user_rights');
  const account = constant(app, 'account');
  const userDict = isDict(user) ? user : {};
  const accountDict = isDict(account) ? account : {};
  const userId = asNumber(userDict.id) || asNumber(system.amouser_id);
  const managers = readManagers(constant(app, 'managers'));
  const me = managers.find((m) => m.id === userId);
  const isAdmin = isDict(rights) ? asFlag(rights.is_admin) : (me?.isAdmin ?? false);
  const area = readArea(widget, app, system);
  return {
    widgetCode: asString(settings.widget_code, 'task_guard'),
    userId,
    userName: asString(userDict.name ?? me?.name),
    isAdmin,
    language:
      asString(app?.lang_id ?? accountDict.language, 'ru')
        .slice(0, 2)
        .toLowerCase() || 'ru',
    accountId: asNumber(accountDict.id),
    subdomain: asString(accountDict.subdomain ?? system.subdomain),
    timezone: asString(accountDict.timezone, 'UTC') || 'UTC',
    currency: asString(accountDict.currency, 'RUB') || 'RUB',
    managers,
    taskTypes: readTaskTypes(constant(app, 'task_types')),
    area,
    pagePath: readPagePath(),
    path: asString(settings.path),
    version: asString(settings.version ?? attempt(widget.get_version?.bind(widget))),
    widgetVersion: manifestWidget.version,
    rawConfig: settings.config,
  };
};
