import { stackFrames } from './stack';
import type { ListedWidget } from './widgetList';

/** Who made a call: a widget (by its code and name), amoCRM's page itself, or unknown (no stack to read). */
export type Caller = { kind: 'widget'; code: string; name: string } | { kind: 'page' } | { kind: 'unknown' };

/** A stable key per caller, for grouping, filters and the traffic view. */
export const callerKey = (caller: Caller | undefined): string =>
  caller?.kind === 'widget' ? `widget:${caller.code}` : (caller?.kind ?? 'unknown');

/**
 * Library frames that stand between a caller and the network: jQuery (`$.ajax` calls `xhr.send` itself),
 * RequireJS, underscore, and the host's own bundles (amoCRM serves its webpack chunks from `/frontend/build/`,
 * GitHub `Psiant/two` `frontend/bild/75620.907dc87499035442ff59.js` l.1931, and vendor code from `/vendor/`).
 */
const LIBRARY = [
  /\/jquery(?:[.-][\w.-]*)?\.js$/i,
  /\/require(?:js)?(?:[.-][\w.-]*)?\.js$/i,
  /\/underscore(?:[.-][\w.-]*)?\.js$/i,
  /\/frontend\/(?:build|js\/vendor)\//i,
  /\/vendor\//i,
];

/** amoCRM's URL of an uploaded widget's files: `/upl/<code>/widget/` (its `get_settings().path`). */
const WIDGET_URL = /\/upl\/([\w-]+)\/widget\//i;

const stripQuery = (url: string): string => url.replace(/[?#].*$/, '');

/** `https://host/upl/x/widget/script.js` -> `https://host/upl/x/widget/`. */
const directoryOf = (url: string): string => url.slice(0, url.lastIndexOf('/') + 1);

/** Where to find a caller: whose frames to skip and which widgets the page runs. */
export interface Attribution {
  /** Our own files' directory (script.js and admin.js under the widget path), skipped like library frames. */
  selfPath?: string;
  widgets: readonly ListedWidget[];
}

/**
 * Names the caller of a call from its stack. The innermost frame is where the stack was taken (our watcher), so
 * everything in its directory and under our widget path is skipped, then library frames; the first remaining script URL
 * is matched to a widget by the `path` of every entry in the host's widget list, then by amoCRM's `/upl/<code>/widget/`
 * pattern. Anything else is the page itself; no stack or no script URL at all is unknown.
 */
export const callerOf = (stack: string | undefined, where: Attribution): Caller => {
  if (!stack) return { kind: 'unknown' };
  const frames = stackFrames(stack);
  const urls = frames.filter((url): url is string => url !== undefined).map(stripQuery);
  if (urls.length === 0) return { kind: 'unknown' };
  // The innermost frame is our watcher: its directory holds our own files (script.js beside admin.js).
  const innermost = frames[0];
  const own = [
    innermost ? directoryOf(stripQuery(innermost)) : '',
    where.selfPath ? `${stripQuery(where.selfPath).replace(/\/+$/, '')}/` : '',
  ];
  const first = urls.find(
    (url) => !own.some((dir) => dir !== '' && url.startsWith(dir)) && !LIBRARY.some((library) => library.test(url)),
  );
  if (!first) return { kind: 'page' };
  return widgetAt(first, where.widgets) ?? { kind: 'page' };
};

/** The widget whose files `url` is one of, by the list's paths first, then by amoCRM's URL pattern. */
export const widgetAt = (url: string, widgets: readonly ListedWidget[]): Caller | undefined => {
  let best: ListedWidget | undefined;
  for (const widget of widgets)
    if (url.startsWith(`${widget.path}/`) && (!best || widget.path.length > best.path.length)) best = widget;
  if (best) return { kind: 'widget', code: best.code, name: best.name };
  const code = WIDGET_URL.exec(url)?.[1];
  if (!code) return undefined;
  const listed = widgets.find((widget) => widget.code === code);
  return { kind: 'widget', code, name: listed?.name ?? code };
};
