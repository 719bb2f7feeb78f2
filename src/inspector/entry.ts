import type { Caller } from '../host/network/caller';
import type { Captured, Source } from '../host/network/captured';
import { pathOf } from '../host/network/verdict';
import { classify, type Classified } from './classify';
import { redactText, redactUrl, secretsOf } from './redact';

/** One captured failure as the inspector keeps it: classified, redacted, bounded. Safe to store and show. */
export interface Entry extends Classified {
  id: string;
  at: number;
  source: Source;
  method: string;
  /** Redacted URL. */
  url: string;
  /** Redacted path with ids folded (`/api/v4/leads/:id`), for grouping. */
  endpoint: string;
  /** Redacted beginning of the response body. */
  excerpt: string;
  truncated: boolean;
  /** Network error name, jQuery's thrownError. */
  note?: string;
  /** Who sent the call; entries kept by an older version have none (shown as unknown). */
  caller?: Caller;
}

/** Characters of the body kept for the panel and the report. */
export const EXCERPT_CAP = 2000;
const DETAIL_CAP = 500;
const ROWS_CAP = 20;

let counter = 0;

/** Path of a redacted URL with numeric and hex ids folded, so /leads/5 and /leads/6 group together. */
export const endpointOf = (url: string): string =>
  pathOf(url)
    .replace(/\/\d+(?=\/|$)/g, '/:id')
    .replace(/\/[0-9a-f]{16,}(?=\/|$)/gi, '/:id') || '/';

const cap = (text: string, limit: number): string => (text.length > limit ? `${text.slice(0, limit)}…` : text);

/**
 * Classifies a captured request and redacts everything that could carry a secret. Returns undefined when the
 * answer was not a failure after all (a suspect 2xx without errors).
 */
export const toEntry = (captured: Captured): Entry | undefined => {
  const classified = classify(captured);
  if (!classified.failure) return undefined;
  const secrets = secretsOf(captured.url);
  // Cut first (redaction regexes stay linear on a bounded text), redact, then cut again: a redaction marker
  // can be longer than what it replaced. A value cut in half is still caught (see redact.ts, JSON_PAIR).
  const clean = (text: string, limit: number): string => cap(redactText(text.slice(0, limit + 200), secrets), limit);
  const url = redactUrl(captured.url);
  counter += 1;
  const entry: Entry = {
    ...classified,
    title: clean(classified.title, 200),
    detail: clean(classified.detail, DETAIL_CAP),
    rows: classified.rows.slice(0, ROWS_CAP).map((row) => ({
      code: clean(row.code, 80),
      path: clean(row.path, 200),
      detail: clean(row.detail, 300),
    })),
    id: `${captured.at.toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    at: captured.at,
    source: captured.source,
    method: captured.method,
    url,
    endpoint: endpointOf(url),
    excerpt: clean(captured.body, EXCERPT_CAP),
    truncated: captured.truncated || captured.body.length > EXCERPT_CAP,
  };
  if (classified.traceId) entry.traceId = clean(classified.traceId, 120);
  if (captured.detail) entry.note = clean(captured.detail, 200);
  if (captured.caller) entry.caller = captured.caller;
  return entry;
};
