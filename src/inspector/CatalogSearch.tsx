import { useMemo, useState } from 'preact/hooks';
import type { Translate } from '../i18n';
import { CATALOG } from './catalog';
import { isTranslated } from './explainFailure';

const LIMIT = 30;

/** Searches the catalog by code or by words of the explanation and advice, in the user's language. */
export function CatalogSearch({ t, idPrefix, language }: { t: Translate; idPrefix: string; language: string }) {
  const [query, setQuery] = useState('');
  const found = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    return CATALOG.filter((entry) => {
      const haystack =
        `${entry.code} ${entry.http || ''} ${t(`inspector.sections.${entry.section}`)} ${t(entry.text)} ${t(entry.advice)}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
  }, [query, t]);
  const inputId = `${idPrefix}-catalog`;
  return (
    <section class="tg-insp__catalog" aria-labelledby={`${inputId}-label`}>
      <label id={`${inputId}-label`} for={inputId} class="tg-insp__label">
        {t('inspector.search.label')}
      </label>
      <input
        id={inputId}
        class="tg-insp__input"
        type="search"
        value={query}
        placeholder={t('inspector.search.placeholder')}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      {query.trim() !== '' && (
        <div role="status" class="tg-insp__results">
          {found.length === 0 && <p class="tg-insp__muted">{t('inspector.search.none')}</p>}
          <ul class="tg-insp__list">
            {found.slice(0, LIMIT).map((entry) => (
              <li key={entry.text} class="tg-insp__card">
                <p class="tg-insp__head">
                  <strong>
                    {t('inspector.codeTitle', { code: entry.code, section: t(`inspector.sections.${entry.section}`) })}
                  </strong>
                  {entry.http > 0 && <span class="tg-insp__pill">HTTP {entry.http}</span>}
                  {entry.legacy && <span class="tg-insp__pill">{t('inspector.legacy')}</span>}
                  {isTranslated(entry, language) && <span class="tg-insp__pill">{t('inspector.translated')}</span>}
                </p>
                <p class="tg-insp__text">{t(entry.text)}</p>
                <p class="tg-insp__advice">{t(entry.advice)}</p>
              </li>
            ))}
          </ul>
          {found.length > LIMIT && (
            <p class="tg-insp__muted">{t('inspector.search.more', { count: found.length - LIMIT })}</p>
          )}
        </div>
      )}
    </section>
  );
}
