import type { Translate } from '../i18n';
import { describe, isTranslated } from './explainFailure';
import type { Group } from './store';

/** One group of failures (same code, same endpoint): explanation, advice and every occurrence's details. */
export function FailureGroup({
  group,
  t,
  time,
  subdomain,
  language,
}: {
  group: Group;
  t: Translate;
  time: (at: number) => string;
  subdomain: string;
  language: string;
}) {
  const e = group.latest;
  const d = describe(e, t, { subdomain });
  const count = group.entries.length;
  return (
    <li class="tg-insp__card">
      <p class="tg-insp__head">
        <strong>{d.title}</strong>
        {e.status > 0 && (
          <span class={`tg-insp__pill ${e.status >= 500 ? 'tg-insp__pill--bad' : ''}`}>HTTP {e.status}</span>
        )}
        {count > 1 && <span class="tg-insp__count">{t('inspector.times', { count })}</span>}
        {isTranslated(d, language) && <span class="tg-insp__pill">{t('inspector.translated')}</span>}
      </p>
      <p class="tg-insp__where">
        <span class="tg-insp__method">{e.method}</span> <span class="tg-insp__url">{e.endpoint}</span>{' '}
        <span class="tg-insp__muted">
          {time(e.at)} · {t(`inspector.sources.${e.source}`)} · {t(`inspector.sections.${e.section ?? 'unknown'}`)}
        </span>
      </p>
      <p class="tg-insp__text">{d.explanation}</p>
      <p class="tg-insp__advice">
        <span class="tg-insp__label">{t('inspector.fields.advice')}: </span>
        {d.advice}
      </p>
      {e.rows.length > 0 && (
        <table class="tg-insp__rows">
          <caption>{t('inspector.fields.rows')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inspector.fields.code')}</th>
              <th scope="col">{t('inspector.fields.path')}</th>
              <th scope="col">{t('inspector.fields.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {e.rows.map((row, index) => (
              <tr key={index}>
                <td>{row.code}</td>
                <td>{row.path}</td>
                <td>{row.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details class="tg-insp__details">
        <summary>{t('inspector.fields.detail')}</summary>
        <dl class="tg-insp__facts">
          <dt>{t('inspector.fields.url')}</dt>
          <dd class="tg-insp__url">{e.url}</dd>
          <dt>{t('inspector.fields.code')}</dt>
          <dd>{d.code || '—'}</dd>
          {e.title && (
            <>
              <dt>{t('inspector.fields.explanation')}</dt>
              <dd>{[e.title, e.detail].filter(Boolean).join(' — ')}</dd>
            </>
          )}
          {!e.title && e.detail && (
            <>
              <dt>{t('inspector.fields.explanation')}</dt>
              <dd>{e.detail}</dd>
            </>
          )}
          {e.traceId && (
            <>
              <dt>{t('inspector.fields.requestId')}</dt>
              <dd>{e.traceId}</dd>
            </>
          )}
          {e.retryAfter !== undefined && (
            <>
              <dt>{t('inspector.fields.retryAfter')}</dt>
              <dd>{e.retryAfter}</dd>
            </>
          )}
          {e.note && (
            <>
              <dt>{t('inspector.fields.source')}</dt>
              <dd>{e.note}</dd>
            </>
          )}
          <dt>{t('inspector.fields.occurrences')}</dt>
          <dd>
            {group.entries
              .slice(0, 10)
              .map((x) => time(x.at))
              .join(', ')}
          </dd>
        </dl>
        {e.excerpt && (
          <>
            <p class="tg-insp__label">
              {t('inspector.fields.response')} {e.truncated ? t('inspector.truncated') : ''}
            </p>
            <pre class="tg-insp__excerpt">{e.excerpt}</pre>
          </>
        )}
      </details>
    </li>
  );
}
