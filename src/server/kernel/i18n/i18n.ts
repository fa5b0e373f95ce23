import i18next, { type TFunction } from 'i18next';
import { type Locale, locales } from '../../../shared/locales.js';
import en from './locales/en.json' with { type: 'json' };
import fi from './locales/fi.json' with { type: 'json' };
import nb from './locales/nb.json' with { type: 'json' };
import sv from './locales/sv.json' with { type: 'json' };

export { type Locale, locales };

const instance = i18next.createInstance();
void instance.init({
  resources: { fi: { translation: fi }, sv: { translation: sv }, nb: { translation: nb }, en: { translation: en } },
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Server-side strings (mail) in the recipient's language. */
export function translator(locale: string | null | undefined): TFunction {
  return instance.getFixedT(isLocale(locale) ? locale : 'en');
}

/** Picks the best of our languages from an Accept-Language header. */
export function localeFromHeader(header: string | undefined, fallback: Locale = 'en'): Locale {
  if (!header) return fallback;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    const base = tag.split('-')[0] ?? '';
    if (base === 'no' || base === 'nn') return 'nb';
    if (isLocale(base)) return base;
  }
  return fallback;
}

/**
 * Puts `{name}` values into a module's mail text; an unknown placeholder stays visible rather than
 * vanishing. Modules keep their texts as typed objects (one per language) and fill them with this.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
