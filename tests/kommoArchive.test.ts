// @vitest-environment node
/**
 * widget-kommo.zip, the archive for Kommo: Kommo has no Russian and adds Turkish and Indonesian ("Kommo currently
 * supports English, Spanish, Portuguese, Turkish and Indonesian", developers.kommo.com/docs/i18n), so it ships
 * en es pt tr id, each complete, with the tour and support contact of widget.zip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ROOT, archiveText, readArchive } from './builtWidget';
import { leaves, lookup, marketViolations, placeholders } from './marketTexts';

const KOMMO_ZIP = join(ROOT, 'widget-kommo.zip');
const KOMMO_LOCALES = ['en', 'es', 'pt', 'tr', 'id'];

const readKommo = (): Record<string, Uint8Array> => {
  if (!existsSync(KOMMO_ZIP)) throw new Error('widget-kommo.zip is missing: `npm run build` writes it');
  return unzipSync(readFileSync(KOMMO_ZIP));
};

interface Manifest {
  widget: Record<string, unknown> & { locale: string[]; support?: unknown };
  locations: string[];
  tour?: { is_tour?: unknown; tour_images?: Record<string, string[]>; tour_description?: unknown };
}

describe('widget-kommo.zip', () => {
  const archive = readKommo();
  const paths = Object.keys(archive).filter((path) => !path.endsWith('/'));
  const manifest = JSON.parse(archiveText(archive, 'manifest.json')) as Manifest;
  const langs = Object.fromEntries(
    paths
      .filter((path) => path.startsWith('i18n/'))
      .map((path) => [path.slice('i18n/'.length, -'.json'.length), JSON.parse(archiveText(archive, path)) as unknown]),
  );
  const en = langs.en;
  const reference = leaves(en).sort();

  it('ships exactly en, es, pt, tr and id, and no ru', () => {
    expect(manifest.widget.locale).toEqual(KOMMO_LOCALES);
    expect(Object.keys(langs).sort()).toEqual([...KOMMO_LOCALES].sort());
    expect(paths).not.toContain('i18n/ru.json');
  });

  it('carries the same scripts, locations, support and settings as widget.zip', () => {
    const amo = readArchive();
    const amoManifest = JSON.parse(archiveText(amo, 'manifest.json')) as Manifest & Record<string, unknown>;
    for (const script of ['script.js', 'admin.js', 'reminder.js', 'watchers.js', 'checks.js'])
      expect(archiveText(archive, script)).toBe(archiveText(amo, script));
    expect(manifest.locations).toEqual(amoManifest.locations);
    expect(manifest.widget.support).toEqual(amoManifest.widget.support);
    expect((manifest as Manifest & Record<string, unknown>).settings).toEqual(amoManifest.settings);
    expect(manifest.widget.version).toBe(amoManifest.widget.version);
  });

  it('has a tour picture for every locale in the zip, 1188x616', () => {
    expect(manifest.tour?.is_tour).toBe(true);
    expect(Object.keys(manifest.tour?.tour_images ?? {}).sort()).toEqual([...KOMMO_LOCALES].sort());
    for (const images of Object.values(manifest.tour?.tour_images ?? {})) {
      for (const image of images) {
        const bytes = archive[image.replace(/^\//, '')];
        expect(bytes, image).toBeDefined();
        const png = PNG.sync.read(Buffer.from(bytes ?? new Uint8Array()));
        expect([png.width, png.height]).toEqual([1188, 616]);
      }
    }
  });

  it.each(KOMMO_LOCALES)('%s has every key of en, none empty, with every {placeholder} of the en text', (locale) => {
    const dictionary = langs[locale];
    expect(leaves(dictionary).sort()).toEqual(reference);
    for (const key of reference) {
      const text = lookup(dictionary, key);
      expect(typeof text, `${locale}: ${key}`).toBe('string');
      expect(String(text).trim(), `${locale}: ${key}`).not.toBe('');
      expect(placeholders(text), `${locale}: ${key}`).toEqual(placeholders(lookup(en, key)));
    }
    expect(typeof lookup(dictionary, String(manifest.tour?.tour_description))).toBe('string');
  });

  // The catalog's explanations are the bulk of the texts: a tr or id file that copied English would pass the key
  // check above, so each explanation and advice must differ from the English one.
  it.each(['tr', 'id'])('%s translates the error catalog, not copies it', (locale) => {
    const catalogKeys = reference.filter((key) => key.startsWith('catalog.'));
    expect(catalogKeys.length).toBeGreaterThan(100);
    const copied = catalogKeys.filter((key) => lookup(langs[locale], key) === lookup(en, key));
    expect(copied).toEqual([]);
  });

  it.each(KOMMO_LOCALES)("%s sends nobody to the host's support or to a .ru address", (locale) => {
    expect(marketViolations(langs[locale])).toEqual([]);
  });

  it.each(KOMMO_LOCALES)('%s calls the product Kommo, the name its users know', (locale) => {
    const texts = leaves(langs[locale]).map((key) => String(lookup(langs[locale], key)));
    expect(texts.filter((text) => /amoCRM/i.test(text))).toEqual([]);
    expect(texts.some((text) => text.includes('Kommo'))).toBe(true);
  });
});

it('is listed in .gitignore like widget.zip', () => {
  const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n');
  expect(ignored).toContain('widget.zip');
  expect(ignored).toContain('widget-kommo.zip');
});
