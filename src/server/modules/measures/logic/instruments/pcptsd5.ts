// Primary Care PTSD Screen for DSM-5 (Prins et al., US National Center for PTSD). Free to use.
// The name and band labels are ours, in all four languages. Item wordings ship in English only: the
// Swedish versions in public sources are free translations (ptsdcentrum.se says so) or partial, and
// no official Finnish or Norwegian wording was found, so those are the provider's to enter.
// The positive band's lower bound is a provider setting (3 in the development study, 4 in a later
// one); the key is PCPTSD5_CUTOFF_SETTING in ./index.ts.
import type { InstrumentDefinition } from '../instrument.js';

const item = (id: string, en: string) => ({ id, type: 'choice' as const, options: 'yesno', text: { en } });

export const pcptsd5: InstrumentDefinition = {
  key: 'pcptsd5',
  version: 1,
  name: {
    // Short words on purpose: a long compound ("perusterveydenhuoltoon") overflows a phone's heading.
    fi: 'Traumaperäisen stressin seula (PC-PTSD-5)',
    sv: 'Screening för posttraumatisk stress (PC-PTSD-5)',
    nb: 'Screening for posttraumatisk stress (PC-PTSD-5)',
    en: 'Primary Care PTSD Screen for DSM-5 (PC-PTSD-5)',
  },
  instructions: {
    en: 'Sometimes things happen to people that are unusually or especially frightening, horrible, or traumatic. For example: a serious accident or fire; a physical or sexual assault or abuse; an earthquake or flood; a war; seeing someone be killed or seriously injured; having a loved one die through homicide or suicide.',
  },
  languages: {
    en: { source: 'US Department of Veterans Affairs, National Center for PTSD (ptsd.va.gov), PC-PTSD-5 (Prins et al., 2015)' },
  },
  licence: 'From the US National Center for PTSD; in the public domain, free to use.',
  requiresLicence: false,
  optionSets: {
    yesno: [
      { value: 1, label: { en: 'Yes' } },
      { value: 0, label: { en: 'No' } },
    ],
  },
  items: [
    { ...item('exposure', 'Have you ever experienced this kind of event?'), scored: false },
    item('i1', 'In the past month, have you had nightmares about the event(s) or thought about the event(s) when you did not want to?'),
    item(
      'i2',
      'In the past month, have you tried hard not to think about the event(s) or went out of your way to avoid situations that reminded you of the event(s)?',
    ),
    item('i3', 'In the past month, have you been constantly on guard, watchful, or easily startled?'),
    item('i4', 'In the past month, have you felt numb or detached from people, activities, or your surroundings?'),
    item(
      'i5',
      'In the past month, have you felt guilty or unable to stop blaming yourself or others for the event(s) or any problems the event(s) may have caused?',
    ),
  ],
  gate: { item: 'exposure', closesWith: [0], scoreWhenClosed: 0 },
  scoring: { method: 'sum', min: 0, max: 5 },
  bands: [
    {
      id: 'negative',
      min: 0,
      max: 2,
      label: { fi: 'Seula negatiivinen', sv: 'Negativ screening', nb: 'Negativ screening', en: 'Negative screen' },
      severity: 'none',
    },
    {
      id: 'positive',
      min: 3,
      max: 5,
      label: {
        fi: 'Seula positiivinen: tarjoa lähetettä ammattilaisen arvioon',
        sv: 'Positiv screening: erbjud remiss till en professionell bedömning',
        nb: 'Positiv screening: tilby henvisning til en faglig vurdering',
        en: 'Positive screen: offer a referral for a professional assessment',
      },
      severity: 'severe',
      alert: 'urgent',
      guidance: true,
      lowerBoundSetting: 'pcptsd5.cutoff',
    },
  ],
  flags: [],
  minIntervalDays: 28,
  higherIsBetter: false,
};
