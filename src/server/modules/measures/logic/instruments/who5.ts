// WHO-5 Well-Being Index (WHO Regional Office for Europe, 1998). Free to use; official
// translations are kept by the Psychiatric Centre North Zealand (Region Hovedstaden).
// The name, band and flag labels are ours and exist in all four languages. Item wordings, options
// and instructions ship only where an official version was found in a public source: English and
// Norwegian (mestring.no names Olaf Bakke's approved translation). No stored public source gives
// the official Finnish or Swedish wording (the versions in public code disagree with each other),
// so those are left to the provider's own translation (instrument_translations), never ours.
import type { InstrumentDefinition } from '../instrument.js';

export const who5: InstrumentDefinition = {
  key: 'who5',
  version: 1,
  name: {
    fi: 'WHO-5-hyvinvointi-indeksi',
    sv: 'WHO-5 välbefinnandeindex',
    nb: 'WHO-5 (5 spørsmål om trivsel og velvære)',
    en: 'WHO-5 Well-Being Index',
  },
  instructions: {
    en: 'Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks. Notice that higher numbers mean better well-being. Over the last two weeks…',
    nb: 'Ved å svare på spørsmålene nedenfor kan du gi oss et bilde av hvor bra eller dårlig du føler deg for tiden. Velg det svaret som passer best for hver uttalelse om hvordan du for det meste har følt deg gjennom de siste to ukene. Høyere tall betyr bedre trivsel og velvære. I de siste to ukene har jeg …',
  },
  languages: {
    en: { source: 'WHO Regional Office for Europe (1998); Psychiatric Centre North Zealand, Region Hovedstaden (WHO-5 website)' },
    nb: {
      source:
        'Official Norwegian translation by Olaf Bakke (2004, version 1.1), listed by the Psychiatric Centre North Zealand, Region Hovedstaden (WHO-5 website); approved Norwegian translation per mestring.no',
    },
  },
  licence:
    'Free to use, no permission needed. © WHO Regional Office for Europe; official translations kept by the Psychiatric Centre North Zealand (Region Hovedstaden).',
  requiresLicence: false,
  optionSets: {
    frequency: [
      { value: 5, label: { en: 'All of the time', nb: 'Hele tiden' } },
      { value: 4, label: { en: 'Most of the time', nb: 'Det meste av tiden' } },
      { value: 3, label: { en: 'More than half of the time', nb: 'Mer enn halve tiden' } },
      { value: 2, label: { en: 'Less than half of the time', nb: 'Mindre enn halve tiden' } },
      { value: 1, label: { en: 'Some of the time', nb: 'Av og til' } },
      { value: 0, label: { en: 'At no time', nb: 'Aldri' } },
    ],
  },
  items: [
    {
      id: 'i1',
      type: 'choice',
      options: 'frequency',
      text: { en: 'I have felt cheerful and in good spirits', nb: '… følt meg glad og i godt humør' },
    },
    { id: 'i2', type: 'choice', options: 'frequency', text: { en: 'I have felt calm and relaxed', nb: '… følt meg rolig og avslappet' } },
    { id: 'i3', type: 'choice', options: 'frequency', text: { en: 'I have felt active and vigorous', nb: '… følt meg aktiv og sterk' } },
    {
      id: 'i4',
      type: 'choice',
      options: 'frequency',
      text: { en: 'I woke up feeling fresh and rested', nb: '… følt meg opplagt og uthvilt når jeg våkner' },
    },
    {
      id: 'i5',
      type: 'choice',
      options: 'frequency',
      text: {
        en: 'My daily life has been filled with things that interest me',
        nb: '… følt at mitt daglige liv har vært fylt av ting som interesserer meg',
      },
    },
  ],
  scoring: { method: 'sum', multiplier: 4, min: 0, max: 100 },
  bands: [
    {
      id: 'likely_depression',
      min: 0,
      max: 28,
      label: {
        fi: 'Hyvin heikko hyvinvointi: masennusseulaa ja ammattilaisen arviota suositellaan',
        sv: 'Mycket lågt välbefinnande: screening för depression och en professionell bedömning rekommenderas',
        nb: 'Svært lav trivsel: screening for depresjon og faglig vurdering anbefales',
        en: 'Very low well-being: a depression screen and a professional assessment are advised',
      },
      severity: 'severe',
      alert: 'normal',
      guidance: true,
    },
    {
      id: 'poor',
      min: 29,
      max: 49,
      label: { fi: 'Heikko hyvinvointi', sv: 'Lågt välbefinnande', nb: 'Lav trivsel', en: 'Poor well-being' },
      severity: 'moderate',
      guidance: true,
    },
    {
      id: 'good',
      min: 50,
      max: 100,
      label: { fi: 'Hyvä hyvinvointi', sv: 'Gott välbefinnande', nb: 'God trivsel', en: 'Good well-being' },
      severity: 'none',
    },
  ],
  flags: [
    {
      id: 'item_low',
      items: 'any',
      min: 0,
      max: 1,
      // Named by value, not by option label: a provider's translation may word the options its own way.
      label: {
        fi: 'Jokin väittämä sai vastauksen 1 tai 0 (kaksi alinta vaihtoehtoa)',
        sv: 'Ett påstående fick svaret 1 eller 0 (de två lägsta alternativen)',
        nb: 'Et utsagn besvart med «av og til» eller «aldri»',
        en: 'An item answered "some of the time" or "at no time"',
      },
      alert: 'normal',
    },
  ],
  change: { meaningful: 10, alertOnDrop: 'normal' },
  minIntervalDays: 7,
  higherIsBetter: true,
};
