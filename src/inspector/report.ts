import { callerKey, type Caller } from '../host/network/caller';
import type { Translate } from '../i18n';
import type { Entry } from './entry';
import { explain } from './explainFailure';
import type { Group } from './store';

/** Who the report is for: the widget's version and the account, so support can place it. */
export interface ReportMeta {
  version: string;
  subdomain: string;
  generatedAt: number;
}

/** How a caller reads in the panel and the report: the widget's name and code, amoCRM, or unknown. */
export const callerLabel = (caller: Caller | undefined, t: Translate): string =>
  caller?.kind === 'widget'
    ? t('inspector.callers.widget', { name: caller.name, code: caller.code })
    : t(`inspector.callers.${caller?.kind ?? 'unknown'}`);

/** The caller as report data: the widget's code and name, `amocrm` for the page, `unknown` without a stack. */
const callerData = (caller: Caller | undefined, t: Translate): { code: string; name: string } =>
  caller?.kind === 'widget'
    ? { code: caller.code, name: caller.name }
    : { code: caller?.kind === 'page' ? 'amocrm' : 'unknown', name: callerLabel(caller, t) };

/** A fence longer than any backtick run inside, so a body cannot close it early. */
const fence = (text: string): string =>
  '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));

const inline = (text: string): string => text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');

/** The report as plain data (already redacted: entries are redacted when they are stored). */
export const reportData = (groups: readonly Group[], t: Translate, meta: ReportMeta) => ({
  generatedAt: new Date(meta.generatedAt).toISOString(),
  widget: 'task_guard',
  version: meta.version,
  account: meta.subdomain,
  failures: groups.map(({ latest: e, entries }) => {
    const d = explain(e, t, { subdomain: meta.subdomain }, e.caller);
    return {
      count: entries.length,
      caller: callerData(e.caller, t),
      lastAt: new Date(e.at).toISOString(),
      firstAt: new Date(entries[entries.length - 1]?.at ?? e.at).toISOString(),
      source: e.source,
      method: e.method,
      url: e.url,
      status: e.status,
      code: d.code,
      section: d.section,
      title: d.title,
      explanation: d.explanation,
      advice: d.advice,
      serverTitle: e.title,
      serverDetail: e.detail,
      requestIds: [...new Set(entries.map((x) => x.traceId).filter(Boolean))],
      retryAfter: e.retryAfter,
      rows: e.rows,
      excerpt: e.excerpt,
    };
  }),
});

/** JSON for support tools. */
export const reportJson = (groups: readonly Group[], t: Translate, meta: ReportMeta): string =>
  JSON.stringify(reportData(groups, t, meta), null, 2);

/** Markdown for a support ticket: one section per group, with the request ids support asks for. */
export const reportMarkdown = (groups: readonly Group[], t: Translate, meta: ReportMeta): string => {
  const data = reportData(groups, t, meta);
  const lines = [
    `# ${t('inspector.title')} — Task Guard ${data.version}`,
    '',
    `${data.account ? `${data.account} · ` : ''}${data.generatedAt}`,
  ];
  data.failures.forEach((f, index) => {
    lines.push('', `## ${index + 1}. ${inline(f.title)} — ${f.method} ${inline(f.url)} ×${f.count}`, '');
    lines.push(`- ${t('inspector.fields.time')}: ${f.lastAt}`);
    lines.push(`- ${t('inspector.fields.caller')}: ${inline(f.caller.name)} (${inline(f.caller.code)})`);
    lines.push(`- ${t('inspector.fields.http')}: ${f.status || '—'} · ${t('inspector.fields.source')}: ${f.source}`);
    if (f.requestIds.length) lines.push(`- ${t('inspector.fields.requestId')}: ${f.requestIds.join(', ')}`);
    if (f.retryAfter !== undefined) lines.push(`- ${t('inspector.fields.retryAfter')}: ${f.retryAfter}`);
    lines.push(`- ${t('inspector.fields.explanation')}: ${inline(f.explanation)}`);
    lines.push(`- ${t('inspector.fields.advice')}: ${inline(f.advice)}`);
    if (f.serverDetail) lines.push(`- ${t('inspector.fields.detail')}: ${inline(f.serverDetail)}`);
    for (const row of f.rows) lines.push(`  - ${inline(row.code)} ${inline(row.path)}: ${inline(row.detail)}`);
    if (f.excerpt) {
      const mark = fence(f.excerpt);
      lines.push('', `${t('inspector.fields.response')}:`, '', mark, f.excerpt, mark);
    }
  });
  return `${lines.join('\n')}\n`;
};

/** Entries that pass the panel's filters; `caller` is a caller key (`widget:<code>`, `page`, `unknown`). */
export interface Filters {
  caller: string;
  source: string;
  status: string;
  code: string;
}

export const applyFilters = (entries: readonly Entry[], filters: Filters): Entry[] =>
  entries.filter(
    (e) =>
      (!filters.caller || callerKey(e.caller) === filters.caller) &&
      (!filters.source || e.source === filters.source) &&
      (!filters.status || String(e.status) === filters.status) &&
      (!filters.code || (e.code || e.shape) === filters.code),
  );
