import { describe, expect, it } from 'vitest';
import { classify, sectionOf, type FailureInput } from './classify';

const v4 = 'https://demo.amocrm.ru/api/v4';
const json = { 'content-type': 'application/json' };

const cases: [string, FailureInput, Record<string, unknown>][] = [
  [
    'v4 validation errors, one row per error',
    {
      url: `${v4}/leads`,
      method: 'POST',
      status: 400,
      headers: json,
      body: JSON.stringify({
        'validation-errors': [
          {
            request_id: '0',
            errors: [
              {
                code: 'NotSupportedChoice',
                path: 'custom_fields_values.0.field_id',
                detail: 'The value you selected is not a valid choice.',
              },
              { code: 'InvalidType', path: 'price', detail: 'This value should be of type int.' },
            ],
          },
          { request_id: '1', errors: [{ code: 'FieldMissing', path: 'name', detail: 'This field is missing.' }] },
        ],
        title: 'Bad Request',
        type: 'https://httpstatus.es/400',
        status: 400,
        detail: 'Request validation failed',
      }),
    },
    {
      shape: 'validation',
      section: 'deals',
      code: 'NotSupportedChoice',
      detail: 'Request validation failed',
      rows: [
        {
          code: 'NotSupportedChoice',
          path: 'custom_fields_values.0.field_id',
          detail: 'The value you selected is not a valid choice.',
        },
        { code: 'InvalidType', path: 'price', detail: 'This value should be of type int.' },
        { code: 'FieldMissing', path: 'name', detail: 'This field is missing.' },
      ],
    },
  ],
  [
    'v4 problem with retry_after',
    {
      url: `${v4}/tasks`,
      method: 'GET',
      status: 429,
      headers: json,
      body: '{"title":"Too Many Requests","type":"https://httpstatus.es/429","status":429,"detail":"Too many requests","retry_after":300}',
    },
    { shape: 'problem', section: 'tasks', code: '', retryAfter: 300, title: 'Too Many Requests' },
  ],
  [
    'v4 500 with trace_id',
    {
      url: `${v4}/contacts`,
      method: 'GET',
      status: 500,
      body: '{"title":"ErrInternalServer","type":"https://httpstatus.es/500","status":500,"detail":"Internal error","trace_id":"abc-123"}',
    },
    { shape: 'problem', section: 'contacts', title: 'ErrInternalServer', traceId: 'abc-123' },
  ],
  [
    'X-Request-Id header',
    {
      url: `${v4}/leads`,
      method: 'GET',
      status: 404,
      headers: { 'X-Request-Id': 'req-9' },
      body: '{"title":"Not Found","status":404,"detail":"Cannot GET /api/v4/leadz"}',
    },
    { shape: 'problem', traceId: 'req-9' },
  ],
  [
    '"Код ошибки 205" inside a detail',
    {
      url: `${v4}/contacts`,
      method: 'POST',
      status: 400,
      body: '{"title":"Bad Request","type":"https://httpstatus.es/400","status":400,"detail":"Код ошибки 205. В случае повторного возникновения ошибки, обращайтесь в нашу техническую поддержку"}',
    },
    { shape: 'problem', code: '205', section: 'contacts', hint: 'contacts_limit' },
  ],
  [
    'legacy response.error_code, a string',
    {
      url: 'https://demo.amocrm.ru/private/api/auth.php?type=json',
      method: 'POST',
      status: 401,
      body: '{"response":{"error":"Неверный логин или пароль","error_code":"110","ip":"1.2.3.4","domain":"demo.amocrm.ru","server_time":1700000000}}',
    },
    { shape: 'legacy', code: '110', section: 'auth', detail: 'Неверный логин или пароль' },
  ],
  [
    'legacy ajax error_code',
    {
      url: 'https://demo.amocrm.ru/ajax/v1/notes/set',
      method: 'POST',
      status: 400,
      body: '{"response":{"error":"Пустой запрос","error_code":"222"}}',
    },
    { shape: 'legacy', code: '222', section: 'events' },
  ],
  [
    'errors inside an HTTP 200 batch answer',
    {
      url: 'https://demo.amocrm.ru/api/v2/leads',
      method: 'POST',
      status: 200,
      body: '{"_embedded":{"items":[{"id":1}],"errors":{"add":[{"code":213,"message":"Добавление сделок: пустой массив"}],"update":{"77":"Lead not found"}}}}',
    },
    {
      shape: 'batch',
      failure: true,
      code: '213',
      rows: [
        { code: '213', path: 'add.0', detail: 'Добавление сделок: пустой массив' },
        { code: '', path: 'update.77', detail: 'Lead not found' },
      ],
    },
  ],
  [
    'a batch answer without errors is no failure',
    {
      url: 'https://demo.amocrm.ru/api/v2/leads',
      method: 'POST',
      status: 200,
      body: '{"_embedded":{"items":[{"id":1}],"errors":{}}}',
    },
    { shape: 'batch', failure: false, rows: [] },
  ],
  [
    'OAuth problem',
    {
      url: 'https://demo.amocrm.ru/oauth2/access_token',
      method: 'POST',
      status: 401,
      body: '{"hint":"Token has been revoked","title":"Unauthorized","type":"https://developers.amocrm.ru/v3/errors/OAuthProblemJson","status":401,"detail":"The refresh token is invalid."}',
    },
    { shape: 'oauth', section: 'auth', detail: 'Token has been revoked — The refresh token is invalid.' },
  ],
  [
    'chats API',
    {
      url: 'https://amojo.amocrm.ru/v2/origin/custom/abc/chats',
      method: 'POST',
      status: 403,
      body: '{"status":0,"error_code":403,"error_type":"ORIGIN_INVALID_SIGNATURE","error_description":"Invalid signature"}',
    },
    { shape: 'chats', code: 'ORIGIN_INVALID_SIGNATURE', detail: 'Invalid signature' },
  ],
  [
    'nginx 403 when the IP is blocked',
    {
      url: `${v4}/leads`,
      method: 'GET',
      status: 403,
      headers: { 'content-type': 'text/html' },
      body: '<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>nginx</center></body></html>',
    },
    { shape: 'html', title: '403 Forbidden', hint: 'ip_forbidden' },
  ],
  [
    'proxy 502 page',
    {
      url: `${v4}/leads`,
      method: 'GET',
      status: 502,
      body: '<!DOCTYPE html><html><head><title>502 Bad Gateway &amp; more</title></head></html>',
    },
    { shape: 'html', title: '502 Bad Gateway & more', failure: true },
  ],
  [
    'a 200 HTML page on an API path (login page)',
    {
      url: `${v4}/leads`,
      method: 'GET',
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<html><title>Вход</title></html>',
    },
    { shape: 'html', failure: true, title: 'Вход' },
  ],
  [
    'empty 405',
    { url: `${v4}/leads`, method: 'PUT', status: 405, body: '' },
    { shape: 'empty', status: 405, failure: true },
  ],
  [
    'non-JSON 429 with Retry-After',
    { url: `${v4}/leads`, method: 'GET', status: 429, headers: { 'Retry-After': '3' }, body: 'Too Many Requests' },
    { shape: 'text', retryAfter: 3, detail: 'Too Many Requests' },
  ],
  [
    'network error',
    { url: `${v4}/leads`, method: 'GET', status: 0, body: '', outcome: 'network' },
    { shape: 'network', failure: true },
  ],
  [
    'timeout',
    { url: `${v4}/leads`, method: 'GET', status: 0, body: '', outcome: 'timeout' },
    { shape: 'timeout', failure: true },
  ],
  [
    'Admin access only',
    {
      url: `${v4}/account`,
      method: 'GET',
      status: 403,
      body: '{"title":"Forbidden","status":403,"detail":"Admin access only. Please perform the integration under Administrator account to get full api access to account demo."}',
    },
    { shape: 'problem', hint: 'admin_only', section: 'account' },
  ],
  [
    'Subscription has ended',
    {
      url: `${v4}/leads`,
      method: 'GET',
      status: 402,
      body: '{"title":"Payment Required","status":402,"detail":"Subscription has ended. It is necessary to pay for the functional"}',
    },
    { shape: 'problem', hint: 'subscription' },
  ],
  [
    'a failed import',
    { url: 'https://demo.amocrm.ru/ajax/import/upload', method: 'POST', status: 400, body: '{"error":"bad file"}' },
    { shape: 'text', hint: 'import', detail: 'bad file' },
  ],
  [
    'broken JSON stays text',
    { url: `${v4}/leads`, method: 'GET', status: 500, body: '{"title": "unterminated' },
    { shape: 'text', detail: '{"title": "unterminated' },
  ],
];

describe('classify', () => {
  it.each(cases)('reads %s', (_name, input, expected) => {
    expect(classify(input)).toMatchObject(expected);
  });

  it.each([
    ['/api/v4/leads/5/notes', 'events'],
    ['/api/v4/events', 'events'],
    ['/api/v4/leads', 'deals'],
    ['/api/v4/contacts?query=x', 'contacts'],
    ['/api/v4/companies/3', 'contacts'],
    ['/api/v4/tasks', 'tasks'],
    ['/api/v4/catalogs/12/elements', 'elements'],
    ['/api/v4/catalogs', 'lists'],
    ['/api/v4/customers/1', 'customers'],
    ['/api/v4/account', 'account'],
    ['/private/api/auth.php', 'auth'],
    ['/oauth2/access_token', 'auth'],
    ['/api/v4/users', undefined],
  ])('puts %s in section %s', (path, section) => {
    expect(sectionOf(`https://demo.amocrm.ru${path}`)).toBe(section);
  });
});
