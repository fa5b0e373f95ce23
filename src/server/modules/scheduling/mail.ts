import { DateTime } from 'luxon';
import type { Place } from '../../kernel/db/schema.js';
import { fill, isLocale, type Locale } from '../../kernel/i18n/i18n.js';

/**
 * The scheduling module's mail texts in the four languages. Placeholders are `{name}`; every
 * language must have the same keys and the same placeholders per key (mail.test.ts).
 * Plain text, like the kernel's mail: it reaches every client and is easy to translate.
 */
export interface SchedulingTexts {
  greeting: string;
  signature: string;
  when: string;
  where: string;
  reason: string;
  previously: string;
  place: Record<Place, string>;
  invitation: { subject: string; body: string; attached: string };
  series: { subject: string; body: string; item: string; attached: string };
  update: { subject: string; body: string; attached: string };
  cancellation: { subject: string; body: string; attached: string };
  withdrawal: { subject: string; body: string };
  reminder: { subject: string; body: string };
  nudge: { subject: string; body: string; item: string };
}

export const schedulingTexts: Record<Locale, SchedulingTexts> = {
  fi: {
    greeting: 'Hei {name},',
    signature: '— {providerName}',
    when: 'Aika: {when}',
    where: 'Paikka: {where}',
    reason: 'Syy: {reason}',
    previously: 'Aiemmin: {when}',
    place: { on_site: 'Asiakkaan tiloissa', office: 'Toimistollamme', video: 'Videoyhteys' },
    invitation: {
      subject: 'Kutsu: {title}, {date}',
      body: 'sinut on kutsuttu tapaamiseen "{title}" ({organisationName}).',
      attached: 'Kalenterikutsu on liitteenä.',
    },
    series: {
      subject: 'Kutsu: {title}, {count} tapaamista alkaen {date}',
      body: 'sinut on kutsuttu sarjaan "{title}" ({organisationName}), {count} tapaamista:',
      item: '- {when}',
      attached: 'Kaikki tapaamiset ovat yhdessä liitteenä olevassa kalenteritiedostossa.',
    },
    update: {
      subject: 'Muuttunut aika: {title}, {date}',
      body: 'tapaamisen "{title}" ({organisationName}) aika on muuttunut.',
      attached: 'Päivitetty kalenterikutsu on liitteenä.',
    },
    cancellation: {
      subject: 'Peruttu: {title}, {date}',
      body: 'tapaaminen "{title}" ({organisationName}) on peruttu.',
      attached: 'Liitteenä oleva peruutus poistaa tapaamisen kalenteristasi.',
    },
    withdrawal: {
      subject: 'Poissa: {personName}, {title}, {date}',
      body: '{personName} ei pääse tapaamiseen "{title}" ({organisationName}).',
    },
    reminder: {
      subject: 'Muistutus: {title}, {date}',
      body: 'muistutus tulevasta tapaamisesta "{title}" ({organisationName}).',
    },
    nudge: {
      subject: 'Ei suunniteltuja tapaamisia: {count} prosessia',
      body: 'seuraavilla käynnissä olevilla prosesseilla ei ole yhtään tulevaa tapaamista. Suunnittele seuraavat tapaamiset: {link}',
      item: '- {title} ({organisationName})',
    },
  },
  sv: {
    greeting: 'Hej {name},',
    signature: '— {providerName}',
    when: 'Tid: {when}',
    where: 'Plats: {where}',
    reason: 'Orsak: {reason}',
    previously: 'Tidigare: {when}',
    place: { on_site: 'Hos kunden', office: 'På vårt kontor', video: 'Videomöte' },
    invitation: {
      subject: 'Inbjudan: {title}, {date}',
      body: 'du är inbjuden till mötet "{title}" ({organisationName}).',
      attached: 'Kalenderinbjudan finns som bilaga.',
    },
    series: {
      subject: 'Inbjudan: {title}, {count} möten från {date}',
      body: 'du är inbjuden till serien "{title}" ({organisationName}), {count} möten:',
      item: '- {when}',
      attached: 'Alla möten finns i en och samma kalenderfil som bilaga.',
    },
    update: {
      subject: 'Ny tid: {title}, {date}',
      body: 'tiden för mötet "{title}" ({organisationName}) har ändrats.',
      attached: 'Den uppdaterade kalenderinbjudan finns som bilaga.',
    },
    cancellation: {
      subject: 'Inställt: {title}, {date}',
      body: 'mötet "{title}" ({organisationName}) är inställt.',
      attached: 'Avbokningen i bilagan tar bort mötet ur din kalender.',
    },
    withdrawal: {
      subject: 'Förhindrad: {personName}, {title}, {date}',
      body: '{personName} kan inte delta i mötet "{title}" ({organisationName}).',
    },
    reminder: {
      subject: 'Påminnelse: {title}, {date}',
      body: 'en påminnelse om det kommande mötet "{title}" ({organisationName}).',
    },
    nudge: {
      subject: 'Inga planerade möten: {count} processer',
      body: 'följande pågående processer har inget kommande möte. Planera nästa möten: {link}',
      item: '- {title} ({organisationName})',
    },
  },
  nb: {
    greeting: 'Hei {name},',
    signature: '— {providerName}',
    when: 'Tid: {when}',
    where: 'Sted: {where}',
    reason: 'Årsak: {reason}',
    previously: 'Tidligere: {when}',
    place: { on_site: 'Hos kunden', office: 'På vårt kontor', video: 'Videomøte' },
    invitation: {
      subject: 'Invitasjon: {title}, {date}',
      body: 'du er invitert til møtet «{title}» ({organisationName}).',
      attached: 'Kalenderinvitasjonen ligger ved.',
    },
    series: {
      subject: 'Invitasjon: {title}, {count} møter fra {date}',
      body: 'du er invitert til serien «{title}» ({organisationName}), {count} møter:',
      item: '- {when}',
      attached: 'Alle møtene ligger i én kalenderfil som vedlegg.',
    },
    update: {
      subject: 'Ny tid: {title}, {date}',
      body: 'tidspunktet for møtet «{title}» ({organisationName}) er endret.',
      attached: 'Den oppdaterte kalenderinvitasjonen ligger ved.',
    },
    cancellation: {
      subject: 'Avlyst: {title}, {date}',
      body: 'møtet «{title}» ({organisationName}) er avlyst.',
      attached: 'Avlysningen som ligger ved, fjerner møtet fra kalenderen din.',
    },
    withdrawal: {
      subject: 'Forhindret: {personName}, {title}, {date}',
      body: '{personName} kan ikke delta på møtet «{title}» ({organisationName}).',
    },
    reminder: {
      subject: 'Påminnelse: {title}, {date}',
      body: 'en påminnelse om det kommende møtet «{title}» ({organisationName}).',
    },
    nudge: {
      subject: 'Ingen planlagte møter: {count} prosesser',
      body: 'disse pågående prosessene har ingen kommende møter. Planlegg de neste møtene: {link}',
      item: '- {title} ({organisationName})',
    },
  },
  en: {
    greeting: 'Hello {name},',
    signature: '— {providerName}',
    when: 'When: {when}',
    where: 'Where: {where}',
    reason: 'Reason: {reason}',
    previously: 'Previously: {when}',
    place: { on_site: 'At the client’s premises', office: 'At our office', video: 'Video call' },
    invitation: {
      subject: 'Invitation: {title}, {date}',
      body: 'you are invited to the meeting "{title}" ({organisationName}).',
      attached: 'The calendar invitation is attached.',
    },
    series: {
      subject: 'Invitation: {title}, {count} meetings from {date}',
      body: 'you are invited to the series "{title}" ({organisationName}), {count} meetings:',
      item: '- {when}',
      attached: 'All the meetings are in the one calendar file attached.',
    },
    update: {
      subject: 'New time: {title}, {date}',
      body: 'the time of the meeting "{title}" ({organisationName}) has changed.',
      attached: 'The updated calendar invitation is attached.',
    },
    cancellation: {
      subject: 'Cancelled: {title}, {date}',
      body: 'the meeting "{title}" ({organisationName}) has been cancelled.',
      attached: 'The attached cancellation removes the meeting from your calendar.',
    },
    withdrawal: {
      subject: 'Cannot attend: {personName}, {title}, {date}',
      body: '{personName} cannot attend the meeting "{title}" ({organisationName}).',
    },
    reminder: {
      subject: 'Reminder: {title}, {date}',
      body: 'a reminder of the coming meeting "{title}" ({organisationName}).',
    },
    nudge: {
      subject: 'No meetings planned: {count} processes',
      body: 'these active processes have no meeting ahead. Plan the next meetings: {link}',
      item: '- {title} ({organisationName})',
    },
  },
};

export function textsFor(locale: string | null | undefined): { locale: Locale; texts: SchedulingTexts } {
  const l: Locale = isLocale(locale) ? locale : 'en';
  return { locale: l, texts: schedulingTexts[l] };
}

const localeTags: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-SE', nb: 'nb-NO', en: 'en-GB' };

/**
 * Wall-clock time of a meeting in the meeting's own zone (never the server's), in the reader's
 * language: "tiistai 10. marraskuuta 2026 10.00–11.30 (Europe/Helsinki)". Luxon applies the zone's
 * offset for that very date, so a meeting after the DST change shows its own local time.
 */
export function formatWhen(startsAt: Date, endsAt: Date, timeZone: string, locale: Locale): string {
  const start = DateTime.fromJSDate(startsAt, { zone: timeZone }).setLocale(localeTags[locale]);
  const end = DateTime.fromJSDate(endsAt, { zone: timeZone }).setLocale(localeTags[locale]);
  const day = start.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const sameDay = start.hasSame(end, 'day');
  const endText = sameDay ? end.toLocaleString(DateTime.TIME_24_SIMPLE) : end.toLocaleString({ ...DateTime.DATETIME_MED, hour12: false });
  return `${day} ${start.toLocaleString(DateTime.TIME_24_SIMPLE)}–${endText} (${timeZone})`;
}

/** The short date of a subject line: "10.11.2026 10.00". */
export function formatShort(startsAt: Date, timeZone: string, locale: Locale): string {
  const start = DateTime.fromJSDate(startsAt, { zone: timeZone }).setLocale(localeTags[locale]);
  return `${start.toLocaleString(DateTime.DATE_SHORT)} ${start.toLocaleString(DateTime.TIME_24_SIMPLE)}`;
}

export interface MeetingFacts {
  title: string;
  organisationName: string;
  providerName: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: Place;
  location: string | null;
  videoLink: string | null;
}

export type MeetingMailKind = 'invitation' | 'update' | 'cancellation' | 'reminder';

function whereText(texts: SchedulingTexts, m: MeetingFacts): string {
  const detail = m.place === 'video' ? m.videoLink : m.location;
  return detail ? `${texts.place[m.place]}, ${detail}` : texts.place[m.place];
}

/** Subject and body of a mail about one meeting, in the recipient's language. */
export function meetingMail(
  kind: MeetingMailKind,
  locale: string | null | undefined,
  m: MeetingFacts,
  extra: { recipientName: string; reason?: string | null; previous?: { startsAt: Date; endsAt: Date } },
): { subject: string; text: string } {
  const { locale: l, texts } = textsFor(locale);
  const values = { title: m.title, organisationName: m.organisationName, date: formatShort(m.startsAt, m.timeZone, l) };
  const section = texts[kind];
  const lines = [
    fill(texts.greeting, { name: extra.recipientName }),
    '',
    fill(section.body, values),
    '',
    fill(texts.when, { when: formatWhen(m.startsAt, m.endsAt, m.timeZone, l) }),
    fill(texts.where, { where: whereText(texts, m) }),
  ];
  if (extra.previous)
    lines.push(fill(texts.previously, { when: formatWhen(extra.previous.startsAt, extra.previous.endsAt, m.timeZone, l) }));
  if (extra.reason) lines.push(fill(texts.reason, { reason: extra.reason }));
  if ('attached' in section) lines.push('', section.attached);
  lines.push('', fill(texts.signature, { providerName: m.providerName }));
  return { subject: fill(section.subject, values), text: lines.join('\n') };
}

/** One invitation to a whole plan of meetings (all of one process, one place), listed by time. */
export function seriesMail(
  locale: string | null | undefined,
  meetings: MeetingFacts[],
  extra: { recipientName: string },
): { subject: string; text: string } {
  const { locale: l, texts } = textsFor(locale);
  const first = meetings[0]!;
  const values = {
    title: first.title,
    organisationName: first.organisationName,
    count: meetings.length,
    date: formatShort(first.startsAt, first.timeZone, l),
  };
  const text = [
    fill(texts.greeting, { name: extra.recipientName }),
    '',
    fill(texts.series.body, values),
    '',
    ...meetings.map((m) => fill(texts.series.item, { when: formatWhen(m.startsAt, m.endsAt, m.timeZone, l) })),
    '',
    fill(texts.where, { where: whereText(texts, first) }),
    '',
    texts.series.attached,
    '',
    fill(texts.signature, { providerName: first.providerName }),
  ].join('\n');
  return { subject: fill(texts.series.subject, values), text };
}

/** To the practitioners: a participant of a group meeting cannot attend. */
export function withdrawalMail(
  locale: string | null | undefined,
  m: MeetingFacts,
  extra: { recipientName: string; personName: string; reason: string },
): { subject: string; text: string } {
  const { locale: l, texts } = textsFor(locale);
  const values = {
    title: m.title,
    organisationName: m.organisationName,
    personName: extra.personName,
    date: formatShort(m.startsAt, m.timeZone, l),
  };
  const text = [
    fill(texts.greeting, { name: extra.recipientName }),
    '',
    fill(texts.withdrawal.body, values),
    '',
    fill(texts.when, { when: formatWhen(m.startsAt, m.endsAt, m.timeZone, l) }),
    fill(texts.reason, { reason: extra.reason }),
    '',
    fill(texts.signature, { providerName: m.providerName }),
  ].join('\n');
  return { subject: fill(texts.withdrawal.subject, values), text };
}

/** To a practitioner: their active processes that have no meeting ahead. */
export function nudgeMail(
  locale: string | null | undefined,
  input: { recipientName: string; providerName: string; link: string; processes: { title: string; organisationName: string }[] },
): { subject: string; text: string } {
  const { texts } = textsFor(locale);
  const text = [
    fill(texts.greeting, { name: input.recipientName }),
    '',
    fill(texts.nudge.body, { link: input.link }),
    '',
    ...input.processes.map((p) => fill(texts.nudge.item, { title: p.title, organisationName: p.organisationName })),
    '',
    fill(texts.signature, { providerName: input.providerName }),
  ].join('\n');
  return { subject: fill(texts.nudge.subject, { count: input.processes.length }), text };
}
