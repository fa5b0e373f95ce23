import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { toLocale } from './i18n';
import { useSession } from './session';

/** When signed in, follow the language saved in the user's profile. */
export function LanguageSync() {
  const { i18n } = useTranslation();
  const { data: session } = useSession();
  const profileLocale = toLocale(session?.user.locale);
  useEffect(() => {
    if (profileLocale && toLocale(i18n.resolvedLanguage ?? i18n.language) !== profileLocale) {
      void i18n.changeLanguage(profileLocale);
    }
  }, [profileLocale, i18n]);
  return null;
}
