import { describe, expect, it } from 'vitest';
import { readArea, readContext, readManagers, readTaskTypes, type AmoApp, type AmoWidget } from './amo';

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
          // The host's shape: the account's own types only, keyed key_<id>, named by `option`.
          task_types: { key_3: { id: '3', option: 'Письмо', color: null, icon_id: 5 } },
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
      widgetVersion: '0.1.0',
      rawConfig: '{"mode":"strict"}',
    });
    expect(ctx.managers).toEqual([
      { id: 7, name: 'Ольга', isAdmin: true, active: true },
      { id: 8, name: 'Пётр', isAdmin: false, active: false },
    ]);
    expect(ctx.taskTypes).toEqual([
      { id: 1, name: '' },
      { id: 2, name: '' },
      { id: 3, name: 'Письмо' },
    ]);
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
    // system().area speaks in short codes: ccard is a contact card.
    expect(ctx).toMatchObject({ userId: 5, isAdmin: false, language: 'ru', timezone: 'UTC', area: 'contacts_card' });
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

  const BUILT_IN = [
    { id: 1, name: '' },
    { id: 2, name: '' },
  ];

  it.each<[string, unknown, { id: number; name: string }[]]>([
    ['nothing: the built-in call and meeting', undefined, BUILT_IN],
    [
      "amoCRM's shape: key_<id> records named by option",
      {
        key_3: { id: '3', option: 'Письмо', color: '#aaa', icon_id: 1 },
        key_7: { id: 7, option: 'Отправить КП', color: null, icon_id: null },
      },
      [...BUILT_IN, { id: 3, name: 'Письмо' }, { id: 7, name: 'Отправить КП' }],
    ],
    [
      'other spellings of the name',
      [
        { id: 4, option_name: 'A' },
        { id: 5, name: 'B' },
      ],
      [...BUILT_IN, { id: 4, name: 'A' }, { id: 5, name: 'B' }],
    ],
    ['entries without a name or id are skipped', [{ id: 6 }, { option: 'x' }, 5], BUILT_IN],
    ['a list that repeats a built-in type does not offer it twice', [{ id: 1, option: 'Связаться' }], BUILT_IN],
  ])('readTaskTypes: %s', (_case, raw, expected) => {
    expect(readTaskTypes(raw)).toEqual(expected);
  });

  it.each([
    ['lcard', 'leads_card'],
    ['ccard', 'contacts_card'],
    ['comcard', 'companies_card'],
    ['llist', 'leads'],
    ['settings', 'settings'],
    ['advanced-settings', 'advanced-settings'],
    ['widgetsSettings', 'widgetsSettings'],
  ])('the system().area fallback maps the short code %s to %s', (short, long) => {
    const bare = { callbacks: {} as AmoWidget['callbacks'], system: () => ({ area: short }) };
    expect(readArea(bare, undefined)).toBe(long);
  });
});
