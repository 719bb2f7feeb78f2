import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactUrl, secretsOf } from './redact';

describe('redactUrl', () => {
  it.each([
    [
      'https://d.amocrm.ru/private/api/v2/json/leads/list?USER_LOGIN=a%40b.c&USER_HASH=0c0e8f9d',
      `https://d.amocrm.ru/private/api/v2/json/leads/list?USER_LOGIN=${REDACTED}&USER_HASH=${REDACTED}`,
    ],
    [
      'https://d.amocrm.ru/api/v4/leads?access_token=abc&page=2',
      `https://d.amocrm.ru/api/v4/leads?access_token=${REDACTED}&page=2`,
    ],
    [
      'https://d.amocrm.ru/oauth?code=def50200&client_secret=s3cr3t&state=x',
      `https://d.amocrm.ru/oauth?code=${REDACTED}&client_secret=${REDACTED}&state=x`,
    ],
    [
      'https://d.amocrm.ru/api/v4/contacts?query=%2B79991234567',
      `https://d.amocrm.ru/api/v4/contacts?query=${REDACTED}`,
    ],
    [
      'https://d.amocrm.ru/api/v4/contacts?filter[query]=ivan@example.com&limit=5',
      `https://d.amocrm.ru/api/v4/contacts?filter[query]=${REDACTED}&limit=5`,
    ],
    [
      'https://user:pass@d.amocrm.ru/x?refresh_token=1&PHPSESSID=2&csrf_token=3&api_key=4',
      `https://${REDACTED}@d.amocrm.ru/x?refresh_token=${REDACTED}&PHPSESSID=${REDACTED}&csrf_token=${REDACTED}&api_key=${REDACTED}`,
    ],
    [
      'https://d.amocrm.ru/cb#access_token=xyz&token_type=bearer',
      `https://d.amocrm.ru/cb#access_token=${REDACTED}&token_type=${REDACTED}`,
    ],
    ['/api/v4/leads?with=contacts&page=1', '/api/v4/leads?with=contacts&page=1'],
  ])('redacts %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('collects the secret values so a body echoing them is scrubbed too', () => {
    expect(secretsOf('https://d.amocrm.ru/x?USER_HASH=0c0e8f9dedfd&page=1')).toEqual(['0c0e8f9dedfd']);
  });

  it.each([
    ['https://d.amocrm.ru/x?token[value]=abcdef123&page=1', `https://d.amocrm.ru/x?token[value]=${REDACTED}&page=1`],
    ['https://d.amocrm.ru/x?filter[query]=ivanov1&page=1', `https://d.amocrm.ru/x?filter[query]=${REDACTED}&page=1`],
    ['https://d.amocrm.ru/x?token%5Bvalue%5D=abcdef123', `https://d.amocrm.ru/x?token%5Bvalue%5D=${REDACTED}`],
  ])('collects the value of %s whichever bracketed part is secret', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
    const secret = /=([^&]+)/.exec(url)?.[1] ?? '';
    expect(secretsOf(url)).toEqual([secret]);
    expect(redactText(`echo ${secret}!`, secretsOf(url))).toBe(`echo ${REDACTED}!`);
  });
});

describe('redactText', () => {
  it.each([
    [
      '{"access_token":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiIxIn0.sig","expires_in":86400}',
      `{"access_token":"${REDACTED}","expires_in":86400}`,
    ],
    ['{"code":"NotSupportedChoice","path":"name"}', '{"code":"NotSupportedChoice","path":"name"}'],
    ['{"USER_HASH": "abc", "password":"p"}', `{"USER_HASH": "${REDACTED}", "password":"${REDACTED}"}`],
    ['Authorization: Bearer abcdefghijklmnop', `Authorization: ${REDACTED}`],
    ['token expired: Bearer abcdefghijklmnop', `token expired: Bearer ${REDACTED}`],
    [
      'see https://x.ru/a?USER_LOGIN=me&USER_HASH=h1 now',
      `see https://x.ru/a?USER_LOGIN=${REDACTED}&USER_HASH=${REDACTED} now`,
    ],
    ['Контакт ivan.petrov@example.com, тел. +7 (999) 123-45-67', 'Контакт [email], тел. [phone]'],
    ['{"phone": 79991234567}', `{"phone": "${REDACTED}"}`],
    ['Cookie: session=abc; other=1', `Cookie: ${REDACTED}`],
  ])('redacts %s', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it('scrubs known secret values wherever they appear', () => {
    expect(redactText('hash 0c0e8f9dedfd is wrong', ['0c0e8f9dedfd'])).toBe(`hash ${REDACTED} is wrong`);
  });
});

describe('redactText on awkward input', () => {
  it('catches a secret whose value was cut off at the end', () => {
    expect(redactText('{"title":"x","refresh_token":"def5020089ab')).toBe(`{"title":"x","refresh_token":"${REDACTED}"`);
  });

  it('stays fast on a long body without any match', () => {
    expect(redactText('x'.repeat(40_000))).toHaveLength(40_000);
  });
});
