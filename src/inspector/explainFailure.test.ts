import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import ru from '../../i18n/ru.json';
import { createTranslate } from '../i18n';
import { explainFailure, isTranslated } from './explainFailure';

const tRu = createTranslate(ru);
const tEn = createTranslate(en);
const url = 'https://demo.amocrm.ru/api/v4';

describe('explainFailure', () => {
  it('explains a section-scoped code with the seed wording', () => {
    const result = explainFailure(
      { url: `${url}/tasks`, method: 'POST', status: 400, body: '{"response":{"error":"x","error_code":"244"}}' },
      tRu,
    );
    expect(result).toMatchObject({
      code: '244',
      section: 'tasks',
      title: 'Код 244 · Задачи',
      explanation: 'Добавление сделок: нет прав.',
    });
    expect(result.advice).toMatch(/прав/);
  });

  it('gives a rejected task its validation rows, in English for an English user', () => {
    const body = JSON.stringify({
      'validation-errors': [
        {
          request_id: '0',
          errors: [{ code: 'InvalidType', path: 'complete_till', detail: 'This value should be of type int.' }],
        },
      ],
      title: 'Bad Request',
      status: 400,
      detail: 'Request validation failed',
    });
    const result = explainFailure({ url: `${url}/tasks`, method: 'POST', status: 400, body }, tEn);
    expect(result).toMatchObject({
      code: 'InvalidType',
      section: 'validation',
      title: 'Code InvalidType · Validation',
      explanation: 'The value has the wrong type (for example, an integer was expected).',
      rows: [{ code: 'InvalidType', path: 'complete_till', detail: 'This value should be of type int.' }],
    });
  });

  it('shows an unknown code as unknown, with the meaning of its HTTP status', () => {
    const body =
      '{"validation-errors":[{"errors":[{"code":"Length","path":"name","detail":"Too long."}]}],"status":400}';
    const result = explainFailure({ url: `${url}/leads`, method: 'POST', status: 400, body }, tEn);
    expect(result.title).toBe('Unknown code Length');
    expect(result.explanation).toBe('Bad request: the server rejected the data sent.');
    expect(result.rows).toHaveLength(1);
  });

  it('falls back to the status when the body names no code', () => {
    const result = explainFailure(
      { url: `${url}/leads`, method: 'GET', status: 429, body: '{"title":"Too Many Requests","status":429}' },
      tRu,
    );
    expect(result.explanation).toBe('Превышено допустимое количество запросов в секунду');
    expect(result.code).toBe('429');
  });

  it('lets a seed hint explain "Код ошибки 205" as exceeded contact limits', () => {
    const body =
      '{"title":"Bad Request","status":400,"detail":"Код ошибки 205. В случае повторного возникновения ошибки, обращайтесь в нашу техническую поддержку"}';
    const result = explainFailure({ url: `${url}/contacts`, method: 'POST', status: 400, body }, tRu);
    expect(result.code).toBe('205');
    expect(result.explanation).toContain('Означает, что были превышены лимиты по контактам и компаниям.');
    expect(result.advice).toMatch(/Удалите лишние контакты/);
  });

  it('explains an HTML error page by its status', () => {
    const result = explainFailure(
      { url: `${url}/leads`, method: 'GET', status: 503, body: '<html><title>503 Service Unavailable</title></html>' },
      tEn,
    );
    expect(result.title).toBe('HTTP 503');
    expect(result.explanation).toBe('The service is temporarily unavailable (503).');
  });
});

describe('isTranslated: where the explanation is our translation, not amoCRM wording', () => {
  const body = (code: string) => `{"response":{"error":"x","error_code":"${code}"}}`;
  const auth = explainFailure({ url: `${url}/auth`, method: 'POST', status: 401, body: body('110') }, tEn);
  const tasks = explainFailure({ url: `${url}/tasks`, method: 'POST', status: 400, body: body('244') }, tEn);
  it.each([
    ['the authorization block, official in Russian and English, read in English', auth, 'en', false],
    ['the same in Turkish', auth, 'tr', true],
    ['a task code, official only in Russian, read in Russian', tasks, 'ru', false],
    ['the same in English', tasks, 'en', true],
    ['the same in Indonesian', tasks, 'id', true],
  ])('%s', (_case, explanation, language, translated) => {
    expect(isTranslated(explanation, language)).toBe(translated);
  });

  it('marks nothing where no catalog entry explains the failure', () => {
    const unknown = explainFailure({ url: `${url}/leads`, method: 'GET', status: 502, body: '' }, tEn);
    expect(isTranslated(unknown, 'en')).toBe(false);
  });
});
