/** Once per e2e run: make sure the browser exists and widget/ is built (the sandbox serves those exact bytes). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './harness';

export default async function setup(): Promise<void> {
  ensureChromium();
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (!existsSync(`${root}widget/script.js`) || !existsSync(`${root}widget/admin.js`)) {
    const { build } = await import('vite');
    await build({ root, configFile: `${root}vite.config.ts`, logLevel: 'warn' });
  }
}
