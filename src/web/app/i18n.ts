import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import fi from '../locales/fi.json';
import nb from '../locales/nb.json';
import sv from '../locales/sv.json';
import intakeEn from '../modules/intake/locales/en.json';
import intakeFi from '../modules/intake/locales/fi.json';
import intakeNb from '../modules/intake/locales/nb.json';
import intakeSv from '../modules/intake/locales/sv.json';
import measuresEn from '../modules/measures/locales/en.json';
import measuresFi from '../modules/measures/locales/fi.json';
import measuresNb from '../modules/measures/locales/nb.json';
import measuresSv from '../modules/measures/locales/sv.json';
import supervisionEn from '../modules/supervision/locales/en.json';
import supervisionFi from '../modules/supervision/locales/fi.json';
import supervisionNb from '../modules/supervision/locales/nb.json';
import supervisionSv from '../modules/supervision/locales/sv.json';
import { LOCALES, type Locale } from './types';

export const LANGUAGE_STORAGE_KEY = 'rinnalla.language';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
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
    resources: {
      en: { translation: en, intake: intakeEn, supervision: supervisionEn, measures: measuresEn },
      fi: { translation: fi, intake: intakeFi, supervision: supervisionFi, measures: measuresFi },
      sv: { translation: sv, intake: intakeSv, supervision: supervisionSv, measures: measuresSv },
      nb: { translation: nb, intake: intakeNb, supervision: supervisionNb, measures: measuresNb },
    },
    ns: ['translation', 'intake', 'supervision', 'measures'],
    defaultNS: 'translation',
    supportedLngs: [...LOCALES],
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
