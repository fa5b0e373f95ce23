// Where a respondent can get help, by the provider's country: the defaults a provider may add
// its own text to (measure settings). Numbers are the national ones, in every language.
import type { Locale } from '../../../kernel/i18n/i18n.js';
import type { Country } from './roi.js';

export interface CrisisLine {
  name: string;
  phone: string;
  hours: string;
}

const hours = {
  always: { fi: 'aina auki', sv: 'öppet dygnet runt', nb: 'døgnåpen', en: 'open round the clock' },
} as const;

export function crisisLines(country: Country, locale: Locale): CrisisLine[] {
  const always = hours.always[locale];
  switch (country) {
    case 'FI':
      return [
        {
          name: locale === 'sv' ? 'Nödnummer' : locale === 'fi' ? 'Hätänumero' : locale === 'nb' ? 'Nødnummer' : 'Emergency number',
          phone: '112',
          hours: always,
        },
        {
          name: locale === 'sv' ? 'Kristelefonen (MIELI, på svenska)' : 'MIELI Kriisipuhelin',
          phone: locale === 'sv' ? '09 2525 0112' : '09 2525 0111',
          hours: always,
        },
      ];
    case 'SE':
      return [
        {
          name: locale === 'sv' ? 'Nödnummer' : locale === 'fi' ? 'Hätänumero' : locale === 'nb' ? 'Nødnummer' : 'Emergency number',
          phone: '112',
          hours: always,
        },
        { name: 'Självmordslinjen (Mind)', phone: '90101', hours: always },
        { name: '1177 Vårdguiden', phone: '1177', hours: always },
      ];
    case 'NO':
      return [
        {
          name:
            locale === 'sv'
              ? 'Nödnummer (ambulans)'
              : locale === 'fi'
                ? 'Hätänumero (ambulanssi)'
                : locale === 'nb'
                  ? 'Medisinsk nødtelefon'
                  : 'Medical emergency',
          phone: '113',
          hours: always,
        },
        { name: 'Mental Helse Hjelpetelefonen', phone: '116 123', hours: always },
        { name: 'Kirkens SOS', phone: '22 40 00 40', hours: always },
      ];
  }
}
