import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import { build, type Plugin, type ResolvedConfig } from 'vite';

/** Name of the variable the IIFE build assigns; it lives inside the AMD factory, so it is never a global. */
export const FACTORY_NAME = '__taskGuardFactory';

/** The same for admin.js, the admin-only views loaded on demand (src/admin.ts). */
export const ADMIN_FACTORY_NAME = '__taskGuardAdmin';

/** The Vite mode that builds admin.js instead of script.js (vite.config.ts). */
export const ADMIN_MODE = 'admin';

/**
 * The lazy halves: modules beside script.js that it loads on demand through the page's RequireJS
 * (`<path>/<file>?v=<install stamp>`, src/host/chunks.ts), one Vite build each, in this Vite mode. Each is a pure
 * anonymous AMD module without dependencies that returns what its entry exports by default.
 */
export const LAZY_HALVES = [
  { mode: ADMIN_MODE, entry: 'src/admin.ts', file: 'admin.js', name: ADMIN_FACTORY_NAME },
  { mode: 'reminder', entry: 'src/reminder/ui.ts', file: 'reminder.js', name: '__taskGuardReminder' },
  // The network watchers, for admins only (src/inspector/watch.ts): a manager's page never downloads them.
  { mode: 'watchers', entry: 'src/inspector/watch.ts', file: 'watchers.js', name: '__taskGuardWatchers' },
  // What a check reads (src/reminder/checksKit.ts): only the tab that checks downloads it.
  { mode: 'checks', entry: 'src/reminder/checksKit.ts', file: 'checks.js', name: '__taskGuardChecks' },
] as const;

export type LazyHalf = (typeof LAZY_HALVES)[number];

/** The lazy half a Vite mode builds, if any. */
export const lazyHalfOf = (mode: string): LazyHalf | undefined => LAZY_HALVES.find((half) => half.mode === mode);

/** Host AMD modules the widget asks for, in the order the factory receives them. */
export const HOST_MODULES = ['jquery'] as const;

/**
 * Wraps an IIFE bundle into a pure anonymous AMD module: `define(deps, function (...deps) { ...; return value })`.
 * Vite 8 has no `amd` format and UMD takes its CommonJS branch on pages that define `module`/`exports`.
 * script.js returns the widget constructor its factory builds from the host's jQuery; admin.js returns the kit.
 */
export const wrapAmd = (iife: string, deps: readonly string[], returns: string): string =>
  `define(${JSON.stringify(deps)},function(${deps.length ? '$' : ''}){"use strict";${iife.trim()}\nreturn ${returns};});\n`;

/**
 * Vite plugin: AMD-wraps script.js (or, in a lazy half's mode, that half). After script.js it builds each lazy half
 * with the same config in its mode (Vite's IIFE output has one entry per build), then assembles both archives
 * (assembleArchives), so one `vite build` makes widget/, widget.zip and widget-kommo.zip.
 */
export const widgetArchive = (root: string, part: 'script' | LazyHalf = 'script'): Plugin => {
  let config: ResolvedConfig | undefined;
  return {
    name: 'task-guard-widget-archive',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        if (part === 'script' && chunk.fileName === 'script.js')
          chunk.code = wrapAmd(chunk.code, HOST_MODULES, `${FACTORY_NAME}($)`);
        if (part !== 'script' && chunk.fileName === part.file) chunk.code = wrapAmd(chunk.code, [], part.name);
      }
    },
    async closeBundle() {
      if (part !== 'script') return;
      for (const half of LAZY_HALVES) {
        await build({
          root,
          configFile: config?.configFile ?? join(root, 'vite.config.ts'),
          mode: half.mode,
          logLevel: config?.logLevel ?? 'info',
        });
      }
      assembleArchives(root);
    },
  };
};

/** One archive: which host it is for, where it goes and which locales it ships. */
export interface ArchiveTarget {
  /** The zip, relative to the project root. */
  zip: string;
  /** Where the unpacked copy goes (the sandbox and the browser tests serve amoCRM's), if anywhere. */
  dir?: string;
  /** The manifest's `widget.locale`, in order; exactly these i18n/<locale>.json files are shipped. */
  locales: readonly string[];
  /** The product name users of this host know, written over "amoCRM" in the shipped texts. */
  brand: string;
}

/**
 * amoCRM takes ru, en, es and pt (GitHub `biradrags/amo-docs` `amocrm_docs_md/integrations/structure.md`, "i18n/").
 * Kommo has no ru and adds Turkish and Indonesian ("Kommo currently supports English, Spanish, Portuguese, Turkish
 * and Indonesian", developers.kommo.com/docs/i18n), and its users know the product as Kommo.
 */
export const ARCHIVES: readonly ArchiveTarget[] = [
  { zip: 'widget.zip', dir: 'widget', locales: ['ru', 'en', 'es', 'pt'], brand: 'amoCRM' },
  { zip: 'widget-kommo.zip', locales: ['en', 'es', 'pt', 'tr', 'id'], brand: 'Kommo' },
];

/** The tour picture of one locale, as the manifest names it (`/images/...`, as in Kommo's example manifest). */
export const tourImage = (locale: string): string => `/images/tour_${locale}.png`;

export interface SupportContact {
  link: string;
  email: string;
}

/** Reserved names (RFC 2606, RFC 6761) that can never reach a real support desk. */
const RESERVED_TLDS = ['example', 'invalid', 'test', 'localhost'];
const RESERVED_DOMAINS = ['example.com', 'example.net', 'example.org'];

const isReservedHost = (host: string): boolean => {
  const name = host.toLowerCase().replace(/\.$/, '');
  const tld = name.split('.').pop() ?? '';
  return (
    !name.includes('.') ||
    RESERVED_TLDS.includes(tld) ||
    RESERVED_DOMAINS.some((domain) => name === domain || name.endsWith(`.${domain}`))
  );
};

/**
 * The integrator's support contact, kept in ONE place: package.json's standard `bugs` field (`url` and `email`).
 * Both are required (`widget.support.link` is mandatory, the email recommended: `structure.md`; amoMarket's rules in
 * `amocrm_docs_md/integrations/requirements.md` §1.6 make the integrator the one who supports users). The link
 * must be https and neither may use a reserved placeholder domain.
 */
export const supportContact = (pkg: unknown): SupportContact => {
  const bugs = (pkg as { bugs?: unknown }).bugs;
  const { url, email } = (typeof bugs === 'object' && bugs !== null ? bugs : {}) as { url?: unknown; email?: unknown };
  if (typeof url !== 'string' || typeof email !== 'string') {
    throw new Error('package.json needs "bugs": {"url": "https://…", "email": "…"}: the widget\'s support contact');
  }
  let link: URL;
  try {
    link = new URL(url);
  } catch {
    throw new Error(`package.json bugs.url "${url}" is not a URL`);
  }
  if (link.protocol !== 'https:') throw new Error(`package.json bugs.url "${url}" must be an https link`);
  if (isReservedHost(link.hostname)) {
    throw new Error(`package.json bugs.url "${url}" uses a reserved placeholder domain: give the real support site`);
  }
  const at = email.lastIndexOf('@');
  const domain = at > 0 ? email.slice(at + 1) : '';
  if (!domain || /\s/.test(email)) throw new Error(`package.json bugs.email "${email}" is not an e-mail address`);
  if (isReservedHost(domain)) {
    throw new Error(`package.json bugs.email "${email}" uses a reserved placeholder domain: give the real address`);
  }
  return { link: url, email };
};

interface Manifest {
  widget: Record<string, unknown> & { version: string; locale?: unknown };
  locations?: unknown;
  tour?: unknown;
  [key: string]: unknown;
}

/**
 * The manifest as one archive ships it: its locales, a tour picture per locale (the `tour` block is mandatory
 * since November 2019: `structure.md`; the host's settings modal reads `widget.tour.tour_images` and
 * `langs["widget.tour_description"]`, GitHub `Psiant/two` `frontend/bild/42355.*.js`) and the support contact.
 */
export const shippedManifest = (manifest: Manifest, target: ArchiveTarget, support: SupportContact): Manifest => {
  const tour = {
    ...(typeof manifest.tour === 'object' && manifest.tour !== null ? manifest.tour : {}),
    ...tourBlock(target.locales),
  };
  const shipped: Manifest = { widget: { ...manifest.widget, locale: [...target.locales], support } };
  // The manifest's own order, with the tour right after the locations (as in the docs' example) if it has none.
  for (const [key, value] of Object.entries(manifest)) {
    if (key === 'widget') continue;
    shipped[key] = key === 'tour' ? tour : value;
    if (key === 'locations' && !('tour' in manifest)) shipped.tour = tour;
  }
  if (!('tour' in shipped)) shipped.tour = tour;
  return shipped;
};

const tourBlock = (locales: readonly string[]) => ({
  is_tour: true,
  tour_images: Object.fromEntries(locales.map((locale) => [locale, [tourImage(locale)]])),
  tour_description: 'widget.tour_description',
});

/** Every string of a dictionary with `from` written as `to` (the product's name for this host). */
const rebrand = (node: unknown, from: string, to: string): unknown => {
  if (from === to) return node;
  if (typeof node === 'string') return node.split(from).join(to);
  if (Array.isArray(node)) return node.map((item) => rebrand(item, from, to));
  if (typeof node === 'object' && node !== null)
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, rebrand(value, from, to)]));
  return node;
};

const json = (value: unknown): Uint8Array => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

/**
 * The files of one archive, by path at the zip root: the built scripts, the shipped manifest, the target's i18n
 * files (and no other) and images/: the five logos plus the tour picture of each of its locales.
 */
export const archiveEntries = (root: string, target: ArchiveTarget): Record<string, Uint8Array> => {
  const built = join(root, 'widget');
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  if (manifest.widget.version !== pkg.version) {
    throw new Error(`manifest.json version ${manifest.widget.version} differs from package.json ${pkg.version}`);
  }
  const entries: Record<string, Uint8Array> = {
    'manifest.json': json(shippedManifest(manifest, target, supportContact(pkg))),
  };
  for (const script of ['script.js', ...LAZY_HALVES.map((half) => half.file)])
    entries[script] = readFileSync(join(built, script));
  for (const locale of target.locales) {
    const file = join(root, 'i18n', `${locale}.json`);
    if (!existsSync(file)) throw new Error(`${target.zip} needs i18n/${locale}.json`);
    const langs = rebrand(JSON.parse(readFileSync(file, 'utf8')), 'amoCRM', target.brand);
    entries[`i18n/${locale}.json`] = json(langs);
  }
  for (const name of readdirSync(join(root, 'images'))) {
    if (/^logo\w*\.png$/.test(name)) entries[`images/${name}`] = readFileSync(join(root, 'images', name));
  }
  for (const locale of target.locales) {
    const path = tourImage(locale).slice(1);
    const file = join(root, path);
    if (!existsSync(file)) throw new Error(`${target.zip} needs ${path}: run \`npm run images\``);
    entries[path] = readFileSync(file);
  }
  return entries;
};

const zipEntries = (entries: Record<string, Uint8Array>): Uint8Array => {
  const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return zipSync(sorted, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
};

/**
 * Writes every archive of ARCHIVES from the scripts Vite built into widget/: amoCRM's files beside them in widget/
 * (which the sandbox serves) and widget.zip, then Kommo's widget-kommo.zip.
 */
export const assembleArchives = (root: string): void => {
  for (const target of ARCHIVES) {
    const entries = archiveEntries(root, target);
    if (target.dir) {
      for (const [path, bytes] of Object.entries(entries)) {
        const file = join(root, target.dir, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, bytes);
      }
    }
    writeFileSync(join(root, target.zip), zipEntries(entries));
  }
};
