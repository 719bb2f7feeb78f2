/**
 * Shared test builders: a widget context as the host gives it, a feature env whose lazy halves are the real modules
 * (as if the page's RequireJS had loaded them), and an in-memory storage. Test-only.
 */
import en from '../../i18n/en.json';
import adminKit from '../admin';
import type { FeatureEnv } from '../feature';
import type { WidgetContext } from '../host/amo';
import { createTranslate } from '../i18n';
import { ADMIN_CHUNK, type LoadChunk } from '../lazy';
import checksKit from '../reminder/checksKit';
import { CHECKS_CHUNK, REMINDER_CHUNK } from '../reminder/lazy';
import reminderUi from '../reminder/ui';

/** A manager (Anna, id 2) of a small Moscow account, on the pipeline, with the policy `{"mode":"gentle"}`. */
export const widgetContext = (patch: Partial<WidgetContext> = {}): WidgetContext => ({
  widgetCode: 'task_guard',
  userId: 2,
  userName: 'Anna',
  isAdmin: false,
  language: 'en',
  accountId: 1,
  subdomain: 'demo',
  timezone: 'Europe/Moscow',
  currency: 'RUB',
  managers: [
    { id: 1, name: 'Admin', isAdmin: true, active: true },
    { id: 2, name: 'Anna', isAdmin: false, active: true },
  ],
  taskTypes: [{ id: 1, name: 'Follow-up' }],
  area: 'leads-pipeline',
  pagePath: '/leads/pipeline/1/',
  path: '',
  version: '1733000000',
  widgetVersion: '0.1.0',
  rawConfig: JSON.stringify({ mode: 'gentle' }),
  ...patch,
});

/** The admin (id 1) on the dashboard, with no policy saved: the inspector's tests start from here. */
export const ADMIN_ON_DASHBOARD: Partial<WidgetContext> = {
  userId: 1,
  userName: 'Admin',
  isAdmin: true,
  managers: [],
  taskTypes: [],
  area: 'dashboard',
  pagePath: '/dashboard/',
  rawConfig: undefined,
};

/** How each lazy half arrives: the real module by default; a test may pass a loader that fails or hands back a fake. */
export interface Halves {
  reminder?: () => Promise<unknown>;
  admin?: () => Promise<unknown>;
  checks?: () => Promise<unknown>;
}

/** A loader of the lazy halves that checks them like the real one (host/chunks.ts). */
export const lazyHalves = (halves: Halves = {}): LoadChunk => {
  const sources: Record<string, () => Promise<unknown>> = {
    [REMINDER_CHUNK]: halves.reminder ?? (async () => reminderUi),
    [ADMIN_CHUNK]: halves.admin ?? (async () => adminKit),
    [CHECKS_CHUNK]: halves.checks ?? (async () => checksKit),
  };
  return async (chunk, guard) => {
    const source = sources[chunk];
    if (!source) throw new Error(`no lazy half ${chunk}`);
    const module = await source();
    if (!guard(module)) throw new Error(`${chunk}.js is not the module expected`);
    return module;
  };
};

/** The env a feature starts with, in English. */
export const widgetEnv = (patch: Partial<WidgetContext> = {}, halves: Halves = {}): FeatureEnv => ({
  ctx: widgetContext(patch),
  t: createTranslate(en),
  load: lazyHalves(halves),
});

/** An in-memory stand-in for localStorage. */
export const memory = () => {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
};
