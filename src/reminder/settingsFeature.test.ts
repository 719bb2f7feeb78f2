import { describe, expect, it } from 'vitest';
import { completeSave } from './settingsFeature';

const STRICT = '{"mode":"strict"}';
const EDITED = '{"mode":"gentle"}';

describe('completeSave: what the host saves in fields.config', () => {
  it.each([
    // [case, form, active, expected answer, expected fields.config]
    [
      'a readable policy, untouched: written back as read',
      { seeded: STRICT, raw: { mode: 'strict' } },
      true,
      true,
      STRICT,
    ],
    ['a readable policy, edited', { seeded: STRICT, raw: { mode: 'strict' }, edited: EDITED }, true, true, EDITED],
    [
      'nothing saved yet: the defaults the form shows',
      { seeded: '{"mode":"gentle"}', raw: undefined },
      true,
      true,
      '{"mode":"gentle"}',
    ],
    ['an unreadable policy, untouched: kept as it was', { seeded: undefined, raw: '{broken' }, true, true, '{broken'],
    [
      'an unreadable policy, edited, unconfirmed: refused',
      { seeded: undefined, raw: '{broken', edited: EDITED },
      true,
      false,
      undefined,
    ],
    [
      'an unreadable policy, edited and confirmed',
      { seeded: undefined, raw: '{broken', edited: EDITED, replace: true },
      true,
      true,
      EDITED,
    ],
    [
      'switching the widget off, whatever the form holds',
      { seeded: undefined, raw: '{broken', edited: EDITED },
      false,
      true,
      undefined,
    ],
  ])('%s', (_case, form, active, answer, config) => {
    const fields: Record<string, unknown> = {};
    const state = { edited: undefined, replace: false, ...form };
    expect(completeSave(state, { active, fields })).toBe(answer);
    expect(fields.config).toBe(config);
  });

  it('leaves the fields alone when the modal was never drawn', () => {
    const fields: Record<string, unknown> = { config: 'as the host had it' };
    expect(completeSave(undefined, { active: true, fields })).toBe(true);
    expect(fields.config).toBe('as the host had it');
  });
});
