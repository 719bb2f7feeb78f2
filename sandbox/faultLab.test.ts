// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAULT_CASES, faultMatches, faultMenu, faultResponse, readFaultRule } from './faultLab';

/**
 * The seed of the error catalog (src/inspector/catalog.seed.txt: amoCRM's error page word for word), read the way
 * src/inspector/catalog.test.ts reads it: each "code | [HTTP status |] text |" row, grouped under its section's
 * heading ("Ответы при ...", "Другие ответы"), with the HTTP status the row or its remark names.
 */
const seedSections = (): { code: string; text: string; status?: number }[][] => {
  const seed = readFileSync(new URL('../src/inspector/catalog.seed.txt', import.meta.url), 'utf8');
  const sections: { code: string; text: string; status?: number }[][] = [];
  for (const line of seed.split('\n')) {
    if (/^(Ответы при|Другие ответы)/.test(line)) sections.push([]);
    const row = /^(\d+) \| (?:(\d{3}) [^|]+\| )?([^|]+) \|(.*)$/.exec(line);
    if (!row) continue;
    const status = row[2] ?? /HTTP код №(\d{3})/.exec(row[4] ?? '')?.[1];
    sections
      .at(-1)
      ?.push({ code: row[1] ?? '', text: (row[3] ?? '').trim(), ...(status ? { status: Number(status) } : {}) });
  }
  return sections;
};

/** The lab's catalog cases, group by group in the lab's order, as the host's lab page lists them. */
const labSections = () => {
  const groups = new Map<string, (typeof FAULT_CASES)[number][]>();
  for (const f of FAULT_CASES.filter((c) => c.group.startsWith('catalog: ')))
    groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  return [...groups.values()];
};

const answer = (fault: (typeof FAULT_CASES)[number]) => {
  const response = fault.respond(1);
  if (response === 'offline') throw new Error(`${fault.id} is offline`);
  return response;
};

describe('fault lab', () => {
  it('has one case per code of the catalog seed, section by section, in its order', () => {
    const codes = (rows: { code: string }[]) => rows.map((r) => r.code);
    expect(labSections().map((cases) => cases.map((f) => f.id.split('-').pop()))).toEqual(seedSections().map(codes));
  });

  it("answers each catalog case with the seed's text and HTTP status", () => {
    const seed = seedSections().flat();
    const lab = labSections().flat();
    expect(lab).toHaveLength(40);
    lab.forEach((fault, i) => {
      const row = seed[i];
      const response = answer(fault);
      if (row?.status !== undefined) expect([fault.id, response.status]).toEqual([fault.id, row.status]);
      if (response.status === 204) return;
      const body = JSON.parse(response.body) as { response: { error_code: unknown; error: string } };
      expect(body.response).toMatchObject({ error_code: row?.code, error: row?.text });
    });
  });

  it.each([
    'code-tasks-244',
    'code-other-2002',
    'code-catalog-elements-203',
    'code-auth-110',
    'legacy-110',
    'v4-problem-500-10',
  ])('keeps the case id %s that the e2e tests and docs use', (id) => {
    expect(FAULT_CASES.map((f) => f.id)).toContain(id);
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
