// WHO-5 Well-Being Index (WHO Regional Office for Europe, 1998). Free to use; official
// translations are kept by the Psychiatric Centre North Zealand (Region Hovedstaden).
// Swedish and Finnish are left out until their official wording is at hand (INSTRUMENTS.md).
import type { InstrumentDefinition } from '../instrument.js';

export const who5: InstrumentDefinition = {
  key: 'who5',
  version: 1,
  name: { en: 'WHO-5 Well-Being Index', nb: 'WHO-5 (5 spørsmål om trivsel og velvære)' },
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
        en: 'Very low well-being: a depression screen and a professional assessment are advised',
        nb: 'Svært lav trivsel: screening for depresjon og faglig vurdering anbefales',
      },
      severity: 'severe',
      alert: 'normal',
      guidance: true,
    },
    {
      id: 'poor',
      min: 29,
      max: 49,
      label: { en: 'Poor well-being', nb: 'Lav trivsel' },
      severity: 'moderate',
      guidance: true,
    },
    { id: 'good', min: 50, max: 100, label: { en: 'Good well-being', nb: 'God trivsel' }, severity: 'none' },
  ],
  flags: [
    {
      id: 'item_low',
      items: 'any',
      min: 0,
      max: 1,
      label: { en: 'An item answered "some of the time" or "at no time"', nb: 'Et utsagn besvart med «av og til» eller «aldri»' },
      alert: 'normal',
    },
  ],
  change: { meaningful: 10, alertOnDrop: 'normal' },
  minIntervalDays: 7,
  higherIsBetter: true,
};
