import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { type Locale, locales } from '../../shared/locales';
import { namespaces, resources } from './resources';

export const LANGUAGE_STORAGE_KEY = 'rinnalla.language';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Map any BCP 47 tag to one of our languages ("no", "nn", "nb-NO" → "nb"; "sv-FI" → "sv"). */
export function toLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === 'no' || base === 'nn') return 'nb';
  return isLocale(base) ? base : null;
}

function applyDocumentLanguage(language: string) {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = toLocale(language) ?? 'en';
  }
}

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    // One namespace per domain module, so each module keeps its own strings (useTranslation('intake')).
    resources,
    ns: [...namespaces],
    defaultNS: 'translation',
    supportedLngs: [...locales],
    nonExplicitSupportedLngs: false,
    load: 'languageOnly',
    fallbackLng: {
      no: ['nb', 'en'],
      nn: ['nb', 'en'],
      default: ['en'],
    },
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: (lng: string) => toLocale(lng) ?? lng,
    },
    react: { useSuspense: false },
  });

applyDocumentLanguage(i18n.resolvedLanguage ?? i18n.language ?? 'en');
i18n.on('languageChanged', applyDocumentLanguage);

/** The active interface language, always one of ours. */
export function currentLocale(): Locale {
  return toLocale(i18n.resolvedLanguage ?? i18n.language) ?? 'en';
}

export default i18n;
