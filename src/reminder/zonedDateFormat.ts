const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One cached `Intl.DateTimeFormat` per name, language and time zone: building one is slow and the engine and the
 * dialog format often. An unknown zone name from the account falls back to UTC: a shifted clock beats not working.
 */
export const zonedDateFormat = (
  name: string,
  language: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat => {
  const key = `${name}:${language}:${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(language, { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
    }
    formats.set(key, format);
  }
  return format;
};
