import { ApiError } from '../host/api';
import type { Translate } from '../i18n';
import type { Explanation } from '../inspector/explainFailure';
import { ADMIN_CHUNK, type LoadChunk } from '../lazy';
import { failureOf } from './dialogModel';
import { isExplainer } from './lazy';

/**
 * Explains why a task was not created. amoCRM's answer is explained from the error catalog, which lives in admin.js
 * (loaded only now, so the catalog does not weigh on every page); without it, or for a failure without an answer,
 * a plain localized line.
 */
export const explain = async (error: unknown, t: Translate, load: LoadChunk): Promise<Explanation> => {
  const failure = failureOf(error);
  const plain: Explanation = {
    code: failure,
    section: 'reminder',
    title: t('reminder.taskFailed'),
    explanation: t(`reminder.taskNotice.${failure}`),
    advice: '',
    rows: [],
    rate: false,
  };
  if (!(error instanceof ApiError) || error.failure.kind !== 'http') return plain;
  const input = { url: error.url, method: error.method, status: error.status, body: error.body };
  try {
    return (await load(ADMIN_CHUNK, isExplainer)).explainFailure(input, t);
  } catch {
    // admin.js could not load: fall through to the plain line.
  }
  return { ...plain, code: String(error.status) };
};
