import type { AdminKit } from './adminKit';
import type { WidgetContext } from './host/amo';
import type { JQueryStatic } from './host/jquery';
import type { Translate } from './i18n';
import type { LoadChunk } from './lazy';
import type { Undo } from './undo';

export type { Undo };

/** What a feature gets when it starts: plain values and the host's jQuery, nothing global. */
export interface FeatureEnv {
  ctx: WidgetContext;
  t: Translate;
  /** The host's jQuery, when the page has one. */
  $?: JQueryStatic;
  /**
   * Loads one of the widget's lazy halves (`<chunk>.js` beside script.js, src/lazy.ts) through the page's RequireJS,
   * once per page, checked with the feature's own guard. Missing where the host cannot load anything (some tests):
   * then a feature behaves as if the load failed.
   */
  load?: LoadChunk;
  /**
   * admin.js as the inspector reads it (its part, src/adminKit.ts). Admins' views ask for it; a manager's page loads
   * it only when amoCRM rejects a task (the reminder's explanation of why), through `load`.
   */
  adminKit?: () => Promise<AdminKit>;
}

/** The settings modal's custom field: where to draw and how to hand the value back to the host. */
export interface SettingsField {
  /** The container the host gives the custom field (`#<code>_custom_content`). */
  root: HTMLElement;
  /**
   * The saved value: the hidden input's when it holds JSON, else what `get_settings()` gives (an object, a JSON
   * string on older hosts, or nothing yet). What the host puts in the input is not documented.
   */
  saved: unknown;
  /** Stores a new value in the hidden input and tells the modal it changed, so Save activates. */
  set(value: string): void;
}

/** What the host hands `onSave`: whether the widget stays on, and the fields it is about to save. */
export interface SaveRequest {
  /** False when the admin is switching the widget off: nothing may stand in the way of that. */
  active: boolean;
  /** The values the host saves; a feature may write its own field (`fields.<code>`) as a JSON string. */
  fields: Record<string, unknown>;
}

/** A running feature. Every hook is optional; `stop` undoes everything `start` did. */
export interface Feature {
  /** The host showed another page (init_once widgets get `render` again instead of a new instance). */
  navigated?(area: string, pagePath?: string): void;
  /** Draws this feature's part of the integration settings modal. */
  settings?(field: SettingsField): Undo;
  /** Checks (and may complete) the values about to be saved; false or a rejected promise blocks the save. */
  save?(request: SaveRequest): boolean | Promise<boolean>;
  /** Draws this feature's section of the advanced settings page. */
  advanced?(root: HTMLElement): Undo;
  stop(): void;
}

/** Starts a feature for the current page. Must not throw for lack of data: the context may be incomplete. */
export type StartFeature = (env: FeatureEnv) => Feature;
