import { hostApi } from '../host/api';
import { realClock } from '../host/clock';
import { injectStyle, mount } from '../host/mount';
import { drawAdmin, type AdminDrawing } from '../drawAdmin';
import type { FeatureEnv, SaveRequest, SettingsField, Undo } from '../feature';
import { parseConfig, serializeConfig, type Config } from './config';
import type { ReminderRest } from './resting';
import { loadStages, scan } from './scan';
import type { ReminderDeps } from './startReminder';
import { REMINDER_CSS } from './styles';

/** How the reminder tells the admin's page why it rests: a value and its changes. */
export interface RestSource {
  get(): ReminderRest;
  subscribe(listener: () => void): Undo;
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

/** The admin's side: the settings form and the team report, drawn from admin.js (loaded when first needed). */
export const settingsFeature = (
  env: FeatureEnv,
  parsed: ReturnType<typeof parseConfig>,
  deps: Partial<ReminderDeps>,
  rest: RestSource = NOT_WATCHED,
  onSettingsOpen: (open: boolean) => void = () => undefined,
) => {
  let form: FormState | undefined;
  const drawing: AdminDrawing = {
    load: env.adminKit,
    t: env.t,
    mount: deps.mount ?? mount,
    injectStyle: deps.injectStyle ?? injectStyle,
  };
  return {
    settings(field: SettingsField): Undo {
      // The shared buttons and fields; the form's own look comes with admin.js.
      const style = drawing.injectStyle('reminder', REMINDER_CSS);
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
          loadStages: () => loadStages(deps.api ?? hostApi()),
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
        style();
        onSettingsOpen(false);
      };
    },
    // Completes the host's fields with the policy; refuses only to overwrite an unreadable policy unconfirmed.
    save: (request: SaveRequest) => completeSave(form, request),
    advanced(root: HTMLElement): Undo {
      const style = drawing.injectStyle('reminder', REMINDER_CSS);
      const undo = drawAdmin(drawing, root, (kit) =>
        kit.teamReport(root, {
          t: env.t,
          ctx: env.ctx,
          config: parsed.config,
          warnings: parsed.warnings,
          api: deps.api ?? hostApi(),
          now: (deps.clock ?? realClock).now,
          run: scan,
          rest,
        }),
      );
      return () => {
        undo();
        style();
      };
    },
  };
};
