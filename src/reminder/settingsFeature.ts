import { drawAdmin, type AdminDrawing } from '../drawAdmin';
import type { FeatureEnv, SaveRequest, SettingsField } from '../feature';
import { hostApi, type Api } from '../host/api';
import type { Clock } from '../host/clock';
import { injectStyle, mount } from '../host/mount';
import { ADMIN_CHUNK, type LoadChunk } from '../lazy';
import type { Undo } from '../undo';
import type { Config } from './config';
import { isReminderAdmin, type ReminderAdmin } from './lazy';
import { parseConfig, serializeConfig } from './parseConfig';
import type { RestSource } from './resting';

/** What the admin's side needs from the reminder's dependencies (deps.ts); the host's API by default. */
export interface AdminSideDeps {
  load: LoadChunk;
  clock: Clock;
  api?: Api;
  mount?: AdminDrawing['mount'];
  injectStyle?: AdminDrawing['injectStyle'];
}

const NOT_WATCHED: RestSource = { get: () => ({ kind: 'notWatched' }), subscribe: () => () => undefined };

/** What the settings form was seeded with and what the admin did to it, for `onSave`. */
interface FormState {
  /** The policy as read, serialized; undefined when the saved value cannot be read. */
  seeded: string | undefined;
  /** The saved value as it came, kept when it cannot be read. */
  raw: unknown;
  /** The admin's latest version of the form; undefined while untouched. */
  edited: string | undefined;
  /** The admin agreed to replace a policy the form could not read. */
  replace: boolean;
}

/** The JSON string to write back for a saved value the form cannot read: exactly what was there. */
const asSaved = (raw: unknown): string | undefined =>
  typeof raw === 'string' ? raw : raw === undefined || raw === null ? undefined : JSON.stringify(raw);

/**
 * Completes the host's save with the policy (`fields.config` as a JSON string). A policy the form could not read is
 * never replaced by the defaults: untouched, it is written back as it was; changed, only once the admin ticks
 * "replace". Switching the widget off is never refused.
 */
export const completeSave = (form: FormState | undefined, request: SaveRequest): boolean => {
  if (!request.active || !form) return true;
  if (form.edited !== undefined) {
    if (form.seeded === undefined && !form.replace) return false;
    request.fields.config = form.edited;
    return true;
  }
  const value = form.seeded ?? asSaved(form.raw);
  if (value !== undefined) request.fields.config = value;
  return true;
};

/**
 * The admin's side: the settings form and the team report, drawn from the reminder's part of admin.js (loaded when
 * first needed, reminder/lazy.ts); if it cannot load, a localized line in their place.
 */
export const settingsFeature = (
  env: FeatureEnv,
  parsed: ReturnType<typeof parseConfig>,
  deps: AdminSideDeps,
  rest: RestSource = NOT_WATCHED,
  onSettingsOpen: (open: boolean) => void = () => undefined,
) => {
  let form: FormState | undefined;
  const drawing: AdminDrawing<ReminderAdmin> = {
    load: () => deps.load(ADMIN_CHUNK, isReminderAdmin),
    t: env.t,
    mount: deps.mount ?? mount,
    injectStyle: deps.injectStyle ?? injectStyle,
  };
  return {
    settings(field: SettingsField): Undo {
      const seed = parseConfig(field.saved);
      const unreadable = seed.warnings.some((warning) => warning.code === 'malformed');
      const state: FormState = {
        seeded: unreadable ? undefined : serializeConfig(seed.config),
        raw: field.saved,
        edited: undefined,
        replace: false,
      };
      form = state;
      onSettingsOpen(true);
      const undo = drawAdmin(drawing, field.root, (kit) =>
        kit.settingsForm(field.root, {
          t: env.t,
          language: env.ctx.language,
          managers: env.ctx.managers,
          parsed: seed,
          api: deps.api ?? hostApi(),
          onChange: (config: Config) => {
            state.edited = serializeConfig(config);
            field.set(state.edited);
          },
          onReplace: (replace: boolean) => {
            state.replace = replace;
            // Save is the host's button: a change of this box alone must enable it too.
            if (state.edited !== undefined) field.set(state.edited);
          },
        }),
      );
      return () => {
        undo();
        onSettingsOpen(false);
      };
    },
    // Completes the host's fields with the policy; refuses only to overwrite an unreadable policy unconfirmed.
    save: (request: SaveRequest) => completeSave(form, request),
    advanced(root: HTMLElement): Undo {
      return drawAdmin(drawing, root, (kit) =>
        kit.teamReport(root, {
          t: env.t,
          ctx: env.ctx,
          config: parsed.config,
          warnings: parsed.warnings,
          api: deps.api ?? hostApi(),
          now: deps.clock.now,
          rest,
        }),
      );
    },
  };
};
