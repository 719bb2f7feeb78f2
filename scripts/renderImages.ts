/**
 * Renders the five logos amoCRM asks for from one source, images/logo.svg (the mark), onto the brand background,
 * with the wordmark where the format is wide enough, and one tour picture per locale (images/tour_<locale>.png,
 * 1188x616, its words taken from i18n/<locale>.json so each locale's picture speaks its language: GitHub
 * `biradrags/amo-docs` `amocrm_docs_md/integrations/requirements.md` §2.4 and §4.3). `npm run images`; the PNGs
 * are committed so a build needs no fonts. Logo sizes: `amocrm_docs_md/integrations/structure.md`.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

export const LOGO_SIZES = {
  'logo.png': [130, 100],
  'logo_main.png': [400, 272],
  'logo_medium.png': [240, 84],
  'logo_min.png': [84, 84],
  'logo_small.png': [108, 108],
} as const;

const mark = readFileSync('images/logo.svg', 'utf8')
  .replace(/<\?xml[^>]*>/, '')
  .replace(/<!--[\s\S]*?-->/g, '');
const inner = mark.slice(mark.indexOf('>') + 1, mark.lastIndexOf('</svg>'));

const compose = (width: number, height: number): string => {
  const wide = width / height > 2;
  const withWords = wide || width >= 300;
  const markSize = wide ? height * 0.78 : withWords ? height * 0.56 : Math.min(width, height) * 0.78;
  const markX = wide ? height * 0.14 : (width - markSize) / 2;
  const markY = wide ? (height - markSize) / 2 : withWords ? height * 0.1 : (height - markSize) / 2;
  // DejaVu Sans Bold sets "Task Guard" about 6.2 em wide: fit it into what the mark leaves free.
  const free = width - (markX + markSize + height * 0.14) - height * 0.14;
  const fontSize = wide ? Math.min(height * 0.3, free / 6.2) : width * 0.11;
  const words = withWords
    ? `<text x="${wide ? markX + markSize + height * 0.14 : width / 2}" y="${wide ? height / 2 + fontSize * 0.36 : height * 0.84}"
         text-anchor="${wide ? 'start' : 'middle'}" font-family="DejaVu Sans" font-weight="bold" font-size="${fontSize}"
         fill="#ffffff">Task Guard</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
    <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1d6fb8"/><stop offset="1" stop-color="#0f4c81"/></linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#bg)"/>
    <svg x="${markX}" y="${markY}" width="${markSize}" height="${markSize}" viewBox="0 0 100 100">${inner}</svg>
    ${words}
  </svg>`;
};

const render = (svg: string): Uint8Array =>
  new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } })
    .render()
    .asPng();

for (const [name, [width, height]] of Object.entries(LOGO_SIZES))
  writeFileSync(`images/${name}`, render(compose(width, height)));

/** The size amoMarket shows tour pictures at (`requirements.md` §4.3). */
export const TOUR_SIZE = [1188, 616] as const;

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Splits text into lines of at most `chars` characters, at spaces (DejaVu Sans averages ~0.6 em a character). */
const wrap = (text: string, chars: number): string[] =>
  text.split(' ').reduce<string[]>((lines, word) => {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= chars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
    return lines;
  }, []);

const text = (langs: unknown, key: string): string => {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], langs);
  if (typeof value !== 'string') throw new Error(`i18n lacks ${key}`);
  return value;
};

/** One tour picture: the mark, the name and the short description beside a sketch of the reminder itself. */
const tour = (locale: string, langs: unknown): string => {
  const [width, height] = TOUR_SIZE;
  const plural = new Intl.PluralRules(locale).select(3);
  const countKey = `reminder.count.${plural === 'one' || plural === 'few' || plural === 'many' ? plural : 'other'}`;
  const count = text(langs, countKey).replace('{count}', '3');
  const button = text(langs, 'reminder.row.setTask');
  const tagline = wrap(text(langs, 'widget.short_description'), 28)
    .map((line, i) => `<tspan x="72" dy="${i === 0 ? 0 : 44}">${escape(line)}</tspan>`)
    .join('');
  const card = { x: 640, y: 92, w: 480, h: 432 };
  const buttonWidth = Math.max(120, button.length * 11.5 + 36);
  const rows = [0, 1, 2]
    .map((i) => {
      const y = card.y + 150 + i * 88;
      return `<rect x="${card.x + 28}" y="${y}" width="${card.w - 56}" height="72" rx="10" fill="#f3f7fb"/>
        <rect x="${card.x + 48}" y="${y + 18}" width="${150 - i * 24}" height="14" rx="7" fill="#9db7cf"/>
        <rect x="${card.x + 48}" y="${y + 42}" width="${96 + i * 20}" height="10" rx="5" fill="#c9d8e6"/>
        <rect x="${card.x + card.w - 44 - buttonWidth}" y="${y + 16}" width="${buttonWidth}" height="40" rx="8" fill="#1aa260"/>
        <text x="${card.x + card.w - 44 - buttonWidth / 2}" y="${y + 42}" text-anchor="middle" font-family="DejaVu Sans"
          font-weight="bold" font-size="19" fill="#ffffff">${escape(button)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
    <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1d6fb8"/><stop offset="1" stop-color="#0f4c81"/></linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#bg)"/>
    <svg x="72" y="92" width="150" height="150" viewBox="0 0 100 100">${inner}</svg>
    <text x="72" y="318" font-family="DejaVu Sans" font-weight="bold" font-size="64" fill="#ffffff">Task Guard</text>
    <text x="72" y="386" font-family="DejaVu Sans" font-size="32" fill="#e3f0fb">${tagline}</text>
    <rect x="${card.x + 6}" y="${card.y + 10}" width="${card.w}" height="${card.h}" rx="18" fill="#0b3a63" opacity="0.35"/>
    <rect x="${card.x}" y="${card.y}" width="${card.w}" height="${card.h}" rx="18" fill="#ffffff"/>
    <circle cx="${card.x + 52}" cy="${card.y + 58}" r="22" fill="#f5a623"/>
    <path d="M${card.x + 52} ${card.y + 45} V${card.y + 58} L${card.x + 61} ${card.y + 64}" fill="none" stroke="#ffffff"
      stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>
    <text x="${card.x + 90}" y="${card.y + 68}" font-family="DejaVu Sans" font-weight="bold" font-size="30"
      fill="#0f4c81">${escape(text(langs, 'reminder.title'))}</text>
    <text x="${card.x + 30}" y="${card.y + 122}" font-family="DejaVu Sans" font-size="21" fill="#4a6278">${escape(count)}</text>
    ${rows}
  </svg>`;
};

for (const file of readdirSync('i18n').filter((name) => name.endsWith('.json'))) {
  const locale = file.slice(0, -'.json'.length);
  const langs: unknown = JSON.parse(readFileSync(`i18n/${file}`, 'utf8'));
  writeFileSync(`images/tour_${locale}.png`, render(tour(locale, langs)));
}
