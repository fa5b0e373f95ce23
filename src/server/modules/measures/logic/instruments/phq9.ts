// PHQ-9 (Spitzer, Williams, Kroenke and colleagues, with an educational grant from Pfizer Inc.).
// Public domain. Finnish and Norwegian are left out until their official wording is at hand.
import type { InstrumentDefinition } from '../instrument.js';

export const phq9: InstrumentDefinition = {
  key: 'phq9',
  version: 1,
  name: { en: 'PHQ-9 (Patient Health Questionnaire)', sv: 'PHQ-9 (Patient Health Questionnaire)' },
  instructions: {
    en: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    sv: 'Under de senaste 2 veckorna, hur ofta har du besvärats av något av följande problem?',
  },
  languages: {
    en: { source: 'Pfizer Inc. / PHQ Screeners (phqscreeners.com), English original' },
    sv: {
      source:
        'Pfizer Inc. Swedish translation (PHQ Screeners, phqscreeners.com), wording as reproduced in public clinical software (e.g. the BASS4 internet-treatment platform and Stockholm University DSV on GitHub)',
    },
  },
  licence: 'Public domain: no permission or fee needed to reproduce, translate, display or distribute (Pfizer Inc.).',
  requiresLicence: false,
  optionSets: {
    frequency: [
      { value: 0, label: { en: 'Not at all', sv: 'Inte alls' } },
      { value: 1, label: { en: 'Several days', sv: 'Flera dagar' } },
      { value: 2, label: { en: 'More than half the days', sv: 'Mer än hälften av dagarna' } },
      { value: 3, label: { en: 'Nearly every day', sv: 'Nästan varje dag' } },
    ],
  },
  items: [
    {
      id: 'i1',
      type: 'choice',
      options: 'frequency',
      text: { en: 'Little interest or pleasure in doing things', sv: 'Lite intresse eller glädje i att göra saker' },
    },
    {
      id: 'i2',
      type: 'choice',
      options: 'frequency',
      text: { en: 'Feeling down, depressed, or hopeless', sv: 'Känt dig nedstämd, deprimerad eller känt att framtiden ser hopplös ut' },
    },
    {
      id: 'i3',
      type: 'choice',
      options: 'frequency',
      text: {
        en: 'Trouble falling or staying asleep, or sleeping too much',
        sv: 'Problem att somna eller att du vaknat i förtid, eller sovit för mycket',
      },
    },
    {
      id: 'i4',
      type: 'choice',
      options: 'frequency',
      text: { en: 'Feeling tired or having little energy', sv: 'Känt dig trött eller energilös' },
    },
    {
      id: 'i5',
      type: 'choice',
      options: 'frequency',
      text: { en: 'Poor appetite or overeating', sv: 'Dålig aptit eller att du ätit för mycket' },
    },
    {
      id: 'i6',
      type: 'choice',
      options: 'frequency',
      text: {
        en: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
        sv: 'Dålig självkänsla - eller att du känt dig misslyckad eller att du svikit dig själv eller din familj',
      },
    },
    {
      id: 'i7',
      type: 'choice',
      options: 'frequency',
      text: {
        en: 'Trouble concentrating on things, such as reading the newspaper or watching television',
        sv: 'Svårigheter att koncentrera dig, till exempel när du läst tidningen eller sett på TV',
      },
    },
    {
      id: 'i8',
      type: 'choice',
      options: 'frequency',
      text: {
        en: 'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
        sv: 'Att du rört dig eller talat så långsamt att andra noterat det? Eller motsatsen – att du varit så nervös eller rastlös att du rört dig mer än vanligt.',
      },
    },
    {
      id: 'i9',
      type: 'choice',
      options: 'frequency',
      text: {
        en: 'Thoughts that you would be better off dead or of hurting yourself in some way',
        sv: 'Tankar att det skulle vara bättre om du var död eller att du skulle skada dig på något sätt',
      },
    },
  ],
  scoring: { method: 'sum', min: 0, max: 27 },
  bands: [
    { id: 'minimal', min: 0, max: 4, label: { en: 'Minimal depressive symptoms', sv: 'Minimala depressiva symtom' }, severity: 'none' },
    { id: 'mild', min: 5, max: 9, label: { en: 'Mild depressive symptoms', sv: 'Lindriga depressiva symtom' }, severity: 'mild' },
    {
      id: 'moderate',
      min: 10,
      max: 14,
      label: { en: 'Moderate depressive symptoms', sv: 'Måttliga depressiva symtom' },
      severity: 'moderate',
      alert: 'normal',
    },
    {
      id: 'moderately_severe',
      min: 15,
      max: 19,
      label: { en: 'Moderately severe depressive symptoms', sv: 'Medelsvåra depressiva symtom' },
      severity: 'severe',
      alert: 'normal',
      guidance: true,
    },
    {
      id: 'severe',
      min: 20,
      max: 27,
      label: { en: 'Severe depressive symptoms', sv: 'Svåra depressiva symtom' },
      severity: 'severe',
      alert: 'normal',
      guidance: true,
    },
  ],
  flags: [
    {
      id: 'self_harm',
      items: ['i9'],
      min: 1,
      max: 3,
      label: {
        en: 'Thoughts of death or self-harm (item 9): start the safety workflow now',
        sv: 'Tankar på döden eller självskada (fråga 9): starta säkerhetsrutinen nu',
      },
      alert: 'urgent',
      guidance: true,
    },
  ],
  minIntervalDays: 14,
  higherIsBetter: false,
};
