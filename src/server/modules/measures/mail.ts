import { fill, isLocale, type Locale } from '../../kernel/i18n/i18n.js';
import { emergencySentence, safetyCountry } from './logic/guidance.js';
import type { Country } from './logic/roi.js';

/**
 * The measures module's mail texts in the four languages (same keys and placeholders in each:
 * mail.test.ts). Mails never carry an answer, a score or a reason: an alert mail says only that
 * something needs attention and links to it, because mail is not a confidential channel.
 * A mail to a respondent ends with the emergency sentence of the provider's country ({emergency}),
 * the same sentence as on the answer page: a questionnaire is not a way to reach help in a hurry.
 */
export interface MeasuresTexts {
  invitation: { subject: string; body: string };
  reminder: { subject: string; body: string };
  urgent: { subject: string; body: string };
  escalation: { subject: string; body: string };
  signature: string;
}

export const measuresTexts: Record<Locale, MeasuresTexts> = {
  fi: {
    invitation: {
      subject: 'Lyhyt kysely: {instrumentName} – {providerName}',
      body: 'Hei {name},\n\n{providerName} pyytää sinua vastaamaan lyhyeen kyselyyn ({instrumentName}). Vastaaminen vie muutaman minuutin, eikä se vaadi tunnusta. Vastauksesi näkevät vain sinä ja työnohjaajasi; työnantajasi ei näe niitä koskaan.\n\nVastaa tästä: {link}\n\nLinkki on henkilökohtainen, toimii kerran ja vanhenee {expires}.\n\nKysely ei ole kiireellisen avun kanava. {emergency}',
    },
    reminder: {
      subject: 'Muistutus: {instrumentName} – {providerName}',
      body: 'Hei {name},\n\nmuistutamme kyselystä ({instrumentName}), johon et ole vielä vastannut. Jos aloitit jo, vastauksesi on tallessa.\n\nVastaa tästä: {link}\n\nLinkki vanhenee {expires}.\n\nKysely ei ole kiireellisen avun kanava. {emergency}',
    },
    urgent: {
      subject: 'Kiireellinen: seurantavastaus vaatii huomiotasi',
      body: 'Seurantakyselyn vastaus on nostanut kiireellisen hälytyksen asiakkaallesi prosessissa "{processTitle}".\n\nKuittaa ja hoida hälytys: {link}',
    },
    escalation: {
      subject: 'Kiireellinen hälytys on kuittaamatta {minutes} min',
      body: 'Kiireellistä seurantahälytystä prosessissa "{processTitle}" ei ole kuitattu {minutes} minuutissa. Olet päivystyslistalla: tavoita vastuussa oleva työntekijä ({practitioners}) heti.',
    },
    signature: '— {providerName}',
  },
  sv: {
    invitation: {
      subject: 'Kort enkät: {instrumentName} – {providerName}',
      body: 'Hej {name},\n\n{providerName} ber dig svara på en kort enkät ({instrumentName}). Det tar några minuter och kräver inget konto. Dina svar ser bara du och din handledare; din arbetsgivare ser dem aldrig.\n\nSvara här: {link}\n\nLänken är personlig, fungerar en gång och upphör {expires}.\n\nEnkäten är inte en väg till akut hjälp. {emergency}',
    },
    reminder: {
      subject: 'Påminnelse: {instrumentName} – {providerName}',
      body: 'Hej {name},\n\nen påminnelse om enkäten ({instrumentName}) som du ännu inte har svarat på. Om du redan har börjat finns dina svar kvar.\n\nSvara här: {link}\n\nLänken upphör {expires}.\n\nEnkäten är inte en väg till akut hjälp. {emergency}',
    },
    urgent: {
      subject: 'Brådskande: ett uppföljningssvar behöver din uppmärksamhet',
      body: 'Ett svar på en uppföljningsenkät har gett ett brådskande larm för din klient i processen "{processTitle}".\n\nKvittera och hantera larmet: {link}',
    },
    escalation: {
      subject: 'Ett brådskande larm har inte kvitterats på {minutes} min',
      body: 'Ett brådskande uppföljningslarm i processen "{processTitle}" har inte kvitterats på {minutes} minuter. Du står på jourlistan: nå den ansvariga handledaren ({practitioners}) genast.',
    },
    signature: '— {providerName}',
  },
  nb: {
    invitation: {
      subject: 'Kort spørreskjema: {instrumentName} – {providerName}',
      body: 'Hei {name},\n\n{providerName} ber deg svare på et kort spørreskjema ({instrumentName}). Det tar noen minutter og krever ingen konto. Svarene dine ser bare du og veilederen din; arbeidsgiveren din ser dem aldri.\n\nSvar her: {link}\n\nLenken er personlig, virker én gang og utløper {expires}.\n\nSkjemaet er ikke en vei til akutt hjelp. {emergency}',
    },
    reminder: {
      subject: 'Påminnelse: {instrumentName} – {providerName}',
      body: 'Hei {name},\n\nen påminnelse om spørreskjemaet ({instrumentName}) som du ikke har svart på ennå. Hvis du allerede har begynt, er svarene dine lagret.\n\nSvar her: {link}\n\nLenken utløper {expires}.\n\nSkjemaet er ikke en vei til akutt hjelp. {emergency}',
    },
    urgent: {
      subject: 'Haster: et oppfølgingssvar trenger din oppmerksomhet',
      body: 'Et svar på et oppfølgingsskjema har utløst et hastevarsel for klienten din i prosessen «{processTitle}».\n\nKvitter og følg opp varselet: {link}',
    },
    escalation: {
      subject: 'Et hastevarsel er ikke kvittert på {minutes} min',
      body: 'Et hastevarsel i prosessen «{processTitle}» er ikke kvittert på {minutes} minutter. Du står på vaktlisten: kontakt den ansvarlige veilederen ({practitioners}) med en gang.',
    },
    signature: '— {providerName}',
  },
  en: {
    invitation: {
      subject: 'A short questionnaire: {instrumentName} – {providerName}',
      body: 'Hello {name},\n\n{providerName} asks you to answer a short questionnaire ({instrumentName}). It takes a few minutes and needs no account. Only you and your practitioner see your answers; your employer never does.\n\nAnswer here: {link}\n\nThe link is personal, works once and expires on {expires}.\n\nThe questionnaire is not a way to reach urgent help. {emergency}',
    },
    reminder: {
      subject: 'Reminder: {instrumentName} – {providerName}',
      body: 'Hello {name},\n\na reminder of the questionnaire ({instrumentName}) you have not answered yet. If you already started, your answers are kept.\n\nAnswer here: {link}\n\nThe link expires on {expires}.\n\nThe questionnaire is not a way to reach urgent help. {emergency}',
    },
    urgent: {
      subject: 'Urgent: a follow-up answer needs your attention',
      body: 'An answer to a follow-up questionnaire has raised an urgent alert for your client in the process "{processTitle}".\n\nAcknowledge and handle the alert: {link}',
    },
    escalation: {
      subject: 'An urgent alert has not been acknowledged for {minutes} min',
      body: 'An urgent follow-up alert in the process "{processTitle}" has not been acknowledged within {minutes} minutes. You are on the on-call list: please reach the responsible practitioner ({practitioners}) at once.',
    },
    signature: '— {providerName}',
  },
};

export function measuresTextsFor(locale: string | null | undefined): MeasuresTexts {
  return measuresTexts[isLocale(locale) ? locale : 'en'];
}

type Mail = { subject: string; text: string };

/**
 * A mail of this module: subject and body filled, signature appended. A mail to the respondent
 * (invitation, reminder) needs the provider's country: it carries that country's emergency sentence.
 */
export function measuresMail(
  kind: 'invitation' | 'reminder',
  locale: string | null | undefined,
  values: Record<string, string | number>,
  safety: { country: Country },
): Mail;
export function measuresMail(
  kind: 'urgent' | 'escalation',
  locale: string | null | undefined,
  values: Record<string, string | number>,
): Mail;
export function measuresMail(
  kind: 'invitation' | 'reminder' | 'urgent' | 'escalation',
  locale: string | null | undefined,
  values: Record<string, string | number>,
  safety?: { country: Country },
): Mail {
  const t = measuresTextsFor(locale);
  const all = safety ? { ...values, emergency: emergencySentence(safetyCountry(safety.country), mailLocale(locale)) } : values;
  return {
    subject: fill(t[kind].subject, all),
    text: `${fill(t[kind].body, all)}\n\n${fill(t.signature, all)}`,
  };
}

function mailLocale(locale: string | null | undefined): Locale {
  return isLocale(locale) ? locale : 'en';
}

/** A date as the reader writes it, in the provider's zone. */
export function formatExpiry(at: Date, timeZone: string, locale: string | null | undefined): string {
  const tag = { fi: 'fi-FI', sv: 'sv-SE', nb: 'nb-NO', en: 'en-GB' }[isLocale(locale) ? locale : 'en'];
  return new Intl.DateTimeFormat(tag, {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}
