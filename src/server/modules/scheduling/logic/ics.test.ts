import { describe, expect, it } from 'vitest';
import { calendarFeed, type MeetingIcsInput, meetingIcs, seriesIcs } from './ics.js';

/** Minimal RFC 5545 reading: unfold, split into lines, check that components nest. */
function parse(ics: string): { lines: string[]; components: string[] } {
  expect(ics.includes('\r\n')).toBe(true);
  expect(/[^\r]\n/.test(ics)).toBe(false); // every line ends in CRLF
  const lines = ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
  const stack: string[] = [];
  const components: string[] = [];
  for (const line of lines) {
    if (line.startsWith('BEGIN:')) {
      stack.push(line.slice(6));
      components.push(line.slice(6));
    } else if (line.startsWith('END:')) {
      expect(stack.pop()).toBe(line.slice(4));
    } else {
      expect(line).toMatch(/^[A-Z][A-Z0-9-]*[;:]/);
    }
  }
  expect(stack).toEqual([]);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines[lines.length - 1]).toBe('END:VCALENDAR');
  return { lines, components };
}

const invitation: MeetingIcsInput = {
  uid: 'meeting-42@rinnalla.example',
  sequence: 0,
  method: 'REQUEST',
  // 10:00 in Helsinki, the Monday after the clocks went forward.
  startsAt: '2026-03-30T10:00:00+03:00',
  endsAt: '2026-03-30T11:30:00+03:00',
  timeZone: 'Europe/Helsinki',
  summary: 'Kriisityönohjaus, ryhmä',
  description: 'Ensimmäinen tapaaminen; luottamuksellinen.',
  location: 'Hämeentie 1, Helsinki',
  url: 'https://rinnalla.example/m/42',
  organizer: { name: 'Aino Ohjaaja', email: 'aino@provider.example' },
  attendees: [
    { name: 'Pekka Työntekijä', email: 'pekka@client.example' },
    { name: 'Liisa Esihenkilö', email: 'liisa@client.example' },
  ],
  stamp: '2026-03-20T12:00:00Z',
};

describe('meetingIcs', () => {
  it('writes a parseable REQUEST with the right instant, UID and SEQUENCE', () => {
    const { lines, components } = parse(meetingIcs(invitation));
    expect(components).toEqual(['VCALENDAR', 'VEVENT']);
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('UID:meeting-42@rinnalla.example');
    expect(lines).toContain('SEQUENCE:0');
    expect(lines).toContain('DTSTART:20260330T070000Z');
    expect(lines).toContain('DTEND:20260330T083000Z');
    expect(lines).toContain('DTSTAMP:20260320T120000Z');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain('X-WR-TIMEZONE:Europe/Helsinki');
    expect(lines).toContain('SUMMARY:Kriisityönohjaus\\, ryhmä');
    expect(lines).toContain('DESCRIPTION:Ensimmäinen tapaaminen\\; luottamuksellinen.');
    expect(lines.some((l) => l.startsWith('ORGANIZER') && l.toLowerCase().endsWith('mailto:aino@provider.example'))).toBe(true);
    const attendees = lines.filter((l) => l.startsWith('ATTENDEE'));
    expect(attendees).toHaveLength(2);
    expect(attendees[0]).toMatch(/PARTSTAT=NEEDS-ACTION/);
    expect(attendees[0]).toMatch(/RSVP=TRUE/);
    expect(attendees[0]!.toLowerCase()).toContain('mailto:pekka@client.example');
    expect(lines.some((l) => l.startsWith('PRODID:') && l.includes('Rinnalla'))).toBe(true);
  });

  it('writes a CANCEL with STATUS:CANCELLED, whatever status was passed', () => {
    const { lines } = parse(meetingIcs({ ...invitation, method: 'CANCEL', sequence: 2, status: 'CONFIRMED' }));
    expect(lines).toContain('METHOD:CANCEL');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('UID:meeting-42@rinnalla.example');
    expect(lines.filter((l) => l.startsWith('ATTENDEE'))).toHaveLength(2);
    expect(lines.some((l) => l.includes('RSVP=TRUE'))).toBe(false);
  });

  it('is deterministic (no hidden clock or random UID)', () => {
    expect(meetingIcs(invitation)).toBe(meetingIcs(invitation));
    const { stamp: _stamp, ...withoutStamp } = invitation;
    expect(meetingIcs(withoutStamp)).toBe(meetingIcs(withoutStamp));
    expect(parse(meetingIcs(withoutStamp)).lines).toContain('DTSTAMP:20260330T070000Z');
  });

  it('writes the same instant whatever zone the offset in the input is in', () => {
    const utc = meetingIcs({ ...invitation, startsAt: '2026-03-30T07:00:00Z', endsAt: '2026-03-30T08:30:00Z' });
    expect(utc).toBe(meetingIcs(invitation));
  });

  it('refuses times without a zone and nonsense sequences', () => {
    expect(() => meetingIcs({ ...invitation, startsAt: '2026-03-30T10:00:00' })).toThrow(RangeError);
    expect(() => meetingIcs({ ...invitation, sequence: -1 })).toThrow(RangeError);
    expect(() => meetingIcs({ ...invitation, timeZone: 'Helsinki' })).toThrow(RangeError);
  });
});

describe('seriesIcs', () => {
  it('puts every meeting of a plan into one REQUEST calendar, each with its own UID', () => {
    const second = {
      ...invitation,
      uid: 'meeting-43@rinnalla.example',
      startsAt: '2026-04-13T10:00:00+03:00',
      endsAt: '2026-04-13T11:30:00+03:00',
    };
    const { lines, components } = parse(seriesIcs([invitation, second]));
    expect(components).toEqual(['VCALENDAR', 'VEVENT', 'VEVENT']);
    expect(lines.filter((l) => l.startsWith('METHOD:'))).toEqual(['METHOD:REQUEST']);
    expect(lines).toContain('UID:meeting-42@rinnalla.example');
    expect(lines).toContain('UID:meeting-43@rinnalla.example');
    expect(lines).toContain('DTSTART:20260330T070000Z');
    expect(lines).toContain('DTSTART:20260413T070000Z');
  });

  it('refuses an empty plan', () => {
    expect(() => seriesIcs([])).toThrow(RangeError);
  });
});

describe('calendarFeed', () => {
  it('a feed with 2 events has 2 VEVENTs, its name, and cancelled events marked', () => {
    const ics = calendarFeed({
      name: 'Aino Ohjaaja – Rinnalla',
      timeZone: 'Europe/Oslo',
      events: [
        { uid: 'a@rinnalla', sequence: 0, startsAt: '2026-10-23T08:00:00Z', endsAt: '2026-10-23T09:00:00Z', summary: 'Veiledning' },
        {
          uid: 'b@rinnalla',
          sequence: 3,
          startsAt: '2026-10-26T09:00:00Z',
          endsAt: '2026-10-26T10:30:00Z',
          summary: 'Gruppeveiledning',
          location: 'Video',
          status: 'CANCELLED',
          stamp: '2026-10-20T10:00:00Z',
        },
      ],
    });
    const { lines, components } = parse(ics);
    expect(components.filter((c) => c === 'VEVENT')).toHaveLength(2);
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines).toContain('X-WR-CALNAME:Aino Ohjaaja – Rinnalla');
    expect(lines).toContain('X-WR-TIMEZONE:Europe/Oslo');
    expect(lines).toContain('UID:a@rinnalla');
    expect(lines).toContain('UID:b@rinnalla');
    expect(lines).toContain('SEQUENCE:3');
    expect(lines).toContain('DTSTART:20261026T090000Z');
    expect(lines).toContain('DTSTAMP:20261020T100000Z');
    expect(lines.filter((l) => l.startsWith('STATUS:'))).toEqual(['STATUS:CONFIRMED', 'STATUS:CANCELLED']);
    expect(lines.some((l) => l.startsWith('METHOD:REQUEST'))).toBe(false);
  });

  it('an empty feed is still a valid calendar', () => {
    const { components } = parse(calendarFeed({ name: 'Empty', timeZone: 'Europe/Stockholm', events: [] }));
    expect(components).toEqual(['VCALENDAR']);
  });
});
