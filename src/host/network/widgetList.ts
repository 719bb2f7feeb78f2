/** One widget of the host's widget list, as far as attribution needs it. */
export interface ListedWidget {
  code: string;
  /** Base URL of the widget's files (`get_settings().path`), absolute. */
  path: string;
  /** The integration's name (the loader writes it over `langs.widget.name`); the code when there is none. */
  name: string;
}

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

const settingsOf = (widget: Dict): Dict => {
  try {
    const read = widget.get_settings;
    const settings: unknown = typeof read === 'function' ? Reflect.apply(read, widget, []) : undefined;
    if (isDict(settings)) return settings;
  } catch {
    // A widget's own get_settings may throw: fall back to the params the loader set.
  }
  return isDict(widget.params) ? widget.params : {};
};

const nameOf = (widget: Dict): string => {
  const langs = widget.langs;
  const block = isDict(langs) ? langs.widget : undefined;
  return isDict(block) ? str(block.name) : '';
};

/**
 * Reads the host's widget list, `APP.widgets.list`: an object keyed by widget code whose values are the widget
 * instances the loader built, with `set_settings({widget_code, path, version, ...})` and `set_lang` (name over
 * `langs.widget.name`) already applied (GitHub `Psiant/two` `frontend/bild/75620.907dc87499035442ff59.js`
 * l.1701 and l.1937-1958). Never throws; an unreadable entry is skipped. `base` resolves relative paths.
 */
export const readWidgetList = (scope: unknown, base?: string): ListedWidget[] => {
  const found: ListedWidget[] = [];
  try {
    const app = isDict(scope) ? scope.APP : undefined;
    const widgets = isDict(app) ? app.widgets : undefined;
    const list = isDict(widgets) ? widgets.list : undefined;
    if (!isDict(list)) return found;
    for (const [key, value] of Object.entries(list)) {
      if (!isDict(value)) continue;
      const settings = settingsOf(value);
      const code = str(settings.widget_code) || key;
      let path = str(settings.path).replace(/\/+$/, '');
      if (!path) continue;
      try {
        path = new URL(path, base).href.replace(/\/+$/, '');
      } catch {
        // keep it as given
      }
      found.push({ code, path, name: nameOf(value) || code });
    }
  } catch {
    // A host that changed its shape: attribution falls back to the URL pattern.
  }
  return found;
};
