/** Display formatting through Intl only (no date or money libraries in a bundle loaded on every page). */

import { zonedDateFormat } from './zonedDateFormat';

const cache = new Map<string, Intl.NumberFormat>();

const numberFormat = (key: string, make: () => Intl.NumberFormat): Intl.NumberFormat => {
  let format = cache.get(key);
  if (!format) {
    try {
      format = make();
    } catch {
      // An unknown currency or unit: plain numbers still say enough.
      format = new Intl.NumberFormat();
    }
    cache.set(key, format);
  }
  return format;
};

/** A budget in the account's currency, without cents. */
export const formatMoney = (amount: number, language: string, currency: string): string =>
  numberFormat(
    `money:${language}:${currency}`,
    () => new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: 0 }),
  ).format(amount);

/** "5 minutes", "3 hours", "12 days": how long a deal has been without a next step. */
export const formatDuration = (ms: number, language: string): string => {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const [unit, value] =
    minutes < 60
      ? (['minute', minutes] as const)
      : minutes < 1440
        ? (['hour', Math.floor(minutes / 60)] as const)
        : (['day', Math.floor(minutes / 1440)] as const);
  return numberFormat(
    `unit:${language}:${unit}`,
    () => new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }),
  ).format(value);
};

/** "Fri, 27 Nov, 10:00" in the account's time zone. */
export const formatWhen = (ms: number, language: string, timeZone: string): string =>
  zonedDateFormat('when', language, timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
