/**
 * Renders the five logos amoCRM asks for from one source, images/logo.svg (the mark), onto the brand background,
 * with the wordmark where the format is wide enough. `npm run images`; the PNGs are committed so a build needs
 * no fonts. Sizes from the host contract (../shared/reference/amocrm-host.md section 1).
 */
import { readFileSync, writeFileSync } from 'node:fs';
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

for (const [name, [width, height]] of Object.entries(LOGO_SIZES)) {
  const png = new Resvg(compose(width, height), {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  writeFileSync(`images/${name}`, png);
}
