/**
 * Merges one subtree into every i18n/<locale>.json: `tsx scripts/i18nMerge.ts <key> <file.json>` where the file
 * holds `{ "ru": {...}, "en": {...}, "es": {...}, "pt": {...}, "tr": {...}, "id": {...} }`. Read-modify-write of each
 * file in one step, so features can own their subtree (`inspector`, `catalog`, `reminder`, ...) without editing each
 * other's keys. A locale without a file yet gets one. Which locales ship where is decided by the build
 * (scripts/widgetArchive.ts): tr and id only go into the Kommo archive.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const [key, source] = process.argv.slice(2);
if (!key || !source) throw new Error('usage: tsx scripts/i18nMerge.ts <top-level key> <file.json>');
const byLocale = JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown>;
for (const [locale, subtree] of Object.entries(byLocale)) {
  const path = `i18n/${locale}.json`;
  const langs = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
  langs[key] = subtree;
  writeFileSync(path, `${JSON.stringify(langs, null, 2)}\n`);
}
