import { ADMIN_CHUNK, isAdminKit } from '../adminKit';
import type { Guard } from '../lazy';
import { safely, undoAll } from '../undo';
import { loadChunk, type ChunkPlace } from './chunks';
import {
  readArea,
  readContext,
  readPagePath,
  readSaved,
  type AmoCallbacks,
  type AmoSaveData,
  type AmoWidget,
  type WidgetContext,
} from './amo';
import type { JQueryStatic } from './jquery';
import { translateFrom, type Langs } from '../i18n';
import { fallbackLocales, loadFallbackLangs } from './langs';
import type { Feature, FeatureEnv, SettingsField, StartFeature } from '../feature';
import type { Undo } from '../undo';

/** The manifest's custom settings field (`settings.config`, type `custom`). */
export const CONFIG_FIELD = 'config';

/** What the composition root hands to the life cycle. */
export interface CallbackDeps {
  $?: JQueryStatic;
  features: readonly StartFeature[];
  doc?: Document;
  /** For the fallback dictionaries when the page cannot load them; the unwatched page fetch by default. */
  fetch?: typeof fetch;
  /** Loads a lazy half beside script.js; the page's RequireJS by default (host/chunks.ts). */
  loadChunk?: <T>(where: ChunkPlace, chunk: string, guard: Guard<T>) => Promise<T>;
}

// Whatever our own code throws stays with us, so the host page never breaks because of the widget.
const guard = safely;

const isLangs = (value: unknown): value is Langs => typeof value === 'object' && value !== null;

/** The hidden input's value when it is JSON (what the host puts there is not documented); otherwise nothing. */
const jsonOf = (text: string): unknown => {
  if (!text.trim()) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? text : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Builds the callbacks object for one widget instance: render, init and bind_actions (in whatever order the host
 * calls them: render -> init -> bind_actions for a synchronous render, GitHub `Psiant/two`
 * `frontend/bild/75620.907dc87499035442ff59.js`), render again on every page (init_once), settings / onSave /
 * advancedSettings, and destroy, which undoes everything.
 */
export const createCallbacks = (widget: AmoWidget, deps: CallbackDeps): AmoCallbacks => {
  const doc = deps.doc ?? document;
  let features: Feature[] | undefined;
  // What the settings window or the advanced page drew: the host shows each again without destroying the widget,
  // so a new showing (or another page) first takes the previous drawing away.
  const pageUndos: Undo[] = [];
  let rendered = 0;
  // Read once per instance: the user, rights, managers and settings do not change while the widget lives.
  let context: WidgetContext | undefined;
  const ctxOnce = (): WidgetContext => (context ??= readContext(widget));

  const clearPage = () => {
    undoAll(pageUndos);
  };

  const env = (): FeatureEnv => {
    const ctx = ctxOnce();
    const hostLangs = isLangs(widget.langs) ? widget.langs : undefined;
    const dictionaries: (Langs | undefined)[] = [hostLangs];
    const missing = fallbackLocales(hostLangs, ctx.language);
    if (missing.length && ctx.path)
      void loadFallbackLangs(ctx.path, ctx.version, missing, dictionaries, { fetch: deps.fetch });
    const loader = deps.loadChunk ?? loadChunk;
    const load = <T>(chunk: string, check: Guard<T>): Promise<T> => loader(ctx, chunk, check);
    return { ctx, t: translateFrom(dictionaries), $: deps.$, load, adminKit: () => load(ADMIN_CHUNK, isAdminKit) };
  };

  // Started lazily: the host may open the settings modal or the advanced page before (or without) init.
  const running = (): Feature[] => {
    if (!features) {
      const shared = env();
      features = [];
      for (const start of deps.features) {
        const feature = guard(() => start(shared), undefined);
        if (feature) features.push(feature);
      }
    }
    return features;
  };

  const area = (): string => guard(() => readArea(widget), '');

  return {
    render() {
      rendered += 1;
      // The first render is the page the widget was created on; later ones are navigations (init_once).
      if (rendered > 1) guard(clearPage, undefined);
      if (rendered > 1 && features) {
        const where = area();
        const path = guard(readPagePath, '');
        for (const feature of features) guard(() => feature.navigated?.(where, path), undefined);
      }
      return true;
    },
    bind_actions() {
      return true;
    },
    init() {
      guard(running, []);
      return true;
    },
    settings() {
      guard(() => {
        clearPage();
        const code = ctxOnce().widgetCode;
        const root = doc.getElementById(`${code}_custom_content`);
        const input = doc.getElementById(`${code}_custom`);
        if (!root || !(input instanceof HTMLInputElement)) return;
        // The custom field's container is the input column of the host's two-column row, and a custom field has
        // no label (GitHub `Psiant/two`, the settings template in `frontend/bild/42355.11df5f2239bfa2f2ab8e.js`): the form takes the
        // whole width, as `Kirimai/amocrm-widget-starter-kit` `src/js/settings.js` does.
        const width = root.style.width;
        root.style.width = '100%';
        pageUndos.push(() => {
          root.style.width = width;
        });
        const field: SettingsField = {
          root,
          saved: jsonOf(input.value) ?? readSaved(widget, CONFIG_FIELD),
          set(value) {
            input.value = value;
            // The modal listens through jQuery; a native event alone would leave Save disabled.
            if (deps.$) deps.$(input).trigger('change');
            else input.dispatchEvent(new Event('change', { bubbles: true }));
          },
        };
        for (const feature of running()) {
          const undo = feature.settings?.(field);
          if (undo) pageUndos.push(undo);
        }
      }, undefined);
      return true;
    },
    onSave(data: AmoSaveData) {
      // The features write their own field into the very object the host saves (as `kommo-crm/birthday-widget`
      // `classes/settings.js` does with `evt.fields.custom`): the hidden input may not hold what the form shows.
      const fields = guard(() => (data.fields ??= {}), {});
      const request = { active: data.active !== 'N' && data.active !== false, fields };
      const answers = guard(() => running().map((feature) => feature.save?.(request) ?? true), []);
      // The modal may be opened again without a new page: it must show what was just saved, and the host's
      // settings object (`get_settings()`) is what the form reads when the input holds no JSON.
      const remember = (ok: boolean): boolean => {
        const value = fields[CONFIG_FIELD];
        if (ok && typeof value === 'string' && jsonOf(value) !== undefined)
          guard(() => widget.set_settings?.({ [CONFIG_FIELD]: value }), undefined);
        return ok;
      };
      // Switching the widget off is never refused (`requirements.md` §2.2 in GitHub `biradrags/amo-docs`: the user
      // must be able to disable an integration at any moment), whatever a feature answers.
      if (!request.active) return true;
      if (answers.every((answer) => answer === true)) return remember(true);
      if (answers.some((answer) => answer === false)) return false;
      return Promise.all(answers).then((all) => remember(all.every(Boolean)));
    },
    advancedSettings() {
      guard(() => {
        clearPage();
        const code = ctxOnce().widgetCode;
        const host = doc.getElementById(`work-area-${code}`) ?? doc.getElementById('list_page_holder');
        if (!host) return;
        for (const feature of running()) {
          if (!feature.advanced) continue;
          const section = doc.createElement('section');
          host.appendChild(section);
          const undo = feature.advanced(section);
          pageUndos.push(() => {
            undo();
            section.remove();
          });
        }
      }, undefined);
      return true;
    },
    destroy() {
      clearPage();
      context = undefined;
      const stopping = features ?? [];
      features = undefined;
      for (const feature of stopping.reverse()) guard(() => feature.stop(), undefined);
    },
  };
};
