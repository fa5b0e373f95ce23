// Work Ability Score: the single first item of the Work Ability Index (Finnish Institute of
// Occupational Health, FIOH). The name and band labels are ours, in all four languages. The item
// wording ships in English only: no stored public source gives FIOH's Finnish or Swedish
// Työkykyindeksi wording, nor an official Norwegian one, so those are the provider's to enter.
import type { InstrumentDefinition, OptionChoice } from '../instrument.js';

const scale: OptionChoice[] = Array.from({ length: 11 }, (_, value) => ({
  value,
  label: { en: value === 0 ? 'completely unable to work' : value === 10 ? 'work ability at its lifetime best' : String(value) },
}));

export const was: InstrumentDefinition = {
  key: 'was',
  version: 1,
  name: {
    fi: 'Työkykypistemäärä (WAS)',
    sv: 'Arbetsförmågepoäng (WAS)',
    nb: 'Arbeidsevnepoeng (WAS)',
    en: 'Work Ability Score (WAS)',
  },
  instructions: {
    en: 'Current work ability compared with the lifetime best. Assume that your work ability at its best has a value of 10 points. How many points would you give your current work ability? (0 means that you cannot currently work at all.)',
  },
  languages: { en: { source: 'Work Ability Index, item 1 (Finnish Institute of Occupational Health, FIOH), English version' } },
  licence: 'Single item from the Work Ability Index (Finnish Institute of Occupational Health, FIOH).',
  requiresLicence: false,
  optionSets: { scale },
  items: [{ id: 'i1', type: 'choice', options: 'scale', text: { en: 'My current work ability, compared with its lifetime best' } }],
  scoring: { method: 'sum', min: 0, max: 10 },
  bands: [
    {
      id: 'poor',
      min: 0,
      max: 5,
      label: { fi: 'Huono työkyky', sv: 'Dålig arbetsförmåga', nb: 'Dårlig arbeidsevne', en: 'Poor work ability' },
      severity: 'severe',
    },
    {
      id: 'moderate',
      min: 6,
      max: 7,
      label: { fi: 'Kohtalainen työkyky', sv: 'Måttlig arbetsförmåga', nb: 'Moderat arbeidsevne', en: 'Moderate work ability' },
      severity: 'moderate',
    },
    {
      id: 'good',
      min: 8,
      max: 10,
      label: {
        fi: 'Hyvä tai erinomainen työkyky',
        sv: 'God eller utmärkt arbetsförmåga',
        nb: 'God eller utmerket arbeidsevne',
        en: 'Good or excellent work ability',
      },
      severity: 'none',
    },
  ],
  flags: [],
  minIntervalDays: 7,
  higherIsBetter: true,
};
