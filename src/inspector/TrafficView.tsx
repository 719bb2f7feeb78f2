import { useEffect, useState } from 'preact/hooks';
import type { TrafficRow } from '../host/network/traffic';
import { RATE_LIMIT } from '../host/network/traffic';
import { usePanel } from './PanelContext';
import { callerLabel } from './report';

/** How often the view re-reads the meter while it is shown. */
const REFRESH_MS = 1000;

/**
 * Calls and failures per source over the last minute and five minutes, with each source's peak requests per
 * second, the busiest first: who spends amoCRM's 7 requests a second. A source is flagged from 5 per second on,
 * before amoCRM answers 429 and blocks the account.
 */
export function TrafficView({ rows: read, now }: { rows: (now: number) => TrafficRow[]; now: () => number }) {
  const { t } = usePanel();
  const [rows, setRows] = useState(() => read(now()));
  useEffect(() => {
    const timer = setInterval(() => setRows(read(now())), REFRESH_MS);
    return () => clearInterval(timer);
  }, [read, now]);
  const top = rows[0];
  return (
    <section class="tg-insp__traffic" aria-labelledby="tg-insp-traffic-title">
      <h3 id="tg-insp-traffic-title" class="tg-insp__subtitle">
        {t('inspector.traffic.title')}
      </h3>
      <p class="tg-insp__muted">{t('inspector.traffic.intro', { limit: RATE_LIMIT })}</p>
      {top && top.level !== 'ok' && (
        <p class={`tg-insp__notice ${top.level === 'over' ? 'tg-insp__notice--bad' : ''}`} role="alert">
          {t(`inspector.traffic.${top.level}`, {
            source: callerLabel(top.caller, t),
            peak: top.peak,
            limit: RATE_LIMIT,
          })}
        </p>
      )}
      {rows.length === 0 ? (
        <p class="tg-insp__muted">{t('inspector.traffic.empty')}</p>
      ) : (
        <table class="tg-insp__rows tg-insp__traffic-table">
          <caption class="tg-insp__sr">{t('inspector.traffic.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inspector.traffic.source')}</th>
              <th scope="col">{t('inspector.traffic.calls1m')}</th>
              <th scope="col">{t('inspector.traffic.failures1m')}</th>
              <th scope="col">{t('inspector.traffic.calls5m')}</th>
              <th scope="col">{t('inspector.traffic.failures5m')}</th>
              <th scope="col">{t('inspector.traffic.peak')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} class={row.level === 'ok' ? '' : `tg-insp__rate--${row.level}`}>
                <th scope="row">
                  {callerLabel(row.caller, t)}
                  {row.level !== 'ok' && (
                    <span class="tg-insp__pill tg-insp__pill--bad">{t(`inspector.traffic.flag.${row.level}`)}</span>
                  )}
                </th>
                <td>{row.calls1m}</td>
                <td>{row.failures1m}</td>
                <td>{row.calls5m}</td>
                <td>{row.failures5m}</td>
                <td>{row.peak}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
