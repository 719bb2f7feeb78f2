import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The manifest's parts the sandbox reads: `init_once` and the settings fields with their types. */
export type Manifest = { widget?: { init_once?: boolean }; settings?: Record<string, { type?: string }> };

/** One Save of the integrations modal, as the server got it: which fields were posted, and which are not the manifest's. */
export interface SettingsSave {
  fields: string[];
  /** Posted names that are not settings of the manifest: a widget's own named input leaking into the host's form. */
  extra: string[];
  values: Record<string, unknown>;
}

/** The built widget's manifest.json, or null when widget/ has not been built. */
export const readManifest = (widgetDir: string): Manifest | null => {
  const file = join(widgetDir, 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : null;
};

/** The manifest's custom field codes. */
export const customFields = (manifest: Manifest | null): string[] =>
  Object.entries(manifest?.settings ?? {})
    .filter(([, field]) => field.type === 'custom')
    .map(([name]) => name);

/** The record of one Save: the posted names, and those the manifest does not know. */
export const settingsSave = (manifest: Manifest | null, fields: Record<string, unknown>): SettingsSave => {
  const known = Object.keys(manifest?.settings ?? {});
  return {
    fields: Object.keys(fields),
    extra: Object.keys(fields).filter((name) => !known.includes(name)),
    values: fields,
  };
};

/**
 * What the server keeps of a Save: text fields as strings; a custom field decoded from its JSON (an object or
 * a number), and NOT kept when it is a string that is not JSON (`biradrags/amo-docs`
 * `amocrm_docs_md/integrations/custom_settings.md`: "Строчный тип данных на сервере сохраняться не будет").
 */
export const keptSettings = (manifest: Manifest | null, fields: Record<string, unknown>): Record<string, unknown> => {
  const custom = customFields(manifest);
  const next: Record<string, unknown> = {};
  for (const name of Object.keys(manifest?.settings ?? {})) {
    const value = fields[name];
    if (value === undefined) continue;
    if (!custom.includes(name)) next[name] = typeof value === 'string' ? value : String(value);
    else if (typeof value !== 'string') next[name] = value;
    else {
      try {
        next[name] = JSON.parse(value) as unknown;
      } catch {
        // Not JSON: the server does not keep it.
      }
    }
  }
  return next;
};
