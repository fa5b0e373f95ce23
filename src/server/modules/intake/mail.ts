import type { EventType } from '../../kernel/db/schema.js';
import { fill, isLocale, type Locale } from '../../kernel/i18n/i18n.js';
import { emergencySentence } from '../measures/logic/guidance.js';
import type { Country } from '../measures/logic/roi.js';

/**
 * The intake's mail texts in the four languages; placeholders are `{name}`, and every language has
 * the same keys and placeholders (mail.test.ts). Plain text, like the kernel's mail.
 */
export interface IntakeTexts {
  eventType: Record<EventType, string>;
  unknown: string;
  confirmation: { subject: string; bodyCrisis: string; bodyService: string };
  alert: { subject: string; body: string };
  declined: { subject: string; body: string };
  signature: string;
}

export const intakeTexts: Record<Locale, IntakeTexts> = {
  fi: {
    eventType: {
      accident: 'onnettomuus tai työtapaturma',
      violence_or_threat: 'väkivalta tai uhkaava tilanne',
      death: 'työtoverin tai asiakkaan kuolema',
      organisational_change: 'äkillinen organisaatiomuutos',
      community_crisis: 'työyhteisön kriisi',
      reputational_crisis: 'mainehaittaan johtanut tapahtumaketju',
      other: 'muu tapahtuma',
    },
    unknown: 'ei tiedossa',
    confirmation: {
      subject: 'Olemme vastaanottaneet yhteydenottosi – {providerName}',
      bodyCrisis:
        'Hei {contactName},\n\nkiitos yhteydenotostasi. Päivystävä kriisityönohjaajamme on saanut tiedon ja ottaa sinuun yhteyttä mahdollisimman pian, viimeistään {targetHours} tunnin kuluessa.\n\nJos joku on välittömässä vaarassa: {emergency}',
      bodyService: 'Hei {contactName},\n\nkiitos yhteydenotostasi. Otamme sinuun yhteyttä pian ja sovimme yhdessä seuraavista askelista.',
    },
    alert: {
      subject: 'KRIISI: {organisationName} – {eventType}',
      body: 'Uusi kriisipyyntö odottaa ensimmäistä yhteydenottoa (tavoite {targetHours} h).\n\nOrganisaatio: {organisationName}\nMitä tapahtui: {eventType}\nMilloin: {eventAt}\nAsianosaisia: {affectedCount}\nMissä: {location}\nYhteyshenkilö: {contactName}, puh. {contactPhone}, {contactEmail}\n\nAvaa pyyntö: {link}',
    },
    declined: {
      subject: 'Vastaus yhteydenottoosi – {providerName}',
      body: 'Hei {contactName},\n\nkiitos yhteydenotostasi. Emme valitettavasti voi ottaa toimeksiantoa vastaan:\n\n{reason}\n\nVoit vastata tähän viestiin, jos haluat keskustella asiasta.',
    },
    signature: '— {providerName}',
  },
  sv: {
    eventType: {
      accident: 'olycka eller arbetsolycka',
      violence_or_threat: 'våld eller hotfull situation',
      death: 'en kollegas eller klients död',
      organisational_change: 'plötslig organisationsförändring',
      community_crisis: 'kris i arbetsgemenskapen',
      reputational_crisis: 'händelsekedja som skadat organisationens rykte',
      other: 'annan händelse',
    },
    unknown: 'okänt',
    confirmation: {
      subject: 'Vi har tagit emot din förfrågan – {providerName}',
      bodyCrisis:
        'Hej {contactName},\n\ntack för att du kontaktade oss. Vår krishandledare i jour har fått meddelande och kontaktar dig så snart som möjligt, senast inom {targetHours} timmar.\n\nOm någon är i omedelbar fara: {emergency}',
      bodyService:
        'Hej {contactName},\n\ntack för att du kontaktade oss. Vi hör av oss snart för att tillsammans komma överens om nästa steg.',
    },
    alert: {
      subject: 'KRIS: {organisationName} – {eventType}',
      body: 'En ny krisförfrågan väntar på första kontakt (mål {targetHours} h).\n\nOrganisation: {organisationName}\nVad hände: {eventType}\nNär: {eventAt}\nBerörda: {affectedCount}\nVar: {location}\nKontaktperson: {contactName}, tfn {contactPhone}, {contactEmail}\n\nÖppna förfrågan: {link}',
    },
    declined: {
      subject: 'Svar på din förfrågan – {providerName}',
      body: 'Hej {contactName},\n\ntack för din förfrågan. Tyvärr kan vi inte ta emot uppdraget:\n\n{reason}\n\nDu kan svara på det här meddelandet om du vill diskutera saken.',
    },
    signature: '— {providerName}',
  },
  nb: {
    eventType: {
      accident: 'ulykke eller arbeidsulykke',
      violence_or_threat: 'vold eller truende situasjon',
      death: 'en kollegas eller klients død',
      organisational_change: 'plutselig organisasjonsendring',
      community_crisis: 'krise i arbeidsmiljøet',
      reputational_crisis: 'hendelsesforløp som har skadet omdømmet',
      other: 'annen hendelse',
    },
    unknown: 'ukjent',
    confirmation: {
      subject: 'Vi har mottatt henvendelsen din – {providerName}',
      bodyCrisis:
        'Hei {contactName},\n\ntakk for at du tok kontakt. Vår kriseveileder på vakt har fått beskjed og kontakter deg så snart som mulig, senest innen {targetHours} timer.\n\nHvis noen er i umiddelbar fare: {emergency}',
      bodyService: 'Hei {contactName},\n\ntakk for at du tok kontakt. Vi tar kontakt snart for å avtale de neste stegene sammen.',
    },
    alert: {
      subject: 'KRISE: {organisationName} – {eventType}',
      body: 'En ny krisehenvendelse venter på første kontakt (mål {targetHours} t).\n\nOrganisasjon: {organisationName}\nHva skjedde: {eventType}\nNår: {eventAt}\nBerørte: {affectedCount}\nHvor: {location}\nKontaktperson: {contactName}, tlf. {contactPhone}, {contactEmail}\n\nÅpne henvendelsen: {link}',
    },
    declined: {
      subject: 'Svar på henvendelsen din – {providerName}',
      body: 'Hei {contactName},\n\ntakk for henvendelsen. Dessverre kan vi ikke ta på oss oppdraget:\n\n{reason}\n\nDu kan svare på denne meldingen hvis du vil snakke om det.',
    },
    signature: '— {providerName}',
  },
  en: {
    eventType: {
      accident: 'accident or injury at work',
      violence_or_threat: 'violence or a threatening situation',
      death: 'death of a colleague or client',
      organisational_change: 'sudden organisational change',
      community_crisis: 'crisis in the work community',
      reputational_crisis: 'events that harmed the organisation’s reputation',
      other: 'other event',
    },
    unknown: 'not known',
    confirmation: {
      subject: 'We have received your request – {providerName}',
      bodyCrisis:
        'Hello {contactName},\n\nthank you for contacting us. Our on-call crisis supervisor has been alerted and will contact you as soon as possible, within {targetHours} hours at the latest.\n\nIf anyone is in immediate danger: {emergency}',
      bodyService: 'Hello {contactName},\n\nthank you for contacting us. We will be in touch soon to agree on the next steps together.',
    },
    alert: {
      subject: 'CRISIS: {organisationName} – {eventType}',
      body: 'A new crisis request is waiting for its first contact (target {targetHours} h).\n\nOrganisation: {organisationName}\nWhat happened: {eventType}\nWhen: {eventAt}\nPeople affected: {affectedCount}\nWhere: {location}\nContact: {contactName}, tel. {contactPhone}, {contactEmail}\n\nOpen the request: {link}',
    },
    declined: {
      subject: 'About your request – {providerName}',
      body: 'Hello {contactName},\n\nthank you for your request. Unfortunately we cannot take it on:\n\n{reason}\n\nYou can reply to this message if you would like to talk about it.',
    },
    signature: '— {providerName}',
  },
};

/** Where a country is not given, the one a language most likely means (112 in FI and SE alike). */
const countryOfLocale: Record<Locale, Country> = { fi: 'FI', sv: 'SE', nb: 'NO', en: 'FI' };

/**
 * The texts in a language, with the emergency sentence of the provider's country filled in (the
 * same sentence as on the respondent's page: measures/logic/guidance.ts).
 */
export function intakeTextsFor(locale: string | null | undefined, country?: Country): { locale: Locale; texts: IntakeTexts } {
  const l: Locale = isLocale(locale) ? locale : 'en';
  const texts = intakeTexts[l];
  const emergency = emergencySentence(country ?? countryOfLocale[l], l);
  return {
    locale: l,
    texts: { ...texts, confirmation: { ...texts.confirmation, bodyCrisis: fill(texts.confirmation.bodyCrisis, { emergency }) } },
  };
}
