/*
 * Types of the shared loader (loader.js) for its TypeScript user, tests/hostEmulation.ts: the page imports the
 * JavaScript module as it is, the jsdom tests import the same file through these declarations.
 */
import type { AmoWidget } from '../../src/host/amo';

/** What one Save of the settings form did: whether onSave agreed, and the fields the form posted. */
export interface SavedSettings {
  ok: boolean;
  fields: Record<string, unknown>;
}

/** The loader's host for one widget (loader.js `createWidgetHost`). */
export interface WidgetHost {
  widget: AmoWidget | null;
  prepare(done: (widget: AmoWidget | null) => void): void;
  start(): Promise<void>;
  load(): Promise<void>;
  navigated(): Promise<void>;
  remove(): void;
  text(key: string): string;
  drawSettings($body: unknown, done?: (ok: boolean) => void): { save(): Promise<SavedSettings> };
}

/** What the environment hands the loader (see the comment on `createWidgetHost` in loader.js). */
export type WidgetHostEnv = Record<string, unknown>;

export function createWidgetHost(env: WidgetHostEnv): WidgetHost;
/** `APP.widgets.system.area` for a getWidgetsArea name. */
export function shortArea(area: string): string;
/** An attribute's text for a saved value, as twig's escape prints it. */
export function attributeValue(value: unknown): string;
