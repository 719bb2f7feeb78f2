import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import type { Captured } from '../host/network/captured';
import type { TrafficRow } from '../host/network/traffic';
import { createTranslate } from '../i18n';
import { toEntry } from './entry';
import { InspectorPage } from './Inspector';
import { createStore } from './store';
import { byRole, allByRole } from './testing/queries';

const t = createTranslate(en);
const SYNC = { kind: 'widget', code: 'lead_sync', name: 'Lead Sync' } as const;
const NOW = Date.parse('2026-12-01T10:00:00Z');

const captured = (over: Partial<Captured>): Captured => ({
  source: 'fetch',
  outcome: 'http',
  method: 'GET',
  url: 'https://demo.amocrm.ru/api/v4/leads',
  status: 429,
  statusText: 'Too Many Requests',
  headers: { 'retry-after': '1' },
  body: '{"title":"Too Many Requests","status":429,"detail":"Too Many Requests"}',
  truncated: false,
  at: NOW - 1000,
  ...over,
});

const rows: TrafficRow[] = [
  {
    key: 'widget:lead_sync',
    caller: SYNC,
    calls1m: 40,
    failures1m: 3,
    calls5m: 40,
    failures5m: 3,
    peak: 10,
    level: 'over',
  },
  { key: 'page', caller: { kind: 'page' }, calls1m: 6, failures1m: 1, calls5m: 9, failures5m: 1, peak: 2, level: 'ok' },
];

const draw = (list: Captured[]) => {
  const store = createStore();
  for (const c of list) {
    const entry = toEntry(c);
    if (entry) store.add(entry);
  }
  const copies: string[] = [];
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(
    <InspectorPage
      store={store}
      t={t}
      language="en"
      timezone="UTC"
      subdomain="demo"
      version="0.2.0"
      copy={async (text) => {
        copies.push(text);
        return true;
      }}
      tripped={() => false}
      now={() => NOW}
      traffic={() => rows}
    />,
    root,
  );
  return { root, copies };
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const cards = (root: ParentNode) => allByRole(byRole(root, 'list', 'Recent failures'), 'listitem');

afterEach(() => {
  render(null, document.body);
  document.body.innerHTML = '';
});

describe('the panel names who sent each failed call', () => {
  it('names the widget behind a 429, sends the admin to its settings and to the traffic view', async () => {
    const { root } = draw([captured({ caller: SYNC })]);
    const [card] = cards(root);
    expect(card?.textContent).toContain('Sent by: Lead Sync (lead_sync)');
    expect(card?.textContent).toContain('The widget “Lead Sync” (lead_sync) sends the most requests');
    // Switching every widget off is the last resort, after the named widget.
    expect(card?.textContent).toMatch(/Lead Sync.*Settings → Integrations.*last resort/s);
    expect(byRole(card as Element, 'link', 'Open Settings → Integrations').getAttribute('href')).toBe(
      '/settings/widgets/',
    );
    byRole(card as Element, 'button', 'Who sends the requests: traffic by source').click();
    await tick();
    expect(byRole(root, 'tab', 'Traffic by source').getAttribute('aria-selected')).toBe('true');
    const table = byRole(root, 'table');
    const firstRow = table.querySelector('tbody tr');
    expect(firstRow?.textContent).toContain('Lead Sync (lead_sync)');
    expect(firstRow?.textContent).toContain('over the limit');
    expect(byRole(root, 'alert').textContent).toBe(
      'Lead Sync (lead_sync) is over the limit: 10 requests a second where 7 are allowed.',
    );
  });

  it('says the page itself sent a call, and keeps one group per caller', async () => {
    const { root } = draw([
      captured({ caller: { kind: 'page' }, status: 404, body: '', at: NOW - 3000 }),
      captured({ caller: SYNC, status: 404, body: '', at: NOW - 2000 }),
    ]);
    const texts = cards(root).map((card) => card.textContent ?? '');
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('Sent by: Lead Sync (lead_sync)');
    expect(texts[0]).toContain('Sent by the widget “Lead Sync” (lead_sync).');
    expect(texts[1]).toContain('Sent by: amoCRM (the page itself)');
    expect(texts[1]).toContain("Sent by amoCRM's own page, not by a widget.");
  });

  it('filters by the widget that sent the calls', async () => {
    const { root } = draw([
      captured({ caller: { kind: 'page' }, status: 500, body: '' }),
      captured({ caller: SYNC, status: 502, body: '', url: 'https://demo.amocrm.ru/api/v4/tasks' }),
    ]);
    const filter = byRole(root, 'combobox', 'Sent by') as HTMLSelectElement;
    expect([...filter.options].map((o) => o.text)).toEqual([
      'All',
      'amoCRM (the page itself)',
      'Lead Sync (lead_sync)',
    ]);
    filter.value = 'widget:lead_sync';
    filter.dispatchEvent(new Event('change', { bubbles: true }));
    await tick();
    expect(cards(root).map((card) => card.textContent ?? '')).toEqual([expect.stringContaining('HTTP 502')]);
  });

  it('puts the widget code and name into the copied Markdown and JSON reports', async () => {
    const { root, copies } = draw([
      captured({ caller: SYNC }),
      captured({ caller: { kind: 'page' }, status: 500, body: '' }),
    ]);
    byRole(root, 'button', 'Copy report').click();
    byRole(root, 'button', 'Copy JSON').click();
    await tick();
    expect(copies[0]).toContain('- Sent by: Lead Sync (lead\\_sync)');
    expect(copies[0]).toContain('- Sent by: amoCRM (the page itself) (amocrm)');
    const json = JSON.parse(copies[1] ?? '{}') as { failures: { caller: unknown }[] };
    expect(json.failures.map((f) => f.caller)).toEqual([
      { code: 'amocrm', name: 'amoCRM (the page itself)' },
      { code: 'lead_sync', name: 'Lead Sync' },
    ]);
  });
});
