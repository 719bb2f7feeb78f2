import { NGINX_403, NGINX_502, empty, html, json, problem, validationErrors, type ApiResponse } from './http';

/**
 * Canned failures in every body shape amoCRM is known to answer with (amocrm-errors.md section 2) and for every
 * catalog code (seeds/000_446e63a71bc62fc2.txt), each at a path the error's section can be derived from. The host's
 * fault lab fires them through fetch, XMLHttpRequest and jQuery; the server answers any request carrying
 * `?__fault=<id>` with the canned response.
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

const legacy = (status: number, code: string, text: string) => (now: number) =>
  json(
    status,
    { response: { error: text, error_code: code, ip: '127.0.0.1', domain: 'demo.amocrm.ru', server_time: now } },
    { 'content-type': 'application/json' },
  );

const htmlPage = (status: number, title: string) =>
  html(status, `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`);

const SHAPES: FaultCase[] = [
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

/** Catalog sections with the path their section is derived from and the codes the seed lists. */
const SECTIONS: { section: string; path: string; codes: [code: string, status: number, text: string][] }[] = [
  {
    section: 'auth',
    path: '/private/api/auth.php',
    codes: [
      ['110', 401, 'Общая ошибка авторизации. Неправильный логин или пароль.'],
      [
        '111',
        401,
        'Возникает после нескольких неудачных попыток авторизации. В этом случае нужно авторизоваться в аккаунте через браузер, введя код капчи.',
      ],
      [
        '112',
        401,
        'Возникает, когда пользователь выключен в настройках аккаунта “Пользователи и права” или не состоит в аккаунте.',
      ],
      [
        '113',
        403,
        'Доступ к данному аккаунту запрещён с Вашего IP адреса. Возникает, когда в настройках безопасности аккаунта включена фильтрация доступа к API по “белому списку IP адресов”.',
      ],
      ['101', 401, 'Возникает в случае запроса к несуществующему аккаунту (субдомену).'],
    ],
  },
  {
    section: 'contacts',
    path: '/api/v4/contacts',
    codes: [
      ['202', 403, 'Добавление контактов: нет прав'],
      ['203', 400, 'Добавление контактов: системная ошибка при работе с дополнительными полями'],
      ['205', 400, 'Добавление контактов: контакт не создан'],
      ['212', 400, 'Обновление контактов: контакт не обновлён'],
      ['219', 400, 'Список контактов: ошибка поиска, повторите запрос позднее'],
      ['330', 400, 'Добавление/Обновление контактов: количество привязанных сделок слишком большое'],
    ],
  },
  {
    section: 'deals',
    path: '/api/v4/leads',
    codes: [['330', 400, 'Добавление/Обновление сделок: количество привязанных контактов слишком большое']],
  },
  {
    section: 'events',
    path: '/api/v4/events',
    codes: [
      ['244', 403, 'Добавление событий: недостаточно прав для добавления события'],
      ['225', 400, 'Обновление событий: события не найдены'],
    ],
  },
  {
    section: 'tasks',
    path: '/api/v4/tasks',
    codes: [
      ['231', 400, 'Обновление задач: задачи не найдены'],
      ['233', 400, 'Добавление событий: по данному ID элемента не найдены некоторые контакты'],
      ['234', 400, 'Добавление событий: по данному ID элемента не найдены некоторые сделки'],
      ['235', 400, 'Добавление задач: не указан тип элемента'],
      ['236', 400, 'Добавление задач: по данному ID элемента не найдены некоторые контакты'],
      ['237', 400, 'Добавление задач: по данному ID элемента не найдены некоторые сделки'],
      ['244', 403, 'Добавление сделок: нет прав.'],
    ],
  },
  {
    section: 'lists',
    path: '/api/v4/catalogs',
    codes: [
      ['244', 403, 'Добавление/Обновление/Удаление каталогов: нет прав.'],
      ['281', 400, 'Каталог не удален: внутренняя ошибка'],
      ['282', 400, 'Каталог не найден в аккаунте.'],
    ],
  },
  {
    section: 'catalog elements',
    path: '/api/v4/catalogs/1001/elements',
    codes: [
      ['203', 400, 'Добавление/Обновление элементов каталога: системная ошибка при работе с дополнительными полями'],
      ['204', 400, 'Добавление/Обновление элементов каталога: дополнительное поле не найдено'],
      ['244', 403, 'Добавление/Обновление/Удаление элементов каталога: нет прав.'],
      ['280', 400, 'Добавление элементов каталога: элемент создан.'],
      ['282', 400, 'Элемент не найден в аккаунте.'],
    ],
  },
  {
    section: 'customers',
    path: '/api/v4/customers',
    codes: [
      ['288', 403, 'Недостаточно прав. Доступ запрещен.'],
      ['402', 402, 'Необходимо оплатить функционал'],
      ['425', 400, 'Функционал недоступен'],
      ['426', 400, 'Функционал выключен'],
    ],
  },
  {
    section: 'other',
    path: '/api/v4/account',
    codes: [
      ['400', 400, 'Неверная структура массива передаваемых данных, либо не верные идентификаторы кастомных полей'],
      ['422', 422, 'Входящие данные не мог быть обработаны.'],
      ['405', 405, 'Запрашиваемый HTTP-метод не поддерживается'],
      ['402', 402, 'Подписка закончилась'],
      ['403', 403, 'Аккаунт заблокирован, за неоднократное превышение количества запросов в секунду'],
      ['429', 429, 'Превышено допустимое количество запросов в секунду'],
      ['2002', 204, 'По вашему запросу ничего не найдено'],
    ],
  },
];

const CODES: FaultCase[] = SECTIONS.flatMap(({ section, path, codes }) =>
  codes.map(([code, status, text]): FaultCase => ({
    id: `code-${section.replace(' ', '-')}-${code}`,
    group: `catalog: ${section}`,
    label: `${code} (HTTP ${status})`,
    method: section === 'auth' ? 'POST' : 'GET',
    path,
    // 2002 travels as "204 No Content": there is no body to carry the code.
    respond: status === 204 ? () => empty(204) : legacy(status, code, text),
  })),
);

export const FAULT_CASES: readonly FaultCase[] = [...SHAPES, ...CODES];

export const findFault = (id: string): FaultCase | undefined => FAULT_CASES.find((f) => f.id === id);

/** The lab's menu as JSON for the host page. */
export const faultMenu = (): { id: string; group: string; label: string; method: string; url: string }[] =>
  FAULT_CASES.map((f) => ({
    id: f.id,
    group: f.group,
    label: f.label,
    method: f.method,
    url: `${f.path}?__fault=${encodeURIComponent(f.id)}`,
  }));

/** What `/_sandbox/faults` can make the next matching calls answer. */
export const FAULT_STATUSES = [
  500,
  401,
  'html502',
  'offline',
  'rights',
  'rights288',
  'adminOnly',
  'blocked',
  'html403',
] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

/**
 * A fault rule: the next `count` API calls that match fail (or are only delayed). A call matches on `method` when
 * given, and on `path` exactly when given, else on `pathPrefix`.
 */
export interface FaultRule {
  pathPrefix: string;
  path?: string;
  method?: string;
  latencyMs: number;
  status?: FaultStatus;
  count: number;
}

const trimSlash = (path: string): string => path.replace(/(.)\/+$/, '$1');

export const faultMatches = (rule: FaultRule, method: string, path: string): boolean =>
  rule.count > 0 &&
  (rule.method === undefined || rule.method.toUpperCase() === method.toUpperCase()) &&
  (rule.path !== undefined ? trimSlash(rule.path) === trimSlash(path) : path.startsWith(rule.pathPrefix));

/** Reads a rule posted to `/_sandbox/faults`; unknown statuses only delay. */
export const readFaultRule = (body: Record<string, unknown>): FaultRule => {
  const status = (FAULT_STATUSES as readonly unknown[]).includes(body.status)
    ? (body.status as FaultStatus)
    : undefined;
  return {
    pathPrefix: typeof body.pathPrefix === 'string' ? body.pathPrefix : '/api/',
    ...(typeof body.path === 'string' && body.path !== '' ? { path: body.path } : {}),
    ...(typeof body.method === 'string' && body.method !== '' ? { method: body.method.toUpperCase() } : {}),
    latencyMs: Number(body.latencyMs) || 0,
    status,
    count: typeof body.count === 'number' && body.count >= 0 ? body.count : Number.POSITIVE_INFINITY,
  };
};

/**
 * The answer of a rule's status. A 403 has several meanings at amoCRM (`biradrags/amo-docs`
 * `amocrm_docs_md/crm_platform/error-codes.md`): a refusal of rights for this call (`rights`: problem+json
 * "Недостаточно прав. Доступ запрещен."; `rights288`: the same as code 288 in the legacy shape; `adminOnly`: the
 * admin-only refusal of `GET /api/v4/users`), or the account's block for too many requests (`blocked`: the
 * legacy text of code 403; `html403`: nginx's page for a blocked client).
 */
export const faultResponse = (status: Exclude<FaultStatus, 'offline'>, now: number): ApiResponse => {
  switch (status) {
    case 500:
      return problem(500, 'ErrInternalServer', 'Internal server error', { trace_id: `sandbox-${now}` });
    case 401:
      return problem(401, 'Unauthorized', 'Invalid user name or password');
    case 'html502':
      return html(502, NGINX_502);
    case 'rights':
      return problem(403, 'Forbidden', 'Недостаточно прав. Доступ запрещен.');
    case 'rights288':
      return legacy(403, '288', 'Недостаточно прав. Доступ запрещен.')(now);
    case 'adminOnly':
      return problem(403, 'Forbidden', 'Admin access only. Please perform the integration under Administrator account');
    case 'blocked':
      return legacy(403, '403', 'Аккаунт заблокирован, за неоднократное превышение количества запросов в секунду')(now);
    case 'html403':
      return html(403, NGINX_403);
  }
};
