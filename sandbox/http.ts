import type { Query } from './query';

/** One API call as the pure handlers see it: no sockets, the session's user already resolved. */
export interface ApiRequest {
  method: string;
  /** Path without the query, e.g. `/api/v4/leads`. */
  path: string;
  query: Query;
  /** The raw query string without `?`, kept to build HAL `_links`. */
  search: string;
  /** The parsed JSON body; `undefined` when there was none, the raw text when it was not JSON. */
  body: unknown;
  userId: number;
  /** Origin used to build HAL `_links` (e.g. `http://127.0.0.1:8765`). */
  origin: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): ApiResponse => ({
  status,
  headers: { 'content-type': 'application/hal+json', ...headers },
  body: JSON.stringify(value),
});

/** amoCRM's problem+json: `{title, type: https://httpstatus.es/<status>, status, detail, ...extra}`. */
export const problem = (
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): ApiResponse => ({
  status,
  headers: { 'content-type': 'application/problem+json', ...headers },
  body: JSON.stringify({ title, type: `https://httpstatus.es/${status}`, status, detail, ...extra }),
});

/** 204 No Content with an EMPTY body, as amoCRM answers a list call that found nothing. */
export const empty = (status = 204): ApiResponse => ({ status, headers: {}, body: '' });

export const html = (status: number, text: string, headers: Record<string, string> = {}): ApiResponse => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
  body: text,
});

export interface ValidationError {
  code: string;
  path: string;
  detail: string;
}

/** amoCRM's v4 validation failure, HTTP 400, exactly as documented (one entry per request item with errors). */
export const validationErrors = (items: { requestId: string; errors: ValidationError[] }[]): ApiResponse =>
  json(
    400,
    {
      'validation-errors': items.map((item) => ({ request_id: item.requestId, errors: item.errors })),
      title: 'Bad Request',
      type: 'https://httpstatus.es/400',
      status: 400,
      detail: 'Request validation failed',
    },
    { 'content-type': 'application/problem+json' },
  );

export const FIELD_MISSING = (path: string): ValidationError => ({
  code: 'FieldMissing',
  path,
  detail: 'This field is missing.',
});
export const INVALID_TYPE = (path: string, type: 'int' | 'string' | 'bool' | 'array'): ValidationError => ({
  code: 'InvalidType',
  path,
  detail: `This value should be of type ${type}.`,
});
export const NOT_SUPPORTED = (path: string): ValidationError => ({
  code: 'NotSupportedChoice',
  path,
  detail: 'The value you selected is not a valid choice.',
});

/** nginx's page for a blocked client, served on API paths after repeated rate-limit excess. */
export const NGINX_403 =
  '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
export const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
