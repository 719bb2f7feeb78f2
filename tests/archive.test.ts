// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ROOT, archiveText, readArchive } from './builtWidget';

const archive = readArchive();
const paths = Object.keys(archive).filter((path) => !path.endsWith('/'));
const manifest = JSON.parse(archiveText(archive, 'manifest.json')) as {
  widget: Record<string, unknown> & { locale: string[]; support: Record<string, string> };
  locations: string[];
  settings: Record<string, { name: string; type: string }>;
  advanced?: { title: string };
};
const locales = manifest.widget.locale;
const script = archiveText(archive, 'script.js');
const admin = archiveText(archive, 'admin.js');
const langs = Object.fromEntries(
  locales.map((locale) => [locale, JSON.parse(archiveText(archive, `i18n/${locale}.json`)) as object]),
);

/** Every dotted path to a string leaf, so two dictionaries can be compared key for key. */
const leaves = (node: unknown, prefix = ''): string[] =>
  typeof node === 'object' && node !== null
    ? Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key))
    : [prefix];

const lookup = (dictionary: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dictionary);

const logoSizes: [string, number, number][] = [
  ['images/logo.png', 130, 100],
  ['images/logo_main.png', 400, 272],
  ['images/logo_medium.png', 240, 84],
  ['images/logo_min.png', 84, 84],
  ['images/logo_small.png', 108, 108],
];

describe('widget.zip', () => {
  it('holds exactly the archive files at its root, with no top folder', () => {
    expect(paths).toContain('manifest.json');
    expect(paths).toContain('script.js');
    expect(paths).toContain('admin.js');
    expect(paths.every((path) => !path.startsWith('widget/'))).toBe(true);
    const expected = [
      'manifest.json',
      'script.js',
      'admin.js',
      ...locales.map((l) => `i18n/${l}.json`),
      ...logoSizes.map(([p]) => p),
    ];
    expect([...paths].sort()).toEqual([...expected].sort());
  });

  it.each(logoSizes)('%s is a real PNG of %ix%i under 300 KB', (path, width, height) => {
    const bytes = archive[path];
    expect(bytes).toBeDefined();
    const png = PNG.sync.read(Buffer.from(bytes ?? new Uint8Array()));
    expect([png.width, png.height]).toEqual([width, height]);
    expect(bytes?.length).toBeLessThan(300 * 1024);
    // Not a blank placeholder: a drawn logo has many distinct colours.
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) colours.add(png.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(50);
  });

  it('has text files in UTF-8 without BOM and with LF line ends', () => {
    for (const path of paths.filter((p) => /\.(js|json)$/.test(p))) {
      const bytes = archive[path] ?? new Uint8Array();
      expect([bytes[0], bytes[1], bytes[2]], path).not.toEqual([0xef, 0xbb, 0xbf]);
      const text = archiveText(archive, path);
      expect(text.includes('\r'), `${path} has CR`).toBe(false);
    }
  });
});

describe('manifest.json', () => {
  it('declares what amoCRM needs to install and run the widget everywhere', () => {
    expect(manifest.widget.interface_version).toBe(2);
    expect(manifest.widget.init_once).toBe(true);
    expect(manifest.widget.installation).toBe(true);
    expect(locales).toEqual(['ru', 'en', 'es', 'pt']);
    expect(manifest.widget.support.link ?? manifest.widget.support.email).toBeTruthy();
    expect(manifest.locations).toEqual(expect.arrayContaining(['settings', 'advanced_settings']));
    expect(manifest.advanced?.title).toBeTruthy();
    const custom = Object.values(manifest.settings).filter((field) => field.type === 'custom');
    expect(custom).toHaveLength(1);
  });

  it('keeps its version in step with package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(manifest.widget.version).toBe(pkg.version);
  });

  it.each(locales)('has every key it references in i18n/%s.json', (locale) => {
    const keys = [
      manifest.widget.name,
      manifest.widget.description,
      manifest.widget.short_description,
      manifest.advanced?.title,
      ...Object.values(manifest.settings).map((field) => field.name),
    ];
    for (const key of keys) expect(typeof lookup(langs[locale] ?? {}, String(key)), `${locale}: ${key}`).toBe('string');
  });
});

describe('i18n', () => {
  const reference = leaves(langs.ru).sort();

  it.each(locales)('%s has the same key structure as ru, with no empty text', (locale) => {
    const dictionary = langs[locale] ?? {};
    expect(leaves(dictionary).sort()).toEqual(reference);
    for (const key of reference) expect(String(lookup(dictionary, key)).trim(), `${locale}: ${key}`).not.toBe('');
  });

  it.each(locales)('%s keeps every {placeholder} of the ru text', (locale) => {
    const dictionary = langs[locale] ?? {};
    const holes = (text: unknown) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of reference)
      expect(holes(lookup(dictionary, key)), `${locale}: ${key}`).toEqual(holes(lookup(langs.ru ?? {}, key)));
  });
});

const jqueryVersion = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/jquery/package.json'), 'utf8')) as { version: string }
).version;
const JQUERY_FINGERPRINTS = ['sizzle', `"${jqueryVersion}"`];

it('knows a bundled jQuery when it sees one', () => {
  const minified = readFileSync(join(ROOT, 'node_modules/jquery/dist/jquery.min.js'), 'utf8');
  for (const fingerprint of JQUERY_FINGERPRINTS) expect(minified).toContain(fingerprint);
});

describe('script.js', () => {
  it('is one anonymous AMD module asking the host for jQuery, with no UMD or CommonJS branch', () => {
    expect(script.startsWith('define(["jquery"],function(')).toBe(true);
    expect(script).not.toMatch(/typeof exports|module\.exports|typeof define|globalThis\.\w+\s*=/);
  });

  it('does not bundle a jQuery of its own', () => {
    // Fingerprints that survive minification: jQuery's selector engine and its version string.
    for (const fingerprint of JQUERY_FINGERPRINTS) expect(script).not.toContain(fingerprint);
  });

  // Distinctive pieces of the admin-only views: the panel, the catalog search, the settings form, the team report.
  it.each(['tg-insp__panel', 'tg-insp__results', 'task-guard__settings', 'task-guard__report-title', '[redacted]'])(
    'leaves the admin-only %s to admin.js',
    (marker) => {
      expect(script).not.toContain(marker);
      expect(admin).toContain(marker);
    },
  );

  it("loads admin.js only through the page's AMD require, beside itself", () => {
    expect(script).toContain('/admin.js?v=');
    expect(script).not.toMatch(/createElement\(\s*["']script["']/);
  });
});

describe('admin.js', () => {
  it('is one anonymous AMD module without dependencies, with no UMD or CommonJS branch', () => {
    expect(admin.startsWith('define([],function(')).toBe(true);
    expect(admin).not.toMatch(/typeof exports|module\.exports|typeof define|globalThis\.\w+\s*=/);
    for (const fingerprint of JQUERY_FINGERPRINTS) expect(admin).not.toContain(fingerprint);
  });
});
