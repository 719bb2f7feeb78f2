import { useMemo, useState } from 'preact/hooks';
import { callerKey, type Caller } from '../host/network/caller';
import type { TrafficRow } from '../host/network/traffic';
import type { Translate } from '../i18n';
import { CatalogSearch } from './CatalogSearch';
import type { Entry } from './entry';
import { FailureGroup } from './FailureGroup';
import { PanelContext, type PanelSettings, type PanelTab } from './PanelContext';
import { applyFilters, callerLabel, reportJson, reportMarkdown, type Filters } from './report';
import { groupEntries, networkFailures } from './store';
import { TrafficView } from './TrafficView';

/** Everything the panel needs, as plain values and callbacks. */
export interface PanelProps {
  entries: readonly Entry[];
  t: Translate;
  language: string;
  timezone: string;
  subdomain: string;
  version: string;
  copy: (text: string) => Promise<boolean>;
  clear: () => void;
  /** Read at every render: the breaker can trip long after the panel was drawn. */
  tripped: () => boolean;
  /** Used for ids, so the dialog and the advanced page can both be on the page. */
  idPrefix: string;
  now?: () => number;
  /** Calls and failures per source (the page's traffic meter); no traffic tab without it. */
  traffic?: ((now: number) => TrafficRow[]) | undefined;
}

/** How many network failures in five minutes make the panel offer the seed's "amoCRM does not answer" advice. */
const UNREACHABLE_AFTER = 3;

const formatter = (language: string, timeZone: string): ((at: number) => string) => {
  const options: Intl.DateTimeFormatOptions = {
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(language, { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat(undefined, options);
  }
  return (at) => format.format(new Date(at));
};

const distinct = (values: string[]): string[] => [...new Set(values)].sort();

/** The widget most of these entries came from, when one did. */
const mainCulprit = (entries: readonly Entry[]): (Caller & { kind: 'widget' }) | undefined => {
  const counts = new Map<string, { caller: Caller & { kind: 'widget' }; count: number }>();
  for (const { caller } of entries)
    if (caller?.kind === 'widget') {
      const key = callerKey(caller);
      const known = counts.get(key);
      counts.set(key, { caller, count: (known?.count ?? 0) + 1 });
    }
  const best = [...counts.values()].sort((a, b) => b.count - a.count)[0];
  return best && best.count * 2 > entries.length ? best.caller : undefined;
};

/** Filters, failure list, catalog search and report actions; inside the dialog and on the advanced page alike. */
export function PanelBody(props: PanelProps) {
  const { entries, t, idPrefix, traffic } = props;
  const now = props.now ?? Date.now;
  const [filters, setFilters] = useState<Filters>({ caller: '', source: '', status: '', code: '' });
  const [copied, setCopied] = useState('');
  const [tab, setTab] = useState<PanelTab>('failures');
  const time = useMemo(() => formatter(props.language, props.timezone), [props.language, props.timezone]);
  const settings: PanelSettings = {
    t,
    language: props.language,
    timezone: props.timezone,
    subdomain: props.subdomain,
    time,
    show: setTab,
    hasTraffic: traffic !== undefined,
  };
  const shown = applyFilters(entries, filters);
  const groups = groupEntries(shown);
  const windowStart = now() - 5 * 60_000;
  const network = networkFailures(entries, now());
  const networkCulprit = mainCulprit(
    entries.filter((e) => (e.shape === 'network' || e.shape === 'timeout') && e.at >= windowStart),
  );
  const meta = () => ({ version: props.version, subdomain: props.subdomain, generatedAt: now() });
  const callers = new Map(entries.map((e) => [callerKey(e.caller), e.caller]));

  const copy = (kind: 'md' | 'json') => {
    const text = kind === 'md' ? reportMarkdown(groups, t, meta()) : reportJson(groups, t, meta());
    void props.copy(text).then((ok) => setCopied(t(ok ? 'inspector.copied' : 'inspector.copyFailed')));
  };

  const select = (key: keyof Filters, options: string[], label = (value: string) => value) => (
    <label class="tg-insp__filter">
      <span class="tg-insp__label">{t(`inspector.filters.${key}`)}</span>
      <select
        class="tg-insp__select"
        value={filters[key]}
        onChange={(event) => setFilters({ ...filters, [key]: event.currentTarget.value })}
      >
        <option value="">{t('inspector.all')}</option>
        {options.map((value) => (
          <option key={value} value={value}>
            {label(value)}
          </option>
        ))}
      </select>
    </label>
  );

  const tabButton = (name: PanelTab) => (
    <button
      type="button"
      role="tab"
      id={`${idPrefix}-tab-${name}`}
      class={`tg-insp__tab ${tab === name ? 'tg-insp__tab--on' : ''}`}
      aria-selected={tab === name}
      aria-controls={`${idPrefix}-panel-${name}`}
      onClick={() => setTab(name)}
    >
      {t(`inspector.tabs.${name}`)}
    </button>
  );

  return (
    <PanelContext.Provider value={settings}>
      <div class="tg-insp__body">
        {traffic && (
          <div class="tg-insp__tabs" role="tablist" aria-label={t('inspector.title')}>
            {tabButton('failures')}
            {tabButton('traffic')}
          </div>
        )}
        {traffic && tab === 'traffic' ? (
          <div role="tabpanel" id={`${idPrefix}-panel-traffic`} aria-labelledby={`${idPrefix}-tab-traffic`}>
            <TrafficView rows={traffic} now={now} />
          </div>
        ) : (
          <div
            role={traffic ? 'tabpanel' : undefined}
            id={`${idPrefix}-panel-failures`}
            aria-labelledby={traffic ? `${idPrefix}-tab-failures` : undefined}
          >
            {props.tripped() && <p class="tg-insp__notice">{t('inspector.breaker')}</p>}
            {network >= UNREACHABLE_AFTER && (
              <div class="tg-insp__notice" role="status">
                <p class="tg-insp__head">
                  <strong>{t('inspector.unreachable', { count: network })}</strong>
                </p>
                <p class="tg-insp__text">{t('catalog.hints.unreachable.text')}</p>
                {networkCulprit && (
                  <p class="tg-insp__advice">
                    {t('inspector.culprit.network', { name: networkCulprit.name, code: networkCulprit.code })}{' '}
                    <a href="/settings/widgets/">{t('inspector.culprit.settings')}</a>
                  </p>
                )}
                <p class="tg-insp__advice">
                  {t('catalog.hints.unreachable.advice', { subdomain: props.subdomain || 'subdomain' })}
                </p>
              </div>
            )}
            <div class="tg-insp__toolbar" role="group" aria-label={t('inspector.filters.label')}>
              {select('caller', [...callers.keys()].sort(), (key) => callerLabel(callers.get(key), t))}
              {select('source', distinct(entries.map((e) => e.source)), (value) => t(`inspector.sources.${value}`))}
              {select('status', distinct(entries.map((e) => String(e.status))))}
              {select('code', distinct(entries.map((e) => e.code || e.shape)))}
            </div>
            <div class="tg-insp__actions">
              <button type="button" class="tg-insp__button" onClick={() => copy('md')} disabled={groups.length === 0}>
                {t('inspector.copyMarkdown')}
              </button>
              <button type="button" class="tg-insp__button" onClick={() => copy('json')} disabled={groups.length === 0}>
                {t('inspector.copyJson')}
              </button>
              <button
                type="button"
                class="tg-insp__button tg-insp__button--plain"
                onClick={props.clear}
                disabled={entries.length === 0}
              >
                {t('inspector.clear')}
              </button>
              <span role="status" class="tg-insp__muted">
                {copied}
              </span>
            </div>
            {entries.length === 0 ? (
              <p class="tg-insp__muted">{t('inspector.empty')}</p>
            ) : groups.length === 0 ? (
              <p class="tg-insp__muted">{t('inspector.noMatch')}</p>
            ) : (
              <ol class="tg-insp__list" aria-label={t('inspector.history')}>
                {groups.map((group) => (
                  <FailureGroup key={group.key} group={group} />
                ))}
              </ol>
            )}
            <CatalogSearch t={t} idPrefix={idPrefix} language={props.language} />
          </div>
        )}
      </div>
    </PanelContext.Provider>
  );
}
