// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { numbers, parseQuery, pick } from './query';

describe('parseQuery', () => {
  it.each([
    ['filter[responsible_user_id]=5', { filter: { responsible_user_id: '5' } }],
    ['filter[id][]=1&filter[id][]=2', { filter: { id: ['1', '2'] } }],
    [
      'filter[statuses][0][pipeline_id]=7&filter[statuses][0][status_id]=8&filter[statuses][1][pipeline_id]=9',
      { filter: { statuses: { '0': { pipeline_id: '7', status_id: '8' }, '1': { pipeline_id: '9' } } } },
    ],
    ['order[updated_at]=desc&page=2', { order: { updated_at: 'desc' }, page: '2' }],
    ['with=contacts,task_types', { with: 'contacts,task_types' }],
  ])('reads %s the way PHP does', (search, expected) => {
    expect(parseQuery(search)).toEqual(expected);
  });

  it('reads numbers from a scalar, a comma list, a list and an indexed map', () => {
    const q = parseQuery('a=3&b=1,2&c[]=4&c[]=x&d[0]=5&d[1]=6');
    expect([numbers(q.a), numbers(q.b), numbers(q.c), numbers(q.d)]).toEqual([[3], [1, 2], [4], [5, 6]]);
    expect(pick(q, 'd', '1')).toBe('6');
  });
});
