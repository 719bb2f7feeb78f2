import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { errorsOf, launchBrowser, navigate, openPage, startSandbox, type SandboxHandle } from './harness';
import { DIALOG, expectedDeals as expectedDealsOf, saveConfig, shownDeals, watchedDeals } from './reminderTruth';

/**
 * Incremental checks in the browser: another user changes the account (`POST /_sandbox/mutate`), the manager
 * moves to another page, and the dialog follows: the navigation's check reads the events list since the last one.
 * (A task deleted on a deal whose tasks the replica did not hold shows after the hourly reconcile: that waits an
 * hour, so the unit tests cover it, src/reminder/incremental.differential.test.ts.)
 */

const dialog = DIALOG;

let browser: Browser;
let sb: SandboxHandle;

beforeAll(async () => {
  browser = await launchBrowser();
  sb = await startSandbox();
});
afterAll(async () => {
  await sb?.stop();
  await browser?.close();
});
beforeEach(async () => {
  await sb.reset();
  await saveConfig(sb, { graceMinutes: 0 });
});

const expectedDeals = (userId: number) => expectedDealsOf(sb, userId);

const mutate = async (body: unknown) => {
  const res = await fetch(`${sb.url}_sandbox/mutate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: { leadId?: number; taskId?: number }[] }).results;
};

/** Navigates until the dialog lists `expected` (navigation bursts closer than 3 s are merged, so it may take two). */
const followsAfterNavigation = async (page: Page, expected: number[]) => {
  const paths = ['/leads/list/', '/leads/pipeline/'];
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await navigate(page, paths[attempt % 2] ?? '/leads/list/');
    await page.waitForTimeout(1_500);
    if ((await shownDeals(page)).join() === expected.join()) break;
  }
  expect(await shownDeals(page)).toEqual(expected);
};

/** A task that is the only open one on one of the user's deals (completing it leaves the deal without one). */
const soleTaskOf = (userId: number) => {
  const { store } = sb.sandbox;
  for (const lead of watchedDeals(sb, userId)) {
    const open = store.tasksOf('leads', lead.id).filter((t) => !t.isCompleted);
    if (open.length === 1) return open[0];
  }
  throw new Error(`no deal of user ${userId} with exactly one open task`);
};

describe('incremental checks follow changes made elsewhere', () => {
  it('task completed, task created, deal created, won, lost, handed over and deleted', async () => {
    const page = await openPage(browser, `${sb.url}leads/pipeline/`, { user: 2, lang: 'en' });
    await page.waitForSelector(dialog);
    expect(await shownDeals(page)).toEqual(expectedDeals(2));

    const steps: [string, () => Promise<unknown>][] = [
      ['a task completed', () => mutate({ op: 'completeTask', taskId: soleTaskOf(2)?.id, by: 1 })],
      ['a task created', () => mutate({ op: 'createTask', leadId: expectedDeals(2)[0], by: 1 })],
      ['a new deal', () => mutate({ op: 'createDeal', responsibleUserId: 2, by: 1 })],
      ['a deal won', () => mutate({ op: 'closeDeal', leadId: expectedDeals(2)[0], outcome: 'won', by: 1 })],
      ['a deal lost', () => mutate({ op: 'closeDeal', leadId: expectedDeals(2)[0], outcome: 'lost', by: 1 })],
      [
        'a deal handed away',
        () => mutate({ op: 'changeResponsible', leadId: expectedDeals(2)[0], responsibleUserId: 3 }),
      ],
      [
        'a deal handed over',
        () => mutate({ op: 'changeResponsible', leadId: expectedDeals(3)[0], responsibleUserId: 2 }),
      ],
      ['a deal deleted', () => mutate({ op: 'deleteDeal', leadId: expectedDeals(2)[0] })],
    ];
    for (const [, change] of steps) {
      const before = expectedDeals(2);
      await change();
      const after = expectedDeals(2);
      // Every change moves the list (so following it is something to see).
      expect(after).not.toEqual(before);
      await followsAfterNavigation(page, after);
    }
    expect(errorsOf(page).pageErrors).toEqual([]);
    await page.context().close();
  });
});

describe('a stored replica that is not to be trusted', () => {
  it.each([
    ['damaged', () => '{"v":1,"a":'],
    [
      "another user's (under this user's key)",
      (accountId: number) =>
        JSON.stringify({
          v: 1,
          a: accountId,
          u: 3,
          f: true,
          full: Date.now(),
          rec: Date.now(),
          cur: Math.floor(Date.now() / 1000),
          seen: [],
          d: [[999, 'Not yours', 0, 3, 1, 1, 0, 0, null]],
          t: [],
          k: [999],
        }),
    ],
  ])('is discarded with a full check, never shown: %s', async (_name, text) => {
    const accountId = sb.sandbox.store.data.account.id;
    const context = await browser.newContext();
    // Put there before the widget starts; another user's replica too, which the start must wipe.
    await context.addInitScript(
      ([mine, value, other]) => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(mine, value);
        localStorage.setItem(other, 'deals of user 3');
      },
      [`task_guard:replica:${accountId}:2`, text(accountId), `task_guard:replica:${accountId}:3`] as const,
    );
    const page = await openPage(context, `${sb.url}leads/pipeline/`, { user: 2, lang: 'en' });
    await page.waitForSelector(dialog);
    expect(await shownDeals(page)).toEqual(expectedDeals(2));
    const stored = await page.evaluate(
      (keys) => keys.map((key) => localStorage.getItem(key)),
      [`task_guard:replica:${accountId}:2`, `task_guard:replica:${accountId}:3`],
    );
    expect(stored[0]).toContain('"u":2');
    expect(stored[1]).toBeNull();
    await context.close();
  });
});
