import type { Captured } from '../host/network/captured';
import { pathOf } from '../host/network/verdict';
import type { Hint, Section } from './catalog';

/** The body shapes amoCRM answers with (docs/error-bodies.md), plus the bodiless outcomes. */
export type Shape =
  'validation' | 'problem' | 'legacy' | 'batch' | 'oauth' | 'chats' | 'html' | 'empty' | 'text' | 'network' | 'timeout';

/** One error row: a v4 validation error or one failed item of a batch. */
export interface ErrorRow {
  code: string;
  path: string;
  detail: string;
}

/** What a failed call tells us once its body is read. Strings are raw network text: render them only as text. */
export interface Classified {
  shape: Shape;
  /** False for a 2xx that turned out fine (a batch without errors): not a failure after all. */
  failure: boolean;
  status: number;
  /** Section from the URL; undefined when the path does not say. */
  section: Section | undefined;
  /** The amoCRM code found in the body ('' when none). */
  code: string;
  /** Problem `title` or the HTML page's `<title>`. */
  title: string;
  /** Problem `detail`, legacy `error`, OAuth `hint`, ... */
  detail: string;
  rows: ErrorRow[];
  retryAfter?: number;
  traceId?: string;
  hint?: Hint;
}

/** What `classify` needs of a failed call (the one failed-call type, `Captured`): request, answer, how it ended. */
export type FailureInput = Pick<Captured, 'url' | 'method' | 'status' | 'body'> &
  Partial<Pick<Captured, 'headers' | 'outcome'>>;

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/**
 * The catalog section a request belongs to, from its path (reference section 1). Notes nested under an entity
 * (`/leads/5/notes`) are events, so the more specific patterns come first.
 */
export const sectionOf = (url: string): Section | undefined => {
  const path = pathOf(url).toLowerCase();
  if (/auth\.php|\/oauth2?\//.test(path)) return 'auth';
  if (/\/catalogs\/\d+\/elements|\/elements\b/.test(path)) return 'elements';
  if (/\/catalogs\b/.test(path)) return 'lists';
  if (/\/notes\b|\/events\b/.test(path)) return 'events';
  if (/\/tasks\b/.test(path)) return 'tasks';
  if (/\/customers\b/.test(path)) return 'customers';
  if (/\/contacts\b|\/companies\b/.test(path)) return 'contacts';
  if (/\/leads\b/.test(path)) return 'deals';
  if (/\/account\b|\/accounts\b/.test(path)) return 'account';
  return undefined;
};

const header = (headers: Record<string, string> | undefined, name: string): string => {
  for (const [key, value] of Object.entries(headers ?? {})) if (key.toLowerCase() === name) return value;
  return '';
};

const seconds = (value: unknown): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

const decodeEntities = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');

/** `<title>` of an HTML page, as text. */
const htmlTitle = (body: string): string => {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body);
  return match?.[1] ? decodeEntities(match[1]).replace(/\s+/g, ' ').trim() : '';
};

const looksHtml = (body: string, contentType: string): boolean =>
  /text\/html/i.test(contentType) || /^\s*(<!doctype html|<html|<head|<body)/i.test(body);

/** "Код ошибки 205" (or "Error code 205") inside a detail text. */
const codeInText = (text: string): string => /(?:код ошибки|error code)\s*:?\s*(\d{3,4})/i.exec(text)?.[1] ?? '';

const hintFrom = (text: string, url: string, status: number, title: string): Hint | undefined => {
  if (/admin access only/i.test(text)) return 'admin_only';
  if (/subscription has ended|подписка закончилась/i.test(text)) return 'subscription';
  if (/(?:код ошибки|error code)\s*:?\s*205\b/i.test(text)) return 'contacts_limit';
  if (status === 403 && (/^403 forbidden$/i.test(title) || /запрещ[её]н с ваш/i.test(text))) return 'ip_forbidden';
  const path = pathOf(url).toLowerCase();
  if (/\/import/.test(path)) return 'import';
  if (/telegram/.test(path)) return 'telegram';
  if (/viber/.test(path)) return 'viber';
  if (/\/vk\b|vkontakte/.test(path)) return 'vk';
  if (/\/mail\b|mailbox|\/imap/.test(path)) return 'mail';
  return undefined;
};

const validationRows = (groups: unknown[]): ErrorRow[] =>
  groups.flatMap((group) => {
    const errors = isDict(group) && Array.isArray(group.errors) ? group.errors : [];
    return errors.filter(isDict).map((error) => ({
      code: str(error.code),
      path: str(error.path),
      detail: str(error.detail),
    }));
  });

/** Errors inside a legacy batch answer: `errors.add` is a list, `errors.update` an object keyed by id. */
const batchRows = (errors: Dict): ErrorRow[] => {
  const rows: ErrorRow[] = [];
  for (const [operation, list] of Object.entries(errors)) {
    const items: [string, unknown][] = Array.isArray(list)
      ? list.map((item, index) => [String(index), item])
      : isDict(list)
        ? Object.entries(list)
        : [];
    for (const [key, item] of items) {
      rows.push(
        isDict(item)
          ? {
              code: str(item.code),
              path: `${operation}.${key}`,
              detail: str(item.message ?? item.detail ?? item.error),
            }
          : { code: '', path: `${operation}.${key}`, detail: str(item) },
      );
    }
  }
  return rows;
};

const parseJson = (body: string): unknown => {
  const trimmed = body.trim();
  if (!trimmed || (trimmed[0] !== '{' && trimmed[0] !== '[')) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * Reads a failed (or suspect) answer: which shape it has, the amoCRM code, title, detail, validation or batch
 * rows, retry and trace ids, and a hint from the seed's operational knowledge. Never throws.
 */
export const classify = (input: FailureInput): Classified => {
  const { url, status, body } = input;
  const contentType = header(input.headers, 'content-type');
  const base: Classified = {
    shape: 'text',
    failure: status >= 400 || status === 0,
    status,
    section: sectionOf(url),
    code: '',
    title: '',
    detail: '',
    rows: [],
  };
  const retryHeader = seconds(header(input.headers, 'retry-after'));
  if (retryHeader !== undefined) base.retryAfter = retryHeader;
  const requestId = header(input.headers, 'x-request-id') || header(input.headers, 'x-trace-id');
  if (requestId) base.traceId = requestId;

  const finish = (result: Classified): Classified => {
    const hint = hintFrom(`${result.title}\n${result.detail}\n${body.slice(0, 4096)}`, url, status, result.title);
    if (hint) result.hint = hint;
    return result;
  };

  if (input.outcome === 'network' || input.outcome === 'timeout' || input.outcome === 'abort') {
    return finish({ ...base, shape: input.outcome === 'timeout' ? 'timeout' : 'network', failure: true, status: 0 });
  }
  if (body.trim() === '') return finish({ ...base, shape: 'empty' });

  const parsed = parseJson(body);
  if (isDict(parsed)) {
    const json = parsed;
    const traceId = str(json.trace_id) || str(json.request_id);
    if (traceId) base.traceId ??= traceId;
    const retryAfter = seconds(json.retry_after);
    if (retryAfter !== undefined) base.retryAfter = retryAfter;
    const title = str(json.title);
    const detail = str(json.detail);

    if (Array.isArray(json['validation-errors'])) {
      const rows = validationRows(json['validation-errors']);
      return finish({ ...base, shape: 'validation', title, detail, rows, code: rows[0]?.code ?? '' });
    }
    if (isDict(json.response) && (json.response.error_code !== undefined || json.response.error !== undefined)) {
      const legacy = json.response;
      return finish({
        ...base,
        shape: 'legacy',
        failure: true,
        code: str(legacy.error_code),
        detail: str(legacy.error),
      });
    }
    const embedded = isDict(json._embedded) ? json._embedded : undefined;
    if (embedded && isDict(embedded.errors)) {
      const rows = batchRows(embedded.errors);
      return finish({
        ...base,
        shape: 'batch',
        failure: base.failure || rows.length > 0,
        rows,
        code: rows[0]?.code ?? '',
      });
    }
    if (/OAuthProblemJson/i.test(str(json.type)) || (json.hint !== undefined && title !== '')) {
      const hint = str(json.hint);
      return finish({
        ...base,
        shape: 'oauth',
        section: 'auth',
        title,
        detail: [hint, detail].filter(Boolean).join(' — '),
      });
    }
    if (json.error_type !== undefined || json.error_description !== undefined) {
      return finish({
        ...base,
        shape: 'chats',
        code: str(json.error_type) || str(json.error_code),
        detail: str(json.error_description),
      });
    }
    if (title || detail || json.status !== undefined) {
      return finish({ ...base, shape: 'problem', title, detail, code: codeInText(detail) || codeInText(title) });
    }
    // Some other JSON: keep whatever message it carries.
    const message = str(json.message) || str(json.error) || str(json.error_description);
    return finish({ ...base, shape: 'text', detail: message, code: codeInText(message) });
  }
  if (parsed !== undefined) return finish({ ...base, shape: 'text' });

  if (looksHtml(body, contentType)) {
    // A 200 HTML page on an API path is a login or proxy page: a failure for whoever expected JSON.
    return finish({ ...base, shape: 'html', failure: true, title: htmlTitle(body) });
  }
  const text = body.trim().slice(0, 500);
  return finish({ ...base, shape: 'text', detail: text, code: codeInText(text) });
};
