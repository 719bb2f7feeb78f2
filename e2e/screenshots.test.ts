/**
 * Product screenshots: the dashboard, the pipeline board, a deal card and the settings modal, as the admin sees
 * them. Always written to e2e/screenshots/ (git-ignored); `DOCS_SCREENSHOTS=1 npx vitest run --project e2e
 * e2e/screenshots.test.ts` also refreshes the committed docs/screenshots/*.png.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorsOf, launchBrowser, navigate, openPage, screenshot, startSandbox, type SandboxHandle } from './harness';

const DOCS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

let browser: Browser;
let sb: SandboxHandle;
let page: Page;

const shoot = async (name: string) => {
  const path = await screenshot(page, name);
  if (process.env.DOCS_SCREENSHOTS === '1') {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(path, `${DOCS}${name}.png`);
  }
};

beforeAll(async () => {
  browser = await launchBrowser();
  sb = await startSandbox();
  page = await openPage(browser, `${sb.url}dashboard/`, { user: 1, lang: 'ru' });
});
afterAll(async () => {
  await page?.context().close();
  await sb?.stop();
  await browser?.close();
});

describe('screenshots', () => {
  it('takes the dashboard, the board, a deal card and the settings modal', async () => {
    await shoot('dashboard');
    await navigate(page, '/leads/pipeline/');
    await shoot('pipeline');
    const lead = sb.sandbox.store.data.leads.find((l) => l.closestTaskAt !== null && l.statusId !== 142);
    await navigate(page, `/leads/detail/${lead?.id ?? 10_000_001}`);
    await shoot('deal-card');
    await navigate(page, '/settings/widgets/');
    await page.click('.integration-card--ours');
    await page.waitForSelector('.widget-settings-modal:not(.modal--hidden)');
    await shoot('settings-modal');
    expect(errorsOf(page).pageErrors).toEqual([]);
  });
});
