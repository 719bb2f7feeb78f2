import { useMemo, useState } from 'preact/hooks';
import type { Translate } from '../i18n';
import { CatalogSearch } from './CatalogSearch';
import type { Entry } from './entry';
import { FailureGroup } from './FailureGroup';
import { applyFilters, reportJson, reportMarkdown, type Filters } from './report';
import { groupEntries, networkFailures } from './store';

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

/** Filters, failure list, catalog search and report actions; inside the dialog and on the advanced page alike. */
export function PanelBody(props: PanelProps) {
  const { entries, t, idPrefix } = props;
  const [filters, setFilters] = useState<Filters>({ source: '', status: '', code: '' });
  const [copied, setCopied] = useState('');
  const time = useMemo(() => formatter(props.language, props.timezone), [props.language, props.timezone]);
  const shown = applyFilters(entries, filters);
  const groups = groupEntries(shown);
  const network = networkFailures(entries, (props.now ?? Date.now)());
  const meta = () => ({ version: props.version, subdomain: props.subdomain, generatedAt: (props.now ?? Date.now)() });

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

  return (
    <div class="tg-insp__body">
      {props.tripped() && <p class="tg-insp__notice">{t('inspector.breaker')}</p>}
      {network >= UNREACHABLE_AFTER && (
        <div class="tg-insp__notice" role="status">
          <p class="tg-insp__head">
            <strong>{t('inspector.unreachable', { count: network })}</strong>
          </p>
          <p class="tg-insp__text">{t('catalog.hints.unreachable.text')}</p>
          <p class="tg-insp__advice">
            {t('catalog.hints.unreachable.advice', { subdomain: props.subdomain || 'subdomain' })}
          </p>
        </div>
      )}
      <div class="tg-insp__toolbar" role="group" aria-label={t('inspector.filters.label')}>
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
            <FailureGroup
              key={group.key}
              group={group}
              t={t}
              time={time}
              subdomain={props.subdomain}
              language={props.language}
            />
          ))}
        </ol>
      )}
      <CatalogSearch t={t} idPrefix={idPrefix} language={props.language} />
    </div>
  );
}
