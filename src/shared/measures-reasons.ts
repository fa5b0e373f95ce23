/**
 * Why an alert was raised, in words, in the reader's language (fi, sv, nb, en): the short
 * clinician names of the built-in instruments' bands and flags, and the sentence around them.
 * Shared so the web (alerts, home card) and the server (mail) say the same thing. Pure.
 */
import type { Locale } from './locales.js';
import { parseReason } from './measures-logic.js';

type Words = Record<Locale, string>;

/** PC-PTSD-5 and the TSQ are both screens: one negative/positive pair names the bands of either. */
const screenBands: Record<string, Words> = {
  negative: { fi: 'seula negatiivinen', sv: 'negativ screening', nb: 'negativ screening', en: 'negative screen' },
  positive: {
    fi: 'seula positiivinen (tarjoa ohjausta arvioon)',
    sv: 'positiv screening (erbjud remiss för bedömning)',
    nb: 'positiv screening (tilby henvisning til vurdering)',
    en: 'positive screen (offer a referral for assessment)',
  },
};

/** Short staff-facing band names of the built-in instruments (instrument key → band id → words). */
export const builtInBandNames: Record<string, Record<string, Words>> = {
  who5: {
    likely_depression: {
      fi: 'hyvin heikko hyvinvointi (masennusseula suositeltava)',
      sv: 'mycket lågt välbefinnande (depressionsscreening rekommenderas)',
      nb: 'svært lav trivsel (screening for depresjon anbefales)',
      en: 'very low well-being (depression screening advised)',
    },
    poor: { fi: 'heikko hyvinvointi', sv: 'lågt välbefinnande', nb: 'lav trivsel', en: 'poor well-being' },
    good: { fi: 'hyvä hyvinvointi', sv: 'gott välbefinnande', nb: 'god trivsel', en: 'good well-being' },
  },
  phq9: {
    minimal: {
      fi: 'vähäiset masennusoireet',
      sv: 'minimala depressiva symtom',
      nb: 'minimale depressive symptomer',
      en: 'minimal depressive symptoms',
    },
    mild: {
      fi: 'lievät masennusoireet',
      sv: 'lindriga depressiva symtom',
      nb: 'milde depressive symptomer',
      en: 'mild depressive symptoms',
    },
    moderate: {
      fi: 'keskivaikeat masennusoireet',
      sv: 'måttliga depressiva symtom',
      nb: 'moderate depressive symptomer',
      en: 'moderate depressive symptoms',
    },
    moderately_severe: {
      fi: 'melko vaikeat masennusoireet',
      sv: 'medelsvåra depressiva symtom',
      nb: 'moderat alvorlige depressive symptomer',
      en: 'moderately severe depressive symptoms',
    },
    severe: {
      fi: 'vaikeat masennusoireet',
      sv: 'svåra depressiva symtom',
      nb: 'alvorlige depressive symptomer',
      en: 'severe depressive symptoms',
    },
  },
  gad7: {
    minimal: { fi: 'vähäinen ahdistuneisuus', sv: 'minimal ångest', nb: 'minimal angst', en: 'minimal anxiety' },
    mild: { fi: 'lievä ahdistuneisuus', sv: 'lindrig ångest', nb: 'mild angst', en: 'mild anxiety' },
    moderate: { fi: 'keskivaikea ahdistuneisuus', sv: 'måttlig ångest', nb: 'moderat angst', en: 'moderate anxiety' },
    severe: { fi: 'vaikea ahdistuneisuus', sv: 'svår ångest', nb: 'alvorlig angst', en: 'severe anxiety' },
  },
  pcptsd5: screenBands,
  tsq: screenBands,
  was: {
    poor: { fi: 'huono työkyky', sv: 'dålig arbetsförmåga', nb: 'dårlig arbeidsevne', en: 'poor work ability' },
    moderate: { fi: 'kohtalainen työkyky', sv: 'måttlig arbetsförmåga', nb: 'moderat arbeidsevne', en: 'moderate work ability' },
    good: {
      fi: 'hyvä tai erinomainen työkyky',
      sv: 'god eller utmärkt arbetsförmåga',
      nb: 'god eller utmerket arbeidsevne',
      en: 'good or excellent work ability',
    },
  },
  session_feedback: {
    needs_attention: { fi: 'vaatii huomiota', sv: 'behöver uppmärksamhet', nb: 'trenger oppmerksomhet', en: 'needs attention' },
    good: { fi: 'hyvä', sv: 'bra', nb: 'bra', en: 'good' },
  },
};

/** Item-level flags of the built-in instruments (flag id → words). */
export const builtInFlagNames: Record<string, Words> = {
  self_harm: {
    fi: 'ajatuksia kuolemasta tai itsensä vahingoittamisesta',
    sv: 'tankar på döden eller på att skada sig själv',
    nb: 'tanker om døden eller om å skade seg selv',
    en: 'thoughts of death or self-harm',
  },
  item_low: {
    fi: 'jokin kysymys vastattu ”vähän aikaa” tai ”ei koskaan”',
    sv: 'en fråga besvarad med ”en del av tiden” eller ”aldrig”',
    nb: 'et utsagn besvart med «av og til» eller «aldri»',
    en: 'an item answered "some of the time" or "at no time"',
  },
};

const SENTENCES: Record<'band' | 'flag' | 'drop' | 'other', Words> = {
  band: { fi: 'Tulos: {x}', sv: 'Resultat: {x}', nb: 'Resultat: {x}', en: 'Result: {x}' },
  flag: {
    fi: 'Vastaus vaatii huomiota: {x}',
    sv: 'Svar som kräver uppmärksamhet: {x}',
    nb: 'Svar som krever oppmerksomhet: {x}',
    en: 'Answer that needs attention: {x}',
  },
  drop: {
    fi: 'Selvä heikkeneminen edelliseen vastaukseen verrattuna',
    sv: 'En tydlig försämring sedan förra svaret',
    nb: 'En tydelig forverring siden forrige svar',
    en: 'A clear worsening since the previous answer',
  },
  other: { fi: 'Muu syy', sv: 'Annan orsak', nb: 'Annen årsak', en: 'Another reason' },
};

/** A provider's own band or flag label (any of the four languages), used when no built-in name exists. */
export type OwnLabel = Partial<Record<Locale, string>> | null | undefined;

function pick(words: OwnLabel, locale: Locale): string | null {
  if (!words) return null;
  return words[locale] ?? words.en ?? words.fi ?? words.sv ?? words.nb ?? null;
}

/**
 * The words for one alert reason ("band:severe", "flag:self_harm", "drop") of an instrument, in
 * `locale`. `own` is the instrument's own label for the band or flag (a provider's questionnaire);
 * the built-in name wins when there is one. Never returns a raw key.
 */
export function reasonText(locale: Locale, instrumentKey: string, reason: string, own?: OwnLabel): string {
  const parsed = parseReason(reason);
  const fill = (kind: 'band' | 'flag', x: string) => SENTENCES[kind][locale].replace('{x}', x);
  if (parsed.kind === 'drop') return SENTENCES.drop[locale];
  if (parsed.kind === 'band') {
    const name = builtInBandNames[instrumentKey]?.[parsed.id]?.[locale] ?? pick(own, locale);
    return name ? fill('band', name) : SENTENCES.other[locale];
  }
  if (parsed.kind === 'flag') {
    const name = builtInFlagNames[parsed.id]?.[locale] ?? pick(own, locale);
    return name ? fill('flag', name) : SENTENCES.other[locale];
  }
  return SENTENCES.other[locale];
}

/** The short name of a band in `locale` (built-in first, else the instrument's own label); null when unknown. */
export function bandName(locale: Locale, instrumentKey: string, bandId: string, own?: OwnLabel): string | null {
  return builtInBandNames[instrumentKey]?.[bandId]?.[locale] ?? pick(own, locale);
}
