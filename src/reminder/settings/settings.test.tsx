import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '../../../i18n/en.json';
import type { WidgetContext } from '../../host/amo';
import type { Api } from '../../host/api';
import { createTranslate } from '../../i18n';
import { DEFAULT_CONFIG, LIMITS, type Config } from '../config';
import { parseConfig } from '../parseConfig';
import { stageKey, type Stage } from '../policy';
import type { ReminderRest } from '../resting';
import type { FlaggedDeal, ScanResult } from '../scan';
import { SettingsForm } from './SettingsForm';
import { TeamReport, teamLines } from './TeamReport';

vi.mock('../../host/network/registry', () => ({ nativeFetch: () => fetch, reportOwnFailure: () => undefined }));

const t = createTranslate(en);
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  document.body.innerHTML = '';
});
const tick = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

const stages = new Map<string, Stage>([
  [stageKey(1, 10), { pipelineId: 1, statusId: 10, name: 'Incoming', pipelineName: 'Sales', unsorted: true }],
  [stageKey(1, 20), { pipelineId: 1, statusId: 20, name: 'Proposal', pipelineName: 'Sales', unsorted: false }],
  [stageKey(1, 142), { pipelineId: 1, statusId: 142, name: 'Won', pipelineName: 'Sales', unsorted: false }],
]);
const managers = [
  { id: 1, name: 'Olga', isAdmin: true, active: true },
  { id: 2, name: 'Ivan', isAdmin: false, active: true },
  { id: 3, name: 'Maria', isAdmin: false, active: true },
];

/** Draws the settings form over a saved value; returns every config it handed back and the replace callback. */
const drawForm = async (raw: unknown, onReplace = vi.fn()) => {
  const changes: Config[] = [];
  await act(() =>
    render(
      <SettingsForm
        t={t}
        language="en"
        managers={managers}
        parsed={parseConfig(raw)}
        loadStages={async () => stages}
        onChange={(config) => changes.push(config)}
        onReplace={onReplace}
      />,
      root,
    ),
  );
  await tick();
  return { changes, onReplace };
};

describe('SettingsForm', () => {
  it('warns about a malformed value instead of failing, and shows the defaults', async () => {
    await drawForm('{nope');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('cannot be read');
    const checked = [...root.querySelectorAll<HTMLInputElement>('.task-guard__pipeline input')].map((i) => i.checked);
    // Incoming (unsorted) off, Proposal on; Won is never offered.
    expect(checked).toEqual([false, true]);
  });

  it('turns every edit into valid JSON for the custom field', async () => {
    const { changes } = await drawForm(JSON.stringify(DEFAULT_CONFIG));
    const strict = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')][1];
    await act(() => strict?.click());
    const ivan = [...root.querySelectorAll('label')].find((l) => l.textContent === 'Ivan')?.querySelector('input');
    await act(() => ivan?.click());
    const last = changes.at(-1);
    expect(last).toMatchObject({ mode: 'strict', excludedUsers: [2] });
    expect(parseConfig(JSON.stringify(last)).warnings).toEqual([]);
  });
});

describe('SettingsForm number fields', () => {
  it.each([
    ['snoozeMinutes', en.config.mode.snoozeMinutes],
    ['maxSnoozes', en.config.mode.maxSnoozes],
    ['graceMinutes', en.config.time.grace],
    ['intervalMinutes', en.config.time.interval],
    ['horizonDays', en.config.rules.horizon],
  ] as const)('%s offers exactly the bounds the schema takes (LIMITS)', async (field, label) => {
    await drawForm('{}');
    const input = [...root.querySelectorAll('label')]
      .find((l) => l.textContent?.includes(label))
      ?.querySelector<HTMLInputElement>('input[type="number"]');
    expect(input?.min).toBe(String(LIMITS[field].min));
    expect(input?.max).toBe(String(LIMITS[field].max));
  });
});

describe('SettingsForm inside the host settings form', () => {
  it('keeps every input out of what the host form serializes: the skip class and no name', async () => {
    await drawForm('{broken');
    const inputs = [...root.querySelectorAll('input, select, textarea, button')];
    expect(inputs.length).toBeGreaterThan(15);
    for (const input of inputs) {
      expect(input.classList.contains('js-form-changes-skip'), input.outerHTML).toBe(true);
      expect(input.hasAttribute('name'), input.outerHTML).toBe(false);
    }
  });

  it('draws its own heading, since the host gives a custom field none', async () => {
    await drawForm(JSON.stringify(DEFAULT_CONFIG));
    expect(root.querySelector('h3')?.textContent).toBe(en.config.heading);
  });

  it('asks before replacing a saved policy it cannot read, and says why changes are not saved yet', async () => {
    const { onReplace } = await drawForm('{broken');
    const replace = [...root.querySelectorAll('label')].find((l) => l.textContent === en.config.replace.confirm);
    expect(replace).toBeDefined();
    const strict = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')][1];
    await act(() => strict?.click());
    expect(root.textContent).toContain(en.config.replace.needed);
    await act(() => replace?.querySelector('input')?.click());
    expect(onReplace).toHaveBeenLastCalledWith(true);
    expect(root.textContent).not.toContain(en.config.replace.needed);
  });

  it('does not ask when the saved policy reads fine', async () => {
    await drawForm({ mode: 'strict' });
    expect(root.textContent).not.toContain(en.config.replace.confirm);
    expect([...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')][1]?.checked).toBe(true);
  });
});

describe('TeamReport', () => {
  const context = (isAdmin: boolean): WidgetContext => ({
    widgetCode: 'task_guard',
    userId: isAdmin ? 1 : 2,
    userName: '',
    isAdmin,
    language: 'en',
    accountId: 1,
    subdomain: 'demo',
    timezone: 'UTC',
    currency: 'USD',
    managers,
    taskTypes: [],
    area: 'advanced-settings:task_guard',
    pagePath: '/settings/widgets/task_guard/',
    path: '',
    version: '',
    widgetVersion: '0.1.0',
    rawConfig: undefined,
  });
  const flagged = (id: number, owner: number, price: number, since: number): FlaggedDeal => ({
    id,
    name: `Deal ${id}`,
    price,
    responsibleUserId: owner,
    pipelineId: 1,
    statusId: 20,
    pipelineName: 'Sales',
    stageName: 'Proposal',
    since,
    createdAt: 0,
  });
  const deals = [flagged(1, 2, 100, 5_000), flagged(2, 2, 50, 1_000), flagged(3, 1, 10, 0)];

  it('groups per reminded manager: count, budget, oldest; admins out by default', () => {
    const lines = teamLines(context(true), DEFAULT_CONFIG, deals);
    expect(lines.map((l) => [l.name, l.count, l.budget, l.oldest?.id])).toEqual([
      ['Ivan', 2, 150, 2],
      ['Maria', 0, 0, undefined],
    ]);
  });

  it('shows progress, then the table with links into amoCRM', async () => {
    let finish: (result: ScanResult) => void = () => undefined;
    const run = vi.fn(
      (input: { onProgress?: (p: { phase: 'deals' | 'tasks'; done: number; total?: number }) => void }) =>
        new Promise<ScanResult>((resolve) => {
          input.onProgress?.({ phase: 'deals', done: 250 });
          finish = resolve;
        }),
    );
    await act(() =>
      render(
        <TeamReport
          t={t}
          ctx={context(true)}
          config={DEFAULT_CONFIG}
          warnings={[]}
          api={{} as Api}
          now={() => 10_000}
          run={run}
        />,
        root,
      ),
    );
    expect(root.querySelector('progress')).not.toBeNull();
    expect(root.textContent).toContain('Deals read: 250');
    await act(async () => finish({ deals, checkedAt: 0, requests: 4 }));
    expect(root.querySelector('progress')).toBeNull();
    expect(root.querySelector('tbody tr')?.textContent).toContain('Ivan');
    expect(root.querySelector('tbody a')?.getAttribute('href')).toBe('/leads/detail/2');
  });

  it('tells a manager it is for admins only', async () => {
    const run = vi.fn();
    await act(() =>
      render(
        <TeamReport
          t={t}
          ctx={context(false)}
          config={DEFAULT_CONFIG}
          warnings={[]}
          api={{} as Api}
          now={() => 0}
          run={run}
        />,
        root,
      ),
    );
    expect(root.textContent).toBe('The Task Guard report is for admins only.');
    expect(run).not.toHaveBeenCalled();
  });

  it('says why the reminder rests for this admin and when it checks next, and follows changes', async () => {
    const listeners = new Set<() => void>();
    let rest: ReminderRest = { kind: 'offHours', next: Date.parse('2026-12-03T06:00:00Z') };
    const source = {
      get: () => rest,
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    await act(() =>
      render(
        <TeamReport
          t={t}
          ctx={{ ...context(true), timezone: 'Europe/Moscow' }}
          config={DEFAULT_CONFIG}
          warnings={[]}
          api={{} as Api}
          now={() => 0}
          run={() => new Promise<ScanResult>(() => undefined)}
          rest={source}
        />,
        root,
      ),
    );
    const status = () => root.querySelector('[role="status"]')?.textContent ?? '';
    expect(status()).toContain('resting outside working hours (09:00–19:00, Europe/Moscow)');
    // Thursday 09:00 in Moscow, in the admin's language and the account's zone.
    expect(status()).toMatch(/Next check: .*9:00/);
    rest = { kind: 'paused', until: Date.parse('2026-12-02T08:15:00Z') };
    await act(() => listeners.forEach((listener) => listener()));
    expect(status()).toContain('amoCRM asked for fewer requests');
    expect(root.textContent).toContain('“Deals without tasks”');
    expect(root.textContent).toContain('(30 min)');
  });
});
