import type { AdminKit } from './admin';
import type { WidgetContext } from './host/amo';
import type { JQueryStatic } from './host/jquery';
import type { Translate } from './i18n';

/** Undoes one thing the widget did to the page. */
export type Undo = () => void;

/** What a feature gets when it starts: plain values and the host's jQuery, nothing global. */
export interface FeatureEnv {
  ctx: WidgetContext;
  t: Translate;
  /** The host's jQuery, when the page has one. */
  $?: JQueryStatic;
  /** Loads admin.js, the admin-only views (once per page); only admins' views ask, managers never load it. */
  adminKit?: () => Promise<AdminKit>;
}

/** The settings modal's custom field: where to draw and how to hand the value back to the host. */
export interface SettingsField {
  /** The container the host gives the custom field (`#<code>_custom_content`). */
  root: HTMLElement;
  /** The current value of the field (a JSON string, or nothing yet). */
  value: unknown;
  /** Stores a new value in the hidden input and tells the modal it changed, so Save activates. */
  set(value: string): void;
}

/** A running feature. Every hook is optional; `stop` undoes everything `start` did. */
export interface Feature {
  /** The host showed another page (init_once widgets get `render` again instead of a new instance). */
  navigated?(area: string): void;
  /** Draws this feature's part of the integration settings modal. */
  settings?(field: SettingsField): Undo;
  /** Checks the values about to be saved; false or a rejected promise blocks the save. */
  save?(fields: Record<string, unknown>): boolean | Promise<boolean>;
  /** Draws this feature's section of the advanced settings page. */
  advanced?(root: HTMLElement): Undo;
  stop(): void;
}

/** Starts a feature for the current page. Must not throw for lack of data: the context may be incomplete. */
export type StartFeature = (env: FeatureEnv) => Feature;
