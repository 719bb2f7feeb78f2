// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FAULT_CASES, faultMenu } from './faultLab';

/** The codes the seed lists per section (seeds/000_446e63a71bc62fc2.txt). */
const CATALOG: Record<string, string[]> = {
  auth: ['110', '111', '112', '113', '101'],
  contacts: ['202', '203', '205', '212', '219', '330'],
  deals: ['330'],
  events: ['244', '225'],
  tasks: ['231', '233', '234', '235', '236', '237', '244'],
  lists: ['244', '281', '282'],
  'catalog elements': ['203', '204', '244', '280', '282'],
  customers: ['288', '402', '425', '426'],
  other: ['400', '422', '405', '402', '403', '429', '2002'],
};

describe('fault lab', () => {
  it.each(Object.entries(CATALOG))('has every %s code', (section, codes) => {
    const ids = FAULT_CASES.filter((f) => f.group === `catalog: ${section}`).map((f) => f.id.split('-').pop());
    expect(ids).toEqual(codes);
  });

  it.each(
    FAULT_CASES.filter((f) => f.group.startsWith('catalog') && !f.id.endsWith('-2002')).map((f) => [f.id, f] as const),
  )('%s answers in the legacy shape with the code as a string', (_id, fault) => {
    const answer = fault.respond(1);
    if (answer === 'offline') throw new Error('unexpected');
    const body = JSON.parse(answer.body) as { response: { error_code: unknown; error: string } };
    expect(body.response.error_code).toBe(fault.id.split('-').pop());
    expect(body.response.error.length).toBeGreaterThan(5);
  });

  it('covers the eight body shapes and a network error', () => {
    const groups = new Set(FAULT_CASES.map((f) => f.group).filter((g) => !g.startsWith('catalog')));
    expect([...groups].map((g) => g[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('puts the fault id into each menu URL', () => {
    for (const item of faultMenu()) expect(item.url).toContain(`__fault=${item.id}`);
  });
});
