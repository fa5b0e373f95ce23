/** Date and time formatting, always in an explicit time zone (conversions: ./time). */

export interface FormatOptions {
  /** BCP 47 locale, e.g. "fi-FI" or "en-GB". */
  locale: string;
  /** IANA time zone, e.g. "Europe/Helsinki". */
  timeZone: string;
  dateStyle?: 'full' | 'long' | 'medium' | 'short';
  /** `null` leaves the time out. */
  timeStyle?: 'full' | 'long' | 'medium' | 'short' | null;
}

/** Format an ISO instant in the given locale and time zone. Invalid input is returned as is. */
export function formatDateTime(iso: string, { locale, timeZone, dateStyle = 'medium', timeStyle = 'short' }: FormatOptions): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { timeZone, dateStyle };
  if (timeStyle) options.timeStyle = timeStyle;
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** BCP 47 locale used with Intl for an interface language. */
export function intlLocale(language: string): string {
  switch (language) {
    case 'fi':
      return 'fi-FI';
    case 'sv':
      return 'sv-SE';
    case 'nb':
      return 'nb-NO';
    default:
      return 'en-GB';
  }
}
