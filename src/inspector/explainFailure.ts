import type { Caller } from '../host/network/caller';
import type { Translate } from '../i18n';
import { lookup, type Section } from './catalog';
import { classify, type Classified, type ErrorRow } from './classify';

/** One validation error of a v4 400 answer (or one failed item of a batch). */
export type ExplanationRow = ErrorRow;

/** A failed amoCRM call explained for people: what happened and what to do. */
export interface Explanation {
  code: string;
  section: string;
  title: string;
  explanation: string;
  advice: string;
  rows: ExplanationRow[];
  /** The locales in which the explanation is amoCRM's own wording; in any other it is our translation. */
  official?: readonly string[];
  /** The widget the advice names, when the advice is to find the widget that sent the call. */
  culprit?: { code: string; name: string };
  /** About amoCRM's request limit (429, the rate block): the traffic view tells who spends it. */
  rate: boolean;
}

/** True when the explanation shown in `language` is the project's translation, not amoCRM's wording. */
export const isTranslated = (explanation: Pick<Explanation, 'official'>, language: string): boolean =>
  explanation.official !== undefined && !explanation.official.includes(language);

/** Statuses whose catalog entry (section "other") is the right meaning when the body names no code. */
const STATUS_ENTRIES = new Set([400, 402, 405, 422, 429]);
const HTTP_TEXTS = new Set([400, 401, 402, 403, 404, 405, 408, 409, 413, 415, 422, 429, 500, 502, 503, 504]);

/** The `inspector.http.*` key for a status or outcome without a catalog entry. */
const httpKey = (c: Classified): string => {
  if (c.shape === 'timeout') return 'timeout';
  if (c.shape === 'network') return '0';
  if (c.shape === 'oauth') return 'oauth';
  if (c.shape === 'batch' && c.status < 400) return 'batch';
  if (c.status < 400) return 'html200';
  if (HTTP_TEXTS.has(c.status)) return String(c.status);
  return c.status >= 500 ? 'x5xx' : 'x4xx';
};

/** Advice (catalog and HTTP) that tells the admin to find the integration or widget that sent the call. */
const FIND_WIDGET = new Set([
  'catalog.advice.rate',
  'catalog.advice.request',
  'catalog.advice.not_found',
  'inspector.http.404.advice',
  'inspector.http.405.advice',
  'inspector.http.429.advice',
]);
const RATE_ADVICE = new Set(['catalog.advice.rate', 'inspector.http.429.advice']);

/**
 * Turns a classified failure into texts, catalog first: (section, code), then the code alone, then the HTTP
 * status; a code the catalog does not know is shown as unknown with the meaning of its HTTP status. A hint from
 * the seed (admin-only access, ended subscription, contact limits, ...) adds its explanation and takes over the
 * advice, because it is more specific than the code. Where the advice is "find the widget that sends them" and the
 * caller is known, the advice names it instead; switching every widget off stays the last resort.
 */
export const explain = (
  c: Classified,
  t: Translate,
  vars: Record<string, string> = {},
  caller?: Caller,
): Explanation => {
  const entry =
    c.shape === 'validation'
      ? lookup(c.code, 'validation')
      : (lookup(c.code, c.section) ??
        (!c.code && STATUS_ENTRIES.has(c.status) && c.shape !== 'oauth'
          ? lookup(String(c.status), 'other')
          : undefined));
  const status = { status: c.status };
  const sectionKey: Section | 'unknown' = entry && entry.section !== 'other' ? entry.section : (c.section ?? 'unknown');
  let title: string;
  let explanation: string;
  let adviceKey: string;
  if (entry) {
    title = t('inspector.codeTitle', { code: entry.code, section: t(`inspector.sections.${entry.section}`) });
    explanation = t(entry.text);
    adviceKey = entry.advice;
  } else {
    const key = httpKey(c);
    title = c.code
      ? t('inspector.unknownCode', { code: c.code })
      : c.shape === 'network' || c.shape === 'timeout'
        ? t('inspector.networkTitle')
        : t('inspector.httpTitle', status);
    explanation = t(`inspector.http.${key}.text`, status);
    adviceKey = `inspector.http.${key}.advice`;
  }
  let advice = t(adviceKey, status);
  const rate = RATE_ADVICE.has(adviceKey) || c.status === 429;
  let culprit: Explanation['culprit'];
  if (c.hint) {
    explanation = `${explanation}\n${t(`catalog.hints.${c.hint}.text`, vars)}`;
    advice = t(`catalog.hints.${c.hint}.advice`, vars);
  } else if (caller?.kind === 'widget' && FIND_WIDGET.has(adviceKey)) {
    culprit = { code: caller.code, name: caller.name };
    advice = RATE_ADVICE.has(adviceKey)
      ? t('inspector.culprit.rate', culprit)
      : `${t('inspector.culprit.widget', culprit)} ${advice}`;
  } else if (caller?.kind === 'page' && FIND_WIDGET.has(adviceKey)) {
    advice = `${t('inspector.culprit.page')} ${advice}`;
  }
  return {
    code: c.code || (entry ? entry.code : c.status ? String(c.status) : ''),
    section: sectionKey,
    title,
    explanation,
    advice,
    rows: c.rows,
    ...(entry ? { official: entry.official } : {}),
    ...(culprit ? { culprit } : {}),
    rate,
  };
};

/**
 * Explains one failed call (used by the reminder for a rejected task, and by the inspector for every entry).
 * `input.body` is the raw response text; nothing in the result is HTML: render it as text.
 */
export const explainFailure = (
  input: { url: string; method: string; status: number; body: string },
  t: Translate,
): Explanation => explain(classify(input), t);
