// Where a respondent can get help, by the country: the defaults a provider may add its own text to
// (measure settings). Numbers are the national ones, in every language. The emergency sentence is
// made from the same lines, so the page, the result and the mail never disagree (issue 9: a Finnish
// provider's page in Norwegian listed 112 and MIELI and then said "Ring 113").
import { isLocale, type Locale } from '../../../kernel/i18n/i18n.js';
import type { Country } from './roi.js';

export interface CrisisLine {
  name: string;
  phone: string;
  hours: string;
}

type Words = Record<Locale, string>;

interface LineDef {
  name: Words;
  phone: string | (Partial<Record<Locale, string>> & { default: string });
  /** An emergency number: named in the emergency sentence, with what it is for where a country has several. */
  emergency?: { for?: Words };
}

const always: Words = { fi: 'aina auki', sv: 'öppet dygnet runt', nb: 'døgnåpen', en: 'open round the clock' };
const emergencyNumber: Words = { fi: 'Hätänumero', sv: 'Nödnummer', nb: 'Nødnummer', en: 'Emergency number' };
const same = (name: string): Words => ({ fi: name, sv: name, nb: name, en: name });

const lines: Record<Country, LineDef[]> = {
  FI: [
    { name: emergencyNumber, phone: '112', emergency: {} },
    {
      name: { fi: 'MIELI Kriisipuhelin', sv: 'Kristelefonen (MIELI, på svenska)', nb: 'MIELI Kriisipuhelin', en: 'MIELI Kriisipuhelin' },
      phone: { default: '09 2525 0111', sv: '09 2525 0112' },
    },
  ],
  SE: [
    { name: emergencyNumber, phone: '112', emergency: {} },
    { name: same('Självmordslinjen (Mind)'), phone: '90101' },
    { name: same('1177 Vårdguiden'), phone: '1177' },
  ],
  NO: [
    {
      name: { fi: 'Hätänumero (ambulanssi)', sv: 'Nödnummer (ambulans)', nb: 'Medisinsk nødtelefon', en: 'Medical emergency' },
      phone: '113',
      emergency: { for: { fi: 'ambulanssi', sv: 'ambulans', nb: 'ambulanse', en: 'ambulance' } },
    },
    {
      name: { fi: 'Poliisi', sv: 'Polis', nb: 'Politi', en: 'Police' },
      phone: '112',
      emergency: { for: { fi: 'poliisi', sv: 'polis', nb: 'politi', en: 'police' } },
    },
    { name: same('Mental Helse Hjelpetelefonen'), phone: '116 123' },
    { name: same('Kirkens SOS'), phone: '22 40 00 40' },
  ],
};

const phoneOf = (line: LineDef, locale: Locale) =>
  typeof line.phone === 'string' ? line.phone : (line.phone[locale] ?? line.phone.default);

export function crisisLines(country: Country, locale: Locale): CrisisLine[] {
  return lines[country].map((line) => ({ name: line.name[locale], phone: phoneOf(line, locale), hours: always[locale] }));
}

const sentence: Record<Locale, { text: (numbers: string) => string; or: string }> = {
  fi: { text: (n) => `Hätätilanteessa soita ${n}.`, or: 'tai' },
  sv: { text: (n) => `Ring ${n} i en nödsituation.`, or: 'eller' },
  nb: { text: (n) => `Ring ${n} i en nødsituasjon.`, or: 'eller' },
  en: { text: (n) => `In an emergency, call ${n}.`, or: 'or' },
};

/** The emergency numbers of a country, in order ("113", "112"). */
export function emergencyNumbers(country: Country): string[] {
  return lines[country].filter((l) => l.emergency).map((l) => phoneOf(l, 'en'));
}

/**
 * "In an emergency, call 112." — made from the country's emergency lines, in the reader's language
 * ("Ring 113 (ambulanse) eller 112 (politi) i en nødsituasjon." for Norway).
 */
export function emergencySentence(country: Country, locale: Locale): string {
  const s = sentence[locale];
  const numbers = lines[country]
    .filter((l) => l.emergency)
    .map((l) => (l.emergency?.for ? `${phoneOf(l, locale)} (${l.emergency.for[locale]})` : phoneOf(l, locale)));
  return s.text(numbers.join(` ${s.or} `));
}

/** The country whose lines a person is shown: the person's where known, else the provider's. */
export function safetyCountry(providerCountry: Country, personCountry?: Country | null): Country {
  return personCountry ?? providerCountry;
}

/** Which language of the provider's guidance text a reader gets: theirs, else the provider's, else English, else none. */
export function guidanceLanguage(guidance: Partial<Record<Locale, string>> | null, reader: Locale, providerLocale: string): Locale | null {
  const has = (l: string): l is Locale => isLocale(l) && !!guidance?.[l]?.trim();
  for (const l of [reader, providerLocale, 'en']) if (has(l)) return l;
  return null;
}
