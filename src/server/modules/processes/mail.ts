import { fill, isLocale, type Locale } from '../../kernel/i18n/i18n.js';

/**
 * The processes module's mail texts in the four languages (same keys and placeholders in each:
 * mail.test.ts). The e-mail change notice goes to the old address, so a person whose address was
 * changed behind their back learns of it; it shows the new address only masked (the old mailbox
 * may be shared) and carries no link.
 */
export interface ProcessesTexts {
  emailChanged: { subject: string; body: string };
}

export const processesTexts: Record<Locale, ProcessesTexts> = {
  fi: {
    emailChanged: {
      subject: 'Sähköpostiosoitteesi vaihdettiin – {providerName}',
      body: 'Hei {name},\n\nSähköpostiosoitteesi on vaihdettu {providerName}-palvelun tietoihin. Jatkossa viestit ja kyselylinkit lähetetään osoitteeseen {newAddress}. Jo lähetetyt linkit pysyvät tässä osoitteessa.\n\nJos et itse tehnyt tai pyytänyt muutosta, ota heti yhteyttä työnohjaajaasi.\n\n— {providerName}',
    },
  },
  sv: {
    emailChanged: {
      subject: 'Din e-postadress har ändrats – {providerName}',
      body: 'Hej {name},\n\nDin e-postadress hos {providerName} har ändrats. Framöver skickas meddelanden och enkätlänkar till {newAddress}. Länkar som redan skickats stannar på den här adressen.\n\nOm du inte själv gjorde eller bad om ändringen, kontakta genast din handledare.\n\n— {providerName}',
    },
  },
  nb: {
    emailChanged: {
      subject: 'E-postadressen din er endret – {providerName}',
      body: 'Hei {name},\n\nE-postadressen din hos {providerName} er endret. Heretter sendes meldinger og spørreskjemalenker til {newAddress}. Lenker som allerede er sendt, blir værende på denne adressen.\n\nHvis du ikke selv gjorde eller ba om endringen, kontakt veilederen din med en gang.\n\n— {providerName}',
    },
  },
  en: {
    emailChanged: {
      subject: 'Your e-mail address was changed – {providerName}',
      body: 'Hello {name},\n\nYour e-mail address at {providerName} was changed. From now on, messages and questionnaire links go to {newAddress}. Links already sent stay with this address.\n\nIf you did not make or ask for this change yourself, contact your supervisor at once.\n\n— {providerName}',
    },
  },
};

/** `anna.virtanen@example.fi` → `a…@example.fi`: enough to recognise, not enough to hand on. */
export function maskAddress(address: string | null): string {
  if (!address) return '—';
  const at = address.lastIndexOf('@');
  return at > 0 ? `${address[0]}…${address.slice(at)}` : '…';
}

export function emailChangedMail(
  locale: string | null | undefined,
  values: { name: string; providerName: string; newAddress: string | null },
) {
  const t = processesTexts[isLocale(locale) ? locale : 'en'].emailChanged;
  const v = { name: values.name, providerName: values.providerName, newAddress: maskAddress(values.newAddress) };
  return { subject: fill(t.subject, v), text: fill(t.body, v) };
}
