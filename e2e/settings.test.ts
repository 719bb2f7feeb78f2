/** The widget's settings in the sandbox host: the policy in the settings modal, and the advanced settings page. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectClean } from './expectClean';
import { lifecycle, screenshot, useSandbox, waitReady } from './harness';

const { sb, open } = useSandbox();

describe('the widget in the sandbox host', () => {
  const saveConfig = async (config: Record<string, unknown>) => {
    const res = await fetch(`${sb().url}_sandbox/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ config: JSON.stringify(config) }),
    });
    expect(res.ok).toBe(true);
  };
  const openModal = async (page: Page) => {
    await page.click('.integration-card--ours');
    await page.waitForSelector('.widget-settings-modal:not(.modal--hidden) .task-guard__settings fieldset');
  };
  const strict = (page: Page) => page.getByRole('radio', { name: 'Strict: it stays while deals without tasks remain' });
  const strictChecked = (page: Page) => strict(page).isChecked();
  const save = (page: Page) => page.getByRole('button', { name: 'Save', exact: true });

  it('shows the saved strict policy in the form, and Save with an empty input keeps it', async () => {
    await saveConfig({ mode: 'strict', snoozeMinutes: 45 });
    const page = await open('/settings/widgets/', { user: 1, lang: 'en' });
    await openModal(page);
    expect((await lifecycle(page)).map((e) => e.call)).toContain('settings');
    // The host renders the decoded saved object into the hidden input: no JSON there to read.
    expect(await page.inputValue('#task_guard_custom')).toBe('[object Object]');
    expect(await strictChecked(page)).toBe(true);
    // A custom field gets no host label: the form draws its own heading.
    expect((await page.textContent('.widget_settings_block__title_field')) ?? '').toBe('');
    expect(await page.textContent('.task-guard__settings h3')).toBe('Task Guard: deals without a next task');
    await screenshot(page, 'settings-modal');
    // The input emptied (an older or other host) and Save pressed without touching the form.
    await page.evaluate(() => {
      const input = document.getElementById('task_guard_custom') as HTMLInputElement;
      input.value = '';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await save(page).click();
    await page.waitForFunction(() => document.documentElement.dataset.lifecycle?.includes('onSave:accepted'));
    await page.waitForSelector('.widget-settings-modal', { state: 'detached' });
    expect(sb().sandbox.store.widgetSettings.config).toMatchObject({ mode: 'strict', snoozeMinutes: 45 });
    // Only the policy reached the host's form: none of the form's own inputs was posted.
    expect(sb().stats().settingsSaves.at(-1)?.extra).toEqual([]);
    await page.reload();
    await waitReady(page);
    await openModal(page);
    expect(await strictChecked(page)).toBe(true);
    expectClean(page);
  });

  it('saves what the admin changed in the form, as a decoded object on the server', async () => {
    await saveConfig({ mode: 'gentle' });
    const page = await open('/settings/widgets/', { user: 1, lang: 'en' });
    await openModal(page);
    expect(await save(page).isDisabled()).toBe(true);
    await strict(page).check();
    expect(await save(page).isEnabled()).toBe(true);
    await save(page).click();
    await page.waitForSelector('.widget-settings-modal', { state: 'detached' });
    expect(sb().sandbox.store.widgetSettings.config).toMatchObject({ mode: 'strict' });
    // The same page, the modal opened again: the instance shows what was just saved.
    await openModal(page);
    expect(await strictChecked(page)).toBe(true);
    expectClean(page);
  });

  it('renders the advanced settings page into #work-area-task_guard', async () => {
    const page = await open('/dashboard/', { user: 1 });
    await page.click('[data-menu="advanced"]');
    await page.waitForFunction(() => document.documentElement.dataset.lifecycle?.includes('advancedSettings'));
    const entry = (await lifecycle(page)).find((e) => e.call === 'advancedSettings');
    expect(entry?.area).toBe('advanced-settings:task_guard');
    expect(await page.locator('#work-area-task_guard').count()).toBe(1);
    expectClean(page);
  });
});
