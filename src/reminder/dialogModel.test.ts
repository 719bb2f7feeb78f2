import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import { ApiError } from '../host/api';
import { createTranslate } from '../i18n';
import { DEFAULT_CONFIG, type Config } from './config';
import { dialogRules, failureOf, isQuietPage, type ViewState } from './dialogModel';
import type { FlaggedDeal } from './scan';

const NOW = Date.parse('2026-11-26T09:00:00Z');
const t = createTranslate(en);
const deal = { id: 1 } as FlaggedDeal;

const state = (patch: Partial<ViewState> = {}): ViewState => ({
  deals: [deal],
  failure: undefined,
  working: true,
  area: 'leads-pipeline',
  pagePath: '/leads/pipeline/1/',
  settingsOpen: false,
  now: NOW,
  checkedAt: NOW,
  hiddenUntil: 0,
  snooze: { day: '2026-11-26', count: 0, until: 0 },
  ...patch,
});

const gentle: Config = { ...DEFAULT_CONFIG, mode: 'gentle', maxSnoozes: 3 };
const strict: Config = { ...DEFAULT_CONFIG, mode: 'strict' };

describe('dialogRules: when the dialog shows', () => {
  it.each<[string, Partial<ViewState>]>([
    ['no deals', { deals: [] }],
    ['off hours', { working: false }],
    ['the settings modal is open', { settingsOpen: true }],
    ['a quiet page', { area: 'widgetsSettings' }],
    ['snoozed', { snooze: { day: '2026-11-26', count: 1, until: NOW + 1 } }],
    ['closed after a failed check', { hiddenUntil: NOW + 1 }],
  ])('not with %s', (_case, patch) => {
    expect(dialogRules(state(patch), gentle, t)).toBeUndefined();
  });

  it('once the snooze is over', () => {
    expect(dialogRules(state({ snooze: { day: '2026-11-26', count: 1, until: NOW } }), gentle, t)).toBeDefined();
  });
});

describe('dialogRules: what it allows', () => {
  it.each<[string, Config, Partial<ViewState>, boolean, number | undefined, boolean]>([
    // [case, policy, state, can close, snoozes left, notice]
    ['gentle, snoozes left', gentle, {}, true, 3, false],
    ['gentle, one left', gentle, { snooze: { day: 'd', count: 2, until: 0 } }, true, 1, false],
    ['gentle, none left', gentle, { snooze: { day: 'd', count: 3, until: 0 } }, false, 0, false],
    ['strict', strict, {}, false, undefined, false],
    ['strict after a failed check', strict, { failure: 'offline' }, true, undefined, true],
    [
      'gentle, none left, after a failed check',
      gentle,
      { failure: 'blocked', snooze: { day: 'd', count: 3, until: 0 } },
      true,
      0,
      true,
    ],
  ])('%s', (_case, config, patch, canClose, snoozesLeft, notice) => {
    const rules = dialogRules(state(patch), config, t);
    expect(rules?.canClose).toBe(canClose);
    expect(rules?.snoozesLeft).toBe(snoozesLeft);
    expect(rules?.notice !== undefined).toBe(notice);
  });

  it('says what the failed check ran into', () => {
    expect(dialogRules(state({ failure: 'offline' }), strict, t)?.notice).toBe(en.reminder.notice.offline);
  });

  it('offers the emergency dismiss when the policy allows it', () => {
    expect(dialogRules(state(), { ...strict, emergencyDismiss: true }, t)?.emergency).toBe(true);
    expect(dialogRules(state(), strict, t)?.emergency).toBe(false);
  });
});

describe('isQuietPage', () => {
  it.each([
    ['widgetsSettings', '', true],
    ['settings_users', '', true],
    ['advanced-settings:task_guard', '', true],
    ['leads_card', '', true],
    ['users', '/settings/users/', true],
    ['leads-pipeline', '/leads/pipeline/1/', false],
  ])('%s %s: %s', (area, path, quiet) => {
    expect(isQuietPage(area, path)).toBe(quiet);
  });
});

describe('failureOf', () => {
  it.each([
    [new ApiError({ kind: 'blocked', until: NOW }, 'GET', '/api/v4/leads'), 'blocked'],
    [new ApiError({ kind: 'network', message: 'offline' }, 'GET', '/api/v4/leads'), 'offline'],
    [new ApiError({ kind: 'http', status: 500, body: '' }, 'GET', '/api/v4/leads'), 'failed'],
    [new Error('anything else'), 'failed'],
  ])('%s: %s', (error, failure) => {
    expect(failureOf(error)).toBe(failure);
  });
});
