// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FAULT_CASES, faultMatches, faultMenu, faultResponse, readFaultRule } from './faultLab';

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

  it('targets a rule by method and exact path, for the next N calls only', () => {
    const rule = readFaultRule({ method: 'post', path: '/api/v4/tasks', status: 'rights', count: 2 });
    expect(rule).toMatchObject({ method: 'POST', path: '/api/v4/tasks', count: 2 });
    expect(faultMatches(rule, 'GET', '/api/v4/tasks')).toBe(false);
    expect(faultMatches(rule, 'POST', '/api/v4/tasks/5')).toBe(false);
    expect(faultMatches(rule, 'POST', '/api/v4/tasks/')).toBe(true);
    rule.count = 0;
    expect(faultMatches(rule, 'POST', '/api/v4/tasks')).toBe(false);
    const prefix = readFaultRule({ pathPrefix: '/api/v4/leads', status: 500 });
    expect(faultMatches(prefix, 'POST', '/api/v4/leads/notes')).toBe(true);
    expect(readFaultRule({ status: 'nonsense' }).status).toBeUndefined();
  });

  it('tells a rights refusal from the account block, as amoCRM words them', () => {
    const body = (status: Parameters<typeof faultResponse>[0]) => {
      const answer = faultResponse(status, 1);
      expect(answer.status).toBe(403);
      return answer.body;
    };
    expect(JSON.parse(body('rights'))).toMatchObject({ status: 403, detail: 'Недостаточно прав. Доступ запрещен.' });
    expect(JSON.parse(body('rights288'))).toMatchObject({ response: { error_code: '288' } });
    expect(JSON.parse(body('adminOnly')).detail).toContain('Admin access only');
    expect(JSON.parse(body('blocked')).response).toMatchObject({
      error_code: '403',
      error: 'Аккаунт заблокирован, за неоднократное превышение количества запросов в секунду',
    });
    expect(body('html403')).toContain('<center>nginx</center>');
  });
});
