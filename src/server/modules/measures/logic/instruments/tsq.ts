// Trauma Screening Questionnaire (Brewin et al., 2002). Needs the authors' permission: shipped
// behind `requiresLicence`, enabled only once a provider confirms it holds a licence.
// The name and band labels are ours, in all four languages; item wordings ship in English only
// (no official Finnish, Swedish or Norwegian wording is at hand): the provider's to enter.
import type { InstrumentDefinition } from '../instrument.js';

const texts = [
  'Upsetting thoughts or memories about the event that have come into your mind against your will',
  'Upsetting dreams about the event',
  'Acting or feeling as though the event were happening again',
  'Feeling upset by reminders of the event',
  'Bodily reactions (such as fast heartbeat, stomach churning, sweatiness, dizziness) when reminded of the event',
  'Difficulty falling or staying asleep',
  'Irritability or outbursts of anger',
  'Difficulty concentrating',
  'Heightened awareness of potential dangers to yourself and others',
  'Being jumpy or being startled at something unexpected',
];

export const tsq: InstrumentDefinition = {
  key: 'tsq',
  version: 1,
  name: {
    fi: 'Traumaseulontakysely (TSQ)',
    sv: 'Traumascreeningformulär (TSQ)',
    nb: 'Traumescreeningskjema (TSQ)',
    en: 'Trauma Screening Questionnaire (TSQ)',
  },
  instructions: {
    en: 'Please consider the following reactions which sometimes occur after a traumatic event. This questionnaire is concerned with your personal reactions to the traumatic event which happened a few weeks ago. Please indicate whether or not you have experienced any of the following at least twice in the past week.',
  },
  languages: { en: { source: 'Brewin, Rose, Andrews et al. (2002), British Journal of Psychiatry 181:158–162' } },
  licence: "Brewin et al. (2002). The authors' permission is needed before use; enable only under a provider's confirmed licence.",
  requiresLicence: true,
  optionSets: {
    yesno: [
      { value: 1, label: { en: 'Yes, at least twice in the past week' } },
      { value: 0, label: { en: 'No' } },
    ],
  },
  // i1–i5 re-experiencing, i6–i10 arousal.
  items: texts.map((en, i) => ({ id: `i${i + 1}`, type: 'choice' as const, options: 'yesno', text: { en } })),
  scoring: { method: 'sum', min: 0, max: 10 },
  bands: [
    {
      id: 'negative',
      min: 0,
      max: 5,
      label: { fi: 'Seula negatiivinen', sv: 'Negativ screening', nb: 'Negativ screening', en: 'Negative screen' },
      severity: 'none',
    },
    {
      id: 'positive',
      min: 6,
      max: 10,
      label: {
        fi: 'Seula positiivinen: tarjoa lähetettä kattavaan arvioon',
        sv: 'Positiv screening: erbjud remiss till en fullständig bedömning',
        nb: 'Positiv screening: tilby henvisning til en full vurdering',
        en: 'Positive screen: offer a referral for a full assessment',
      },
      severity: 'severe',
      alert: 'urgent',
      guidance: true,
    },
  ],
  flags: [],
  minIntervalDays: 7,
  higherIsBetter: false,
};
