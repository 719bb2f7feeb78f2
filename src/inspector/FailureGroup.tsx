import { explain, isTranslated } from './explainFailure';
import { usePanel } from './PanelContext';
import { callerLabel } from './report';
import type { Group } from './store';

/** One group of failures (same code, endpoint and caller): explanation, advice and every occurrence's details. */
export function FailureGroup({ group }: { group: Group }) {
  const { t, time, subdomain, language, show, hasTraffic } = usePanel();
  const e = group.latest;
  const d = explain(e, t, { subdomain }, e.caller);
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
      <p class="tg-insp__caller">
        <span class="tg-insp__label">{t('inspector.fields.caller')}: </span>
        <strong>{callerLabel(e.caller, t)}</strong>
      </p>
      <p class="tg-insp__text">{d.explanation}</p>
      <p class="tg-insp__advice">
        <span class="tg-insp__label">{t('inspector.fields.advice')}: </span>
        {d.advice}
        {d.culprit && (
          <>
            {' '}
            <a href="/settings/widgets/" class="tg-insp__link">
              {t('inspector.culprit.settings')}
            </a>
          </>
        )}
      </p>
      {d.rate && hasTraffic && (
        <p class="tg-insp__advice">
          <button type="button" class="tg-insp__button tg-insp__button--plain" onClick={() => show('traffic')}>
            {t('inspector.culprit.seeTraffic')}
          </button>
        </p>
      )}
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
