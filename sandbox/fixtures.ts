/** Test helper: builds the ApiRequest a pure handler gets, from a method and a URL like `/api/v4/leads?page=2`. */
import type { ApiRequest, ApiResponse } from './http';
import { parseQuery } from './query';

export const NOW = 1_790_000_000;

export const apiRequest = (
  method: string,
  url: string,
  options: { body?: unknown; userId?: number } = {},
): ApiRequest => {
  const parsed = new URL(url, 'http://sandbox.test');
  return {
    method,
    path: parsed.pathname,
    query: parseQuery(parsed.search),
    search: parsed.search.replace(/^\?/, ''),
    body: options.body,
    userId: options.userId ?? 1,
    origin: 'http://sandbox.test',
  };
};

/** The JSON body of a response (throws on an empty one, so a test notices). */
export const bodyOf = <T = Record<string, unknown>>(response: ApiResponse): T => JSON.parse(response.body) as T;
