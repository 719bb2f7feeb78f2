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

/**
 * Turns a classified failure into texts, catalog first: (section, code), then the code alone, then the HTTP
 * status; a code the catalog does not know is shown as unknown with the meaning of its HTTP status. A hint from
 * the seed (admin-only access, ended subscription, contact limits, ...) adds its explanation and takes over the
 * advice, because it is more specific than the code.
 */
export const describe = (c: Classified, t: Translate, vars: Record<string, string> = {}): Explanation => {
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
  let advice: string;
  if (entry) {
    title = t('inspector.codeTitle', { code: entry.code, section: t(`inspector.sections.${entry.section}`) });
    explanation = t(entry.text);
    advice = t(entry.advice);
  } else {
    const key = httpKey(c);
    title = c.code
      ? t('inspector.unknownCode', { code: c.code })
      : c.shape === 'network' || c.shape === 'timeout'
        ? t('inspector.networkTitle')
        : t('inspector.httpTitle', status);
    explanation = t(`inspector.http.${key}.text`, status);
    advice = t(`inspector.http.${key}.advice`, status);
  }
  if (c.hint) {
    explanation = `${explanation}\n${t(`catalog.hints.${c.hint}.text`, vars)}`;
    advice = t(`catalog.hints.${c.hint}.advice`, vars);
  }
  return {
    code: c.code || (entry ? entry.code : c.status ? String(c.status) : ''),
    section: sectionKey,
    title,
    explanation,
    advice,
    rows: c.rows,
    ...(entry ? { official: entry.official } : {}),
  };
};

/**
 * Explains one failed call (used by the reminder for a rejected task, and by the inspector for every entry).
 * `input.body` is the raw response text; nothing in the result is HTML: render it as text.
 */
export const explainFailure = (
  input: { url: string; method: string; status: number; body: string },
  t: Translate,
): Explanation => describe(classify(input), t);
