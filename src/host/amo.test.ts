import { describe, expect, it } from 'vitest';
import { readContext, readManagers, readTaskTypes, type AmoApp, type AmoWidget } from './amo';

const widget = (settings: Record<string, unknown> = {}): AmoWidget =>
  ({
    callbacks: {} as AmoWidget['callbacks'],
    system: () => ({ area: 'ccard', amouser_id: '5', subdomain: 'sys' }),
    get_settings: () => ({ widget_code: 'task_guard', path: '/w', version: '1.2.3', ...settings }),
  }) as AmoWidget;

const app = (constants: Record<string, unknown>, extra: Partial<AmoApp> = {}): AmoApp => ({
  constant: (name) => constants[name],
  ...extra,
});

describe('readContext', () => {
  it('reads user, rights, account, managers, task types and area from APP', () => {
    const ctx = readContext(
      widget({ config: '{"mode":"strict"}' }),
      app(
        {
          user: { id: 7, name: 'Ольга' },
          user_rights: { is_admin: 'Y' },
          account: { id: 42, subdomain: 'demo', timezone: 'Europe/Moscow', currency: 'RUB' },
          managers: {
            7: { id: 7, title: 'Ольга', is_admin: 'Y', active: true },
            8: { id: '8', title: 'Пётр', active: 'N' },
          },
          task_types: { 1: { id: 1, option_name: 'Связаться' } },
        },
        { lang_id: 'en', getWidgetsArea: () => 'leads-pipeline' },
      ),
    );
    expect(ctx).toMatchObject({
      userId: 7,
      userName: 'Ольга',
      isAdmin: true,
      language: 'en',
      accountId: 42,
      timezone: 'Europe/Moscow',
      area: 'leads-pipeline',
      widgetCode: 'task_guard',
      version: '1.2.3',
      rawConfig: '{"mode":"strict"}',
    });
    expect(ctx.managers).toEqual([
      { id: 7, name: 'Ольга', isAdmin: true, active: true },
      { id: 8, name: 'Пётр', isAdmin: false, active: false },
    ]);
    expect(ctx.taskTypes).toEqual([{ id: 1, name: 'Связаться' }]);
  });

  it('never throws and falls back to safe values when APP is missing or its methods throw', () => {
    const throwing: AmoApp = {
      constant: () => {
        throw new Error('host bug');
      },
      getWidgetsArea: () => {
        throw new Error('host bug');
      },
    };
    const ctx = readContext(widget(), throwing);
    expect(ctx).toMatchObject({ userId: 5, isAdmin: false, language: 'ru', timezone: 'UTC', area: 'ccard' });
    expect(readContext({ callbacks: {} as AmoWidget['callbacks'] }, undefined).userId).toBe(0);
  });

  it('does not take a manager for an admin without the rights flag or the managers record saying so', () => {
    const ctx = readContext(widget(), app({ user: { id: 3 }, managers: { 3: { id: 3, is_admin: 'N' } } }));
    expect(ctx.isAdmin).toBe(false);
  });
});

describe('narrowing host lists', () => {
  it.each([
    [null, []],
    ['text', []],
    [[{ id: 0 }, { nope: 1 }, 5], []],
  ])('readManagers(%j) -> %j', (raw, expected) => {
    expect(readManagers(raw)).toEqual(expected);
  });

  it('readTaskTypes skips entries without a name', () => {
    expect(readTaskTypes([{ id: 1, name: 'Call' }, { id: 2 }])).toEqual([{ id: 1, name: 'Call' }]);
  });
});
