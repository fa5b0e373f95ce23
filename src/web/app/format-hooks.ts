import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormatOptions, formatDateTime, intlLocale } from './format';
import { toLocale } from './i18n';
import { useSession } from './session';
import { browserTimeZone, isValidTimeZone } from './time';

type Style = Pick<FormatOptions, 'dateStyle' | 'timeStyle'>;

/** Formatting bound to the active language and the user's time zone (else the browser's). */
export function useFormat() {
  const { i18n } = useTranslation();
  const { data: session } = useSession();
  const language = toLocale(i18n.resolvedLanguage ?? i18n.language) ?? 'en';
  const userZone = session?.user.timeZone;
  return useMemo(() => {
    const timeZone = userZone && isValidTimeZone(userZone) ? userZone : browserTimeZone();
    const locale = intlLocale(language);
    return {
      locale,
      timeZone,
      dateTime: (iso: string, style?: Style) => formatDateTime(iso, { locale, timeZone, ...style }),
      date: (iso: string) => formatDateTime(iso, { locale, timeZone, dateStyle: 'medium', timeStyle: null }),
      number: (value: number) => new Intl.NumberFormat(locale).format(value),
    };
  }, [language, userZone]);
}
