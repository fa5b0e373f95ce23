// Rinnalla's own generic session-feedback form: four 0–10 ratings and an optional comment.
// Deliberately not ORS/SRS (commercially licensed, no modification or translation allowed).
import type { InstrumentDefinition, OptionChoice } from '../instrument.js';

const scale: OptionChoice[] = Array.from({ length: 11 }, (_, value) => ({
  value,
  label:
    value === 0
      ? { fi: '0 – ei lainkaan', sv: '0 – inte alls', nb: '0 – ikke i det hele tatt', en: '0 – not at all' }
      : value === 10
        ? { fi: '10 – täysin', sv: '10 – helt och hållet', nb: '10 – helt', en: '10 – completely' }
        : { fi: String(value), sv: String(value), nb: String(value), en: String(value) },
}));

const source = { source: 'Rinnalla (the provider’s own form)' };

export const sessionFeedback: InstrumentDefinition = {
  key: 'session_feedback',
  version: 1,
  name: { fi: 'Palaute tapaamisesta', sv: 'Återkoppling på mötet', nb: 'Tilbakemelding på møtet', en: 'Session feedback' },
  instructions: {
    fi: 'Ajattele juuri päättynyttä tapaamista. Arvioi jokainen väite asteikolla 0–10: 0 tarkoittaa, ettei se pidä lainkaan paikkaansa, ja 10, että se pitää täysin paikkansa. Vastauksesi auttavat meitä tekemään työmme paremmin.',
    sv: 'Tänk på mötet vi just har haft. Bedöm varje påstående på en skala från 0 till 10, där 0 betyder att det inte stämmer alls och 10 att det stämmer helt och hållet. Dina svar hjälper oss att göra vårt arbete bättre.',
    nb: 'Tenk på møtet vi nettopp har hatt. Vurder hvert utsagn på en skala fra 0 til 10, der 0 betyr at det ikke stemmer i det hele tatt og 10 at det stemmer helt. Svarene dine hjelper oss å gjøre arbeidet vårt bedre.',
    en: 'Think about the session we have just had. Rate each statement from 0 to 10, where 0 means it is not true at all and 10 means it is completely true. Your answers help us do our work better.',
  },
  languages: { fi: source, sv: source, nb: source, en: source },
  licence: 'Rinnalla’s own form; free for providers on the platform.',
  requiresLicence: false,
  optionSets: { scale },
  items: [
    {
      id: 'i1',
      type: 'choice',
      options: 'scale',
      text: {
        fi: 'Koin, että minua kuunneltiin ja kohdeltiin kunnioittavasti',
        sv: 'Jag kände mig lyssnad på och respekterad',
        nb: 'Jeg følte meg hørt og respektert',
        en: 'I felt heard and respected',
      },
    },
    {
      id: 'i2',
      type: 'choice',
      options: 'scale',
      text: {
        fi: 'Käsittelimme asioita, joita itse halusin käsitellä',
        sv: 'Vi arbetade med det som jag ville arbeta med',
        nb: 'Vi jobbet med det jeg ønsket å jobbe med',
        en: 'We worked on what I wanted to work on',
      },
    },
    {
      id: 'i3',
      type: 'choice',
      options: 'scale',
      text: {
        fi: 'Tapamme työskennellä sopi minulle',
        sv: 'Sättet vi arbetade på passade mig',
        nb: 'Måten vi jobbet på passet meg',
        en: 'The way we worked suited me',
      },
    },
    {
      id: 'i4',
      type: 'choice',
      options: 'scale',
      text: {
        fi: 'Kaiken kaikkiaan tämä tapaaminen oli minulle oikeanlainen',
        sv: 'Sammantaget var det här mötet rätt för mig',
        nb: 'Alt i alt var dette møtet riktig for meg',
        en: 'Overall, this session was right for me',
      },
    },
    {
      id: 'comment',
      type: 'text',
      maxLength: 2000,
      text: {
        fi: 'Mitä voisimme tehdä paremmin?',
        sv: 'Vad kan vi göra bättre?',
        nb: 'Hva kan vi gjøre bedre?',
        en: 'What could we do better?',
      },
    },
  ],
  scoring: { method: 'mean', decimals: 1, min: 0, max: 10 },
  bands: [
    {
      id: 'needs_attention',
      min: 0,
      max: 5.9,
      label: { fi: 'Vaatii huomiota', sv: 'Behöver uppmärksamhet', nb: 'Trenger oppmerksomhet', en: 'Needs attention' },
      severity: 'mild',
    },
    { id: 'good', min: 6, max: 10, label: { fi: 'Hyvä', sv: 'Bra', nb: 'Bra', en: 'Good' }, severity: 'none' },
  ],
  flags: [],
  minIntervalDays: 0,
  higherIsBetter: true,
};
