import { NGINX_403, NGINX_502, empty, html, json, problem, validationErrors, type ApiResponse } from './http';

/**
 * One canned failure of the fault lab, at a path the error's section can be derived from. The host's fault lab fires
 * it through fetch, XMLHttpRequest and jQuery; the server answers any request carrying `?__fault=<id>` with it.
 */
export interface FaultCase {
  id: string;
  /** Which group of the lab it belongs to: a body shape (1..8) or a catalog section. */
  group: string;
  label: string;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  /** `offline`: the server destroys the socket instead of answering. */
  respond: (now: number) => ApiResponse | 'offline';
}

/** The legacy (API v2, `/private/api`) error body: `{response: {error, error_code, ...}}`, the code as a string. */
export const legacy = (status: number, code: string, text: string) => (now: number) =>
  json(
    status,
    { response: { error: text, error_code: code, ip: '127.0.0.1', domain: 'demo.amocrm.ru', server_time: now } },
    { 'content-type': 'application/json' },
  );

const htmlPage = (status: number, title: string) =>
  html(status, `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`);

/** One case per body shape amoCRM answers failures with (docs/error-bodies.md), plus a network error. */
export const SHAPES: readonly FaultCase[] = [
  {
    id: 'v4-validation',
    group: '1 validation',
    label: '400 validation-errors (NotSupportedChoice)',
    method: 'POST',
    path: '/api/v4/leads',
    respond: () =>
      validationErrors([
        {
          requestId: '0',
          errors: [
            {
              code: 'NotSupportedChoice',
              path: 'custom_fields_values.0.field_id',
              detail: 'The value you selected is not a valid choice.',
            },
          ],
        },
      ]),
  },
  {
    id: 'v4-validation-task',
    group: '1 validation',
    label: '400 validation-errors (FieldMissing, InvalidType)',
    method: 'POST',
    path: '/api/v4/tasks',
    respond: () =>
      validationErrors([
        {
          requestId: '0',
          errors: [
            { code: 'FieldMissing', path: 'text', detail: 'This field is missing.' },
            { code: 'InvalidType', path: 'complete_till', detail: 'This value should be of type int.' },
          ],
        },
      ]),
  },
  ...(
    [
      [401, 'Unauthorized', 'Invalid user name or password', '/api/v4/account', {}],
      [402, 'Payment Required', 'Payment required', '/api/v4/leads', {}],
      [
        402,
        'Payment Required',
        'Subscription has ended. It is necessary to pay for the functional',
        '/api/v4/leads',
        {},
      ],
      [403, 'Forbidden', 'Invalid scope', '/api/v4/leads', {}],
      [
        403,
        'Forbidden',
        'Admin access only. Please perform the integration under Administrator account',
        '/api/v4/users',
        {},
      ],
      [400, 'Bad Request', 'Код ошибки 205. Превышен лимит контактов и компаний', '/api/v4/contacts', {}],
      [404, 'Not Found', 'Cannot GET /api/v4/leads/999999999', '/api/v4/leads/999999999', {}],
      [405, 'Method Not Allowed', 'Method Not Allowed', '/api/v4/leads/pipelines', {}],
      [422, 'Unprocessable Entity', 'Limit 250 per page', '/api/v4/leads', {}],
      [429, 'Too Many Requests', 'Too Many Requests', '/api/v4/leads', { retry_after: 300 }],
      [
        500,
        'ErrInternalServer',
        'Internal server error',
        '/api/v4/tasks',
        { trace_id: 'b1946ac92492d2347c6235b4d2611184' },
      ],
    ] as const
  ).map(([status, title, detail, path, extra], i): FaultCase => ({
    id: `v4-problem-${status}-${i}`,
    group: '2 problem+json',
    label: `${status} ${detail}`,
    method: 'GET',
    path,
    respond: () =>
      problem(status, title, detail, extra, {
        'x-request-id': `sandbox-${status}-${i}`,
        ...(status === 429 ? { 'retry-after': '300' } : {}),
      }),
  })),
  {
    id: 'legacy-110',
    group: '3 legacy v2',
    label: 'v2 error_code "110" (string)',
    method: 'GET',
    path: '/private/api/v2/json/accounts/current',
    respond: legacy(401, '110', 'Неверный логин или пароль'),
  },
  {
    id: 'legacy-ajax-222',
    group: '3 legacy v2',
    label: 'legacy /ajax/v1 error_code "222"',
    method: 'POST',
    path: '/ajax/v1/catalogs/set',
    respond: legacy(400, '222', 'Не указан идентификатор каталога'),
  },
  {
    id: 'batch-200',
    group: '4 batch errors in 200',
    label: '200 with _embedded.errors.add / update',
    method: 'POST',
    path: '/api/v2/leads',
    respond: () =>
      json(200, {
        _links: { self: { href: '/api/v2/leads', method: 'post' } },
        _embedded: {
          items: [],
          errors: {
            add: [
              {
                code: '330',
                message: 'Добавление/Обновление сделок: количество привязанных контактов слишком большое',
              },
            ],
            update: { '10000001': 'Last modified date is older than in database' },
          },
        },
      }),
  },
  {
    id: 'oauth-revoked',
    group: '5 oauth',
    label: 'OAuth: Token has been revoked',
    method: 'POST',
    path: '/oauth2/access_token',
    respond: () =>
      json(
        401,
        {
          hint: 'Token has been revoked',
          title: 'Unauthorized',
          type: 'https://developers.amocrm.ru/v3/errors/OAuthProblemJson',
          status: 401,
          detail: 'The resource owner or authorization server denied the request.',
        },
        { 'content-type': 'application/problem+json' },
      ),
  },
  {
    id: 'chats-signature',
    group: '6 chats',
    label: 'Chats API: ORIGIN_INVALID_SIGNATURE',
    method: 'POST',
    path: '/v2/origin/custom/8d4c4a7e-0d2c-4b0a-9a36-sandbox/connect',
    respond: () =>
      json(
        403,
        {
          status: 0,
          error_code: 403,
          error_type: 'ORIGIN_INVALID_SIGNATURE',
          error_description: 'Signature is invalid',
        },
        { 'content-type': 'application/json' },
      ),
  },
  {
    id: 'html-403',
    group: '7 html',
    label: 'nginx 403 Forbidden (IP blocked)',
    method: 'GET',
    path: '/api/v4/leads',
    respond: () => html(403, NGINX_403),
  },
  {
    id: 'html-404',
    group: '7 html',
    label: 'amoCRM HTML 404 page',
    method: 'GET',
    path: '/api/v4/leads/unknown',
    respond: () => htmlPage(404, 'Страница не найдена — amoCRM'),
  },
  {
    id: 'html-502',
    group: '7 html',
    label: 'proxy 502 Bad Gateway',
    method: 'GET',
    path: '/api/v4/tasks',
    respond: () => html(502, NGINX_502),
  },
  {
    id: 'html-503',
    group: '7 html',
    label: 'proxy 503 Service Unavailable',
    method: 'GET',
    path: '/api/v4/tasks',
    respond: () => htmlPage(503, '503 Service Temporarily Unavailable'),
  },
  {
    id: 'html-504',
    group: '7 html',
    label: 'proxy 504 Gateway Time-out',
    method: 'GET',
    path: '/api/v4/leads',
    respond: () => htmlPage(504, '504 Gateway Time-out'),
  },
  {
    id: 'html-200-login',
    group: '7 html',
    label: '200 text/html login page on /api/',
    method: 'GET',
    path: '/api/v4/leads',
    respond: () => htmlPage(200, 'Вход — amoCRM'),
  },
  {
    id: 'empty-204',
    group: '8 empty',
    label: '204 No Content (nothing found)',
    method: 'GET',
    path: '/api/v4/leads',
    respond: () => empty(204),
  },
  {
    id: 'empty-405',
    group: '8 empty',
    label: '405 with an empty body',
    method: 'PATCH',
    path: '/api/v4/account',
    respond: () => empty(405),
  },
  {
    id: 'text-429',
    group: '8 empty',
    label: '429 plain text + Retry-After',
    method: 'GET',
    path: '/api/v4/leads',
    respond: () => ({
      status: 429,
      headers: { 'content-type': 'text/plain', 'retry-after': '5' },
      body: 'Too Many Requests',
    }),
  },
  {
    id: 'offline',
    group: '9 network',
    label: 'network error (socket closed)',
    method: 'GET',
    path: '/api/v4/leads',
    respond: () => 'offline',
  },
];
