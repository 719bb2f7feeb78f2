// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ROOT, archiveText, readArchive } from './builtWidget';
import { leaves, lookup, marketViolations, placeholders } from './marketTexts';

const archive = readArchive();
const paths = Object.keys(archive).filter((path) => !path.endsWith('/'));
const manifest = JSON.parse(archiveText(archive, 'manifest.json')) as {
  widget: Record<string, unknown> & { locale: string[]; support?: Record<string, string> };
  locations: string[];
  tour?: { is_tour?: unknown; tour_images?: Record<string, unknown>; tour_description?: unknown };
  settings: Record<string, { name: string; type: string }>;
  advanced?: { title: string };
};
const locales = manifest.widget.locale;
const script = archiveText(archive, 'script.js');
const admin = archiveText(archive, 'admin.js');
const reminder = archiveText(archive, 'reminder.js');
const watchers = archiveText(archive, 'watchers.js');
const checks = archiveText(archive, 'checks.js');
const langs = Object.fromEntries(
  locales.map((locale) => [locale, JSON.parse(archiveText(archive, `i18n/${locale}.json`)) as object]),
);

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  bugs?: { url?: string; email?: string };
};

/** The tour pictures the manifest names, as paths inside the zip. */
const tourImages = Object.entries(manifest.tour?.tour_images ?? {}).flatMap(([locale, images]) =>
  (Array.isArray(images) ? images : [images]).map((image) => [locale, String(image).replace(/^\//, '')] as const),
);

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
      'reminder.js',
      'watchers.js',
      'checks.js',
      ...locales.map((l) => `i18n/${l}.json`),
      ...logoSizes.map(([p]) => p),
      ...locales.map((l) => `images/tour_${l}.png`),
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
    expect(manifest.advanced?.title).toBeTruthy();
    const custom = Object.values(manifest.settings).filter((field) => field.type === 'custom');
    expect(custom).toHaveLength(1);
  });

  // init_once with `everywhere` already runs on every page (amo-docs `web_sdk/init_once.md`); a card location such
  // as lcard-1 would show an empty widget column in every deal card (`requirements.md` §3.1.2: no unused areas).
  it('asks only for the locations the widget uses', () => {
    expect(manifest.locations).toEqual(['everywhere', 'settings', 'advanced_settings']);
  });

  it("names the integrator's real support, link and e-mail, as package.json's bugs field says", () => {
    const support = manifest.widget.support ?? {};
    expect(support).toEqual({ link: pkg.bugs?.url, email: pkg.bugs?.email });
    expect(new URL(String(support.link)).protocol).toBe('https:');
    const reserved = /(^|\.)(example|invalid|test|localhost)$|(^|\.)example\.(com|net|org)$/i;
    expect(new URL(String(support.link)).hostname).not.toMatch(reserved);
    expect(String(support.email)).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i);
    expect(String(support.email).split('@')[1]).not.toMatch(reserved);
  });

  // The tour is mandatory since November 2019 (amo-docs `integrations/structure.md`); the host's settings modal
  // reads widget.tour.tour_images and langs["widget.tour_description"] (GitHub `Psiant/two` `frontend/bild/42355.*.js`).
  it('has a tour with a picture for every locale, each one in the zip', () => {
    expect(manifest.tour?.is_tour).toBe(true);
    expect(Object.keys(manifest.tour?.tour_images ?? {}).sort()).toEqual([...locales].sort());
    expect(tourImages.length).toBeGreaterThanOrEqual(locales.length);
    for (const [, path] of tourImages) expect(paths, path).toContain(path);
    expect(manifest.tour?.tour_description).toBe('widget.tour_description');
  });

  it.each(locales)('has the tour description in i18n/%s.json', (locale) => {
    const description = lookup(langs[locale], String(manifest.tour?.tour_description));
    expect(typeof description).toBe('string');
    expect(String(description).length).toBeGreaterThan(80);
  });

  it.each(tourImages)('shows a real %s tour picture at %s, 1188x616 under 300 KB', (_locale, path) => {
    const bytes = archive[path];
    expect(bytes).toBeDefined();
    const png = PNG.sync.read(Buffer.from(bytes ?? new Uint8Array()));
    expect([png.width, png.height]).toEqual([1188, 616]);
    expect(bytes?.length).toBeLessThan(300 * 1024);
  });

  it('keeps its version in step with package.json', () => {
    expect(manifest.widget.version).toBe(pkg.version);
  });

  it.each(locales)('has every key it references in i18n/%s.json', (locale) => {
    const keys = [
      manifest.widget.name,
      manifest.widget.description,
      manifest.widget.short_description,
      manifest.tour?.tour_description,
      manifest.advanced?.title,
      ...Object.values(manifest.settings).map((field) => field.name),
    ];
    for (const key of keys) expect(typeof lookup(langs[locale] ?? {}, String(key)), `${locale}: ${key}`).toBe('string');
  });
});

describe('i18n', () => {
  const reference = leaves(langs.ru).sort();

  // amoMarket's rules: `requirements.md` §1.6 (no sending clients to amoCRM's support) and §3.1.3 (no .ru domain).
  it.each(locales.filter((locale) => locale !== 'ru'))(
    "%s sends nobody to amoCRM's support or to a .ru address",
    (locale) => {
      expect(marketViolations(langs[locale])).toEqual([]);
    },
  );

  it.each(locales)('%s has the same key structure as ru, with no empty text', (locale) => {
    const dictionary = langs[locale] ?? {};
    expect(leaves(dictionary).sort()).toEqual(reference);
    for (const key of reference) expect(String(lookup(dictionary, key)).trim(), `${locale}: ${key}`).not.toBe('');
  });

  it.each(locales)('%s keeps every {placeholder} of the ru text', (locale) => {
    const dictionary = langs[locale] ?? {};
    for (const key of reference)
      expect(placeholders(lookup(dictionary, key)), `${locale}: ${key}`).toEqual(placeholders(lookup(langs.ru, key)));
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

  it("loads admin.js and reminder.js only through the page's AMD require, beside itself", () => {
    // `<path>/<chunk>.js?v=<install stamp>`, for the chunks `admin` and `reminder` (src/host/chunks.ts).
    expect(script).toMatch(/`\$\{\w+\.path\}\/\$\{\w+\}\.js\?v=\$\{encodeURIComponent\(/);
    expect(script).toMatch(/[`'"]admin[`'"]/);
    expect(script).toMatch(/[`'"]reminder[`'"]/);
    expect(script).not.toMatch(/createElement\(\s*["']script["']/);
  });
});

describe('reminder.js', () => {
  it('is one anonymous AMD module without dependencies, with no UMD or CommonJS branch', () => {
    expect(reminder.startsWith('define([],function(')).toBe(true);
    expect(reminder).not.toMatch(/typeof exports|module\.exports|typeof define|globalThis\.\w+\s*=/);
  });

  it("holds the reminder's dialog, which script.js loads only through the page's AMD require", () => {
    expect(reminder).toContain('task-guard__dialog');
    expect(script).not.toContain('task-guard__dialog');
    expect(script).toContain('reminder');
  });
});

describe('watchers.js', () => {
  it('is one anonymous AMD module without dependencies, with no UMD or CommonJS branch', () => {
    expect(watchers.startsWith('define([],function(')).toBe(true);
    expect(watchers).not.toMatch(/typeof exports|module\.exports|typeof define|globalThis\.\w+\s*=/);
  });

  // The jQuery watcher's event namespace and the hub's stack capture: watcher code a manager must never download.
  it.each(['ajaxError.taskGuardInspector', 'traceOf'])('holds %s, which script.js leaves to it', (marker) => {
    expect(watchers).toContain(marker);
    expect(script).not.toContain(marker);
    expect(admin).not.toContain(marker);
  });
});

describe('checks.js', () => {
  it('is one anonymous AMD module without dependencies, with no UMD or CommonJS branch', () => {
    expect(checks.startsWith('define([],function(')).toBe(true);
    expect(checks).not.toMatch(/typeof exports|module\.exports|typeof define|globalThis\.\w+\s*=/);
  });

  // The events feed and the replica's format: what a check reads, which a tab that never checks does not download.
  it.each(['/api/v4/events', 'entity_responsible_changed'])('holds %s, which script.js leaves to it', (marker) => {
    expect(checks).toContain(marker);
    expect(script).not.toContain(marker);
  });
});

describe('admin.js', () => {
  it('is one anonymous AMD module without dependencies, with no UMD or CommonJS branch', () => {
    expect(admin.startsWith('define([],function(')).toBe(true);
    expect(admin).not.toMatch(/typeof exports|module\.exports|typeof define|globalThis\.\w+\s*=/);
    for (const fingerprint of JQUERY_FINGERPRINTS) expect(admin).not.toContain(fingerprint);
  });
});
