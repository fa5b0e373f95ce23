// PHQ-9 (Spitzer, Williams, Kroenke and colleagues, with an educational grant from Pfizer Inc.).
// Public domain. The name, band and flag labels are ours, in all four languages. Item wordings,
// options and instructions ship in English and in the official Swedish translation (Pfizer AB,
// translated by Mats Adler, Karolinska University Hospital Huddinge; the wording as published on
// screener.se/single/PHQ-9). No stored public source gives the official Finnish or Norwegian
// wording (Mielenterveystalo loads its form at run time), so those are the provider's to enter.
import type { InstrumentDefinition } from '../instrument.js';

export const phq9: InstrumentDefinition = {
  key: 'phq9',
  version: 1,
  name: {
    fi: 'PHQ-9-masennuskysely',
    sv: 'PHQ-9 (självskattning av depression)',
    nb: 'PHQ-9 (spørreskjema om depresjon)',
    en: 'PHQ-9 (Patient Health Questionnaire)',
  },
  instructions: {
    en: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    sv: 'Under de senaste 2 veckorna, hur ofta har du besvärats av något av följande problem?',
  },
  languages: {
    en: { source: 'Pfizer Inc. / PHQ Screeners (phqscreeners.com), English original' },
    sv: {
      source:
        'Pfizer AB Swedish translation by Mats Adler, Affektiva mottagningen, Karolinska Universitetssjukhuset Huddinge (dated 051228), as published on screener.se/single/PHQ-9',
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
        sv: 'Att du rört dig eller talat så långsamt att andra noterat det? Eller motsatsen att du varit så nervös eller rastlös att du rört dig mer än vanligt',
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
    {
      id: 'minimal',
      min: 0,
      max: 4,
      label: {
        fi: 'Vähäiset masennusoireet',
        sv: 'Minimala depressiva symtom',
        nb: 'Minimale depressive symptomer',
        en: 'Minimal depressive symptoms',
      },
      severity: 'none',
    },
    {
      id: 'mild',
      min: 5,
      max: 9,
      label: {
        fi: 'Lievät masennusoireet',
        sv: 'Lindriga depressiva symtom',
        nb: 'Milde depressive symptomer',
        en: 'Mild depressive symptoms',
      },
      severity: 'mild',
    },
    {
      id: 'moderate',
      min: 10,
      max: 14,
      label: {
        fi: 'Keskivaikeat masennusoireet',
        sv: 'Måttliga depressiva symtom',
        nb: 'Moderate depressive symptomer',
        en: 'Moderate depressive symptoms',
      },
      severity: 'moderate',
      alert: 'normal',
    },
    {
      id: 'moderately_severe',
      min: 15,
      max: 19,
      label: {
        fi: 'Melko vaikeat masennusoireet',
        sv: 'Medelsvåra depressiva symtom',
        nb: 'Moderat alvorlige depressive symptomer',
        en: 'Moderately severe depressive symptoms',
      },
      severity: 'severe',
      alert: 'normal',
      guidance: true,
    },
    {
      id: 'severe',
      min: 20,
      max: 27,
      label: {
        fi: 'Vaikeat masennusoireet',
        sv: 'Svåra depressiva symtom',
        nb: 'Alvorlige depressive symptomer',
        en: 'Severe depressive symptoms',
      },
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
        fi: 'Ajatuksia kuolemasta tai itsensä vahingoittamisesta (kysymys 9): käynnistä turvallisuuskäytäntö heti',
        sv: 'Tankar på döden eller självskada (fråga 9): starta säkerhetsrutinen nu',
        nb: 'Tanker om døden eller om å skade seg selv (spørsmål 9): start sikkerhetsrutinen nå',
        en: 'Thoughts of death or self-harm (item 9): start the safety workflow now',
      },
      alert: 'urgent',
      guidance: true,
    },
  ],
  minIntervalDays: 14,
  higherIsBetter: false,
};
