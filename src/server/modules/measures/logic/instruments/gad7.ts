// GAD-7 (Spitzer, Kroenke, Williams and Löwe, with an educational grant from Pfizer Inc.).
// Public domain. The name and band labels are ours, in all four languages. Item wordings, options
// and instructions ship in English only: the Finnish, Swedish and Norwegian versions found in
// public sources disagree with each other and none names the official translation (TOIMIA says
// Pfizer Oy distributes the Finnish one), so those are the provider's to enter.
import type { InstrumentDefinition } from '../instrument.js';

export const gad7: InstrumentDefinition = {
  key: 'gad7',
  version: 1,
  name: {
    fi: 'GAD-7-ahdistuneisuuskysely',
    sv: 'GAD-7 (skattning av ångest)',
    nb: 'GAD-7 (spørreskjema om angst)',
    en: 'GAD-7 (Generalized Anxiety Disorder 7-item scale)',
  },
  instructions: { en: 'Over the last 2 weeks, how often have you been bothered by the following problems?' },
  languages: { en: { source: 'Pfizer Inc. / PHQ Screeners (phqscreeners.com), English original' } },
  licence: 'Public domain: no permission or fee needed to reproduce, translate, display or distribute (Pfizer Inc.).',
  requiresLicence: false,
  optionSets: {
    frequency: [
      { value: 0, label: { en: 'Not at all' } },
      { value: 1, label: { en: 'Several days' } },
      { value: 2, label: { en: 'More than half the days' } },
      { value: 3, label: { en: 'Nearly every day' } },
    ],
  },
  items: [
    { id: 'i1', type: 'choice', options: 'frequency', text: { en: 'Feeling nervous, anxious, or on edge' } },
    { id: 'i2', type: 'choice', options: 'frequency', text: { en: 'Not being able to stop or control worrying' } },
    { id: 'i3', type: 'choice', options: 'frequency', text: { en: 'Worrying too much about different things' } },
    { id: 'i4', type: 'choice', options: 'frequency', text: { en: 'Trouble relaxing' } },
    { id: 'i5', type: 'choice', options: 'frequency', text: { en: 'Being so restless that it is hard to sit still' } },
    { id: 'i6', type: 'choice', options: 'frequency', text: { en: 'Becoming easily annoyed or irritable' } },
    { id: 'i7', type: 'choice', options: 'frequency', text: { en: 'Feeling afraid, as if something awful might happen' } },
  ],
  scoring: { method: 'sum', min: 0, max: 21 },
  bands: [
    {
      id: 'minimal',
      min: 0,
      max: 4,
      label: { fi: 'Vähäinen ahdistuneisuus', sv: 'Minimal ångest', nb: 'Minimal angst', en: 'Minimal anxiety' },
      severity: 'none',
    },
    {
      id: 'mild',
      min: 5,
      max: 9,
      label: { fi: 'Lievä ahdistuneisuus', sv: 'Lindrig ångest', nb: 'Mild angst', en: 'Mild anxiety' },
      severity: 'mild',
    },
    {
      id: 'moderate',
      min: 10,
      max: 14,
      label: { fi: 'Keskivaikea ahdistuneisuus', sv: 'Måttlig ångest', nb: 'Moderat angst', en: 'Moderate anxiety' },
      severity: 'moderate',
      alert: 'normal',
    },
    {
      id: 'severe',
      min: 15,
      max: 21,
      label: { fi: 'Vaikea ahdistuneisuus', sv: 'Svår ångest', nb: 'Alvorlig angst', en: 'Severe anxiety' },
      severity: 'severe',
      alert: 'normal',
      guidance: true,
    },
  ],
  flags: [],
  minIntervalDays: 14,
  higherIsBetter: false,
};
