import { empty, json, problem, type ApiRequest, type ApiResponse } from '../http';
import { numberOf } from '../query';

export const MAX_LIMIT = 250;
const DEFAULT_LIMIT = 50;

const link = (req: ApiRequest, page: number, limit: number): { href: string } => {
  const params = new URLSearchParams(req.search);
  params.set('page', String(page));
  params.set('limit', String(limit));
  return { href: `${req.origin}${req.path}?${params.toString()}` };
};

/**
 * Reads `page` and `limit`; a limit over the list's cap (250 for most lists, 100 for events) is amoCRM's 422
 * "Limit 250 per page".
 */
export const readPaging = (req: ApiRequest, maxLimit = MAX_LIMIT): { page: number; limit: number } | ApiResponse => {
  const limit = numberOf(typeof req.query.limit === 'string' ? req.query.limit : undefined) ?? DEFAULT_LIMIT;
  const page = Math.max(1, Math.floor(numberOf(typeof req.query.page === 'string' ? req.query.page : undefined) ?? 1));
  if (limit > maxLimit) return problem(422, 'Unprocessable Entity', `Limit ${maxLimit} per page`);
  return { page, limit: Math.max(1, Math.floor(limit)) };
};

/**
 * One HAL page of `items`: `_page`, `_links.self/next/first/prev`, `_embedded[name]`; HTTP 204 with an empty body
 * when the page is empty (amoCRM gives no total count: clients follow `_links.next`).
 */
export const halPage = <T>(
  req: ApiRequest,
  name: string,
  items: readonly T[],
  render: (item: T) => unknown,
  maxLimit = MAX_LIMIT,
): ApiResponse => {
  const paging = readPaging(req, maxLimit);
  if ('status' in paging) return paging;
  const { page, limit } = paging;
  const slice = items.slice((page - 1) * limit, page * limit);
  if (slice.length === 0) return empty();
  const links: Record<string, { href: string }> = { self: link(req, page, limit) };
  if (page * limit < items.length) links.next = link(req, page + 1, limit);
  if (page > 1) {
    links.first = link(req, 1, limit);
    links.prev = link(req, page - 1, limit);
  }
  return json(200, { _page: page, _links: links, _embedded: { [name]: slice.map(render) } });
};
