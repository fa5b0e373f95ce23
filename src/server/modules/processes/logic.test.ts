import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BillableMeeting,
  computeInvoicing,
  csvField,
  currencyOfCountry,
  fileSlug,
  formatAmount,
  formatRate,
  isIsoDate,
  type LineVat,
  localDate,
  monthRange,
  percentOf,
  processDefaults,
  renderInvoicingCsv,
  scalingSeries,
  vatOf,
  vatTotals,
} from './logic.js';

describe('process defaults from a service', () => {
  const group = {
    kind: 'group' as const,
    default_minutes: 90,
    default_cadence: 'monthly' as const,
    default_place: 'on_site' as const,
    price_cents: 24000,
    currency: 'EUR',
  };
  const crisis = { ...group, kind: 'crisis_group' as const, default_cadence: 'crisis' as const, price_cents: 32000 };

  it('takes the service terms when nothing is given', () => {
    expect(processDefaults(group)).toEqual({
      kind: 'group',
      cadence: 'monthly',
      sessionMinutes: 90,
      place: 'on_site',
      priceCents: 24000,
      currency: 'EUR',
    });
  });

  it('keeps what the caller gave', () => {
    expect(
      processDefaults(group, { kind: 'work_community', cadence: 'biweekly', sessionMinutes: 120, place: 'video', priceCents: 0 }),
    ).toEqual({
      kind: 'work_community',
      cadence: 'biweekly',
      sessionMinutes: 120,
      place: 'video',
      priceCents: 0,
      currency: 'EUR',
    });
  });

  it('gives a crisis process the crisis cadence and an ordinary one never', () => {
    expect(processDefaults(crisis).cadence).toBe('crisis');
    expect(processDefaults(group, { kind: 'crisis_individual' }).cadence).toBe('crisis');
    expect(processDefaults(crisis, { kind: 'group' }).cadence).toBe('monthly');
    expect(processDefaults(crisis, { kind: 'group', cadence: 'weekly' }).cadence).toBe('weekly');
  });

  it('bills in the currency of the country', () => {
    expect([currencyOfCountry('FI'), currencyOfCountry('SE'), currencyOfCountry('NO')]).toEqual(['EUR', 'SEK', 'NOK']);
  });
});

describe('months in the provider time zone', () => {
  it('bounds October 2026 in Helsinki by local midnights across the end of summer time', () => {
    const { from, to } = monthRange('2026-10', 'Europe/Helsinki');
    // Summer time (UTC+3) at the start, standard time (UTC+2) after 25 October.
    expect(from.toISOString()).toBe('2026-09-30T21:00:00.000Z');
    expect(to.toISOString()).toBe('2026-10-31T22:00:00.000Z');
    // The month is one hour longer than 31 × 24 h.
    expect(to.getTime() - from.getTime()).toBe((31 * 24 + 1) * 3600_000);
  });

  it('bounds March 2026 in Stockholm across the start of summer time and December across the year', () => {
    const march = monthRange('2026-03', 'Europe/Stockholm');
    expect(march.from.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(march.to.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    const december = monthRange('2026-12', 'Europe/Oslo');
    expect(december.to.toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('dates an instant on the local wall clock', () => {
    // 23:30 UTC on 31 October is already 1 November in Helsinki.
    expect(localDate(new Date('2026-10-31T22:30:00Z'), 'Europe/Helsinki')).toBe('2026-11-01');
    expect(localDate(new Date('2026-10-31T21:59:59Z'), 'Europe/Helsinki')).toBe('2026-10-31');
    expect(localDate(new Date('2026-09-30T21:00:00Z'), 'Europe/Helsinki')).toBe('2026-10-01');
  });

  it('refuses what is not a month', () => {
    expect(() => monthRange('2026-13', 'Europe/Helsinki')).toThrow();
    expect(() => monthRange('2026-1', 'Europe/Helsinki')).toThrow();
  });

  it('knows a real date', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('26-02-01')).toBe(false);
  });
});

describe('invoicing', () => {
  const base = {
    status: 'held' as const,
    lateCancellation: false,
    cancelledByRole: null,
    priceCents: 24000,
    currency: 'EUR',
    processTitle: 'Night shift',
    serviceName: 'Group supervision',
    serviceNames: { en: 'Group supervision' },
    vat: { treatment: 'taxable', rateBp: 2550 } as LineVat,
  };
  const meetings: BillableMeeting[] = [
    {
      ...base,
      id: 'm3',
      startsAt: new Date('2026-10-20T08:00:00Z'),
      status: 'cancelled',
      lateCancellation: true,
      cancelledByRole: 'client',
      priceCents: 33333,
    },
    { ...base, id: 'm1', startsAt: new Date('2026-09-30T21:30:00Z') },
    { ...base, id: 'm2', startsAt: new Date('2026-10-10T08:00:00Z'), status: 'cancelled', cancelledByRole: 'client' },
    { ...base, id: 'm4', startsAt: new Date('2026-10-28T08:00:00Z'), status: 'planned' },
    {
      ...base,
      id: 'm5',
      startsAt: new Date('2026-10-29T08:00:00Z'),
      status: 'cancelled',
      lateCancellation: true,
      cancelledByRole: 'provider',
    },
  ];

  it('charges held meetings at the booked price, late cancellations at the percentage, others 0, and skips planned ones', () => {
    const result = computeInvoicing(meetings, { lateCancellationChargePercent: 50, timeZone: 'Europe/Helsinki' });
    expect(result.rows.map((r) => [r.meetingId, r.date, r.status, r.chargedCents])).toEqual([
      ['m1', '2026-10-01', 'held', 24000],
      ['m2', '2026-10-10', 'cancelled', 0],
      // 50 % of 333,33 is 166,665: rounded half up to 166,67.
      ['m3', '2026-10-20', 'cancelled', 16667],
      // The provider cancelled late itself: the client does not pay for that.
      ['m5', '2026-10-29', 'cancelled', 0],
    ]);
    expect(result.totalCents).toBe(24000 + 16667);
  });

  it('charges a late cancellation in full at 100 % and nothing at 0 %', () => {
    const late = [meetings[0]!];
    expect(computeInvoicing(late, { lateCancellationChargePercent: 100, timeZone: 'UTC' }).totalCents).toBe(33333);
    expect(computeInvoicing(late, { lateCancellationChargePercent: 0, timeZone: 'UTC' }).totalCents).toBe(0);
    expect(computeInvoicing([], { lateCancellationChargePercent: 100, timeZone: 'UTC' })).toEqual({
      rows: [],
      totalCents: 0,
      vatCents: 0,
      grossCents: 0,
      byVat: [],
    });
  });

  it('rounds percentages to whole cents without floating point drift', () => {
    expect(percentOf(24000, 50)).toBe(12000);
    expect(percentOf(1, 50)).toBe(1);
    expect(percentOf(1, 49)).toBe(0);
    expect(percentOf(33333, 33)).toBe(11000);
    expect(percentOf(9999, 15)).toBe(1500);
  });
});

describe('VAT', () => {
  const fi: LineVat = { treatment: 'taxable', rateBp: 2550 };
  const exempt: LineVat = { treatment: 'exempt', ground: 'AVL 34 §' };
  const base = {
    status: 'held' as const,
    lateCancellation: false,
    cancelledByRole: null,
    priceCents: 24000,
    currency: 'EUR',
    processTitle: 'Night shift',
    serviceName: 'Group supervision',
    serviceNames: { en: 'Group supervision' },
    vat: fi,
  };
  const held: BillableMeeting = { ...base, id: 'm1', startsAt: new Date('2026-10-01T08:00:00Z') };

  it('rounds each line half up to a whole cent in integers', () => {
    expect(vatOf(24000, fi)).toBe(6120);
    // 25.5 % of 0,02 is 0,0051: rounds down; of 0,10 is 0,0255: rounds up.
    expect(vatOf(2, fi)).toBe(1);
    expect(vatOf(1, fi)).toBe(0);
    expect(vatOf(10001, fi)).toBe(2550);
    // 14 % of 0,25 is exactly 0,035: half up to 0,04.
    expect(vatOf(25, { treatment: 'taxable', rateBp: 1400 })).toBe(4);
    expect(vatOf(-25, { treatment: 'taxable', rateBp: 1400 })).toBe(-4);
    expect(vatOf(24000, exempt)).toBe(0);
    expect(vatOf(24000, { treatment: 'taxable', rateBp: 0 })).toBe(0);
  });

  it('writes rates with a decimal comma and no trailing zeros', () => {
    expect(formatRate(2550)).toBe('25,5');
    expect(formatRate(2500)).toBe('25');
    expect(formatRate(1405)).toBe('14,05');
    expect(formatRate(0)).toBe('0');
  });

  it('lists each meeting with net, VAT and gross, and totals per rate (highest first) and exemption', () => {
    const result = computeInvoicing(
      [held, { ...held, id: 'x1', vat: exempt }, { ...held, id: 'x2', vat: { treatment: 'taxable', rateBp: 1400 }, priceCents: 10025 }],
      { lateCancellationChargePercent: 50, timeZone: 'UTC' },
    );
    expect(result.rows.map((r) => [r.meetingId, r.chargedCents, r.vatCents, r.grossCents])).toEqual([
      ['m1', 24000, 6120, 30120],
      ['x1', 24000, 0, 24000],
      ['x2', 10025, 1404, 11429],
    ]);
    expect(result.byVat).toEqual([
      { vat: fi, netCents: 24000, vatCents: 6120, grossCents: 30120 },
      { vat: { treatment: 'taxable', rateBp: 1400 }, netCents: 10025, vatCents: 1404, grossCents: 11429 },
      { vat: exempt, netCents: 24000, vatCents: 0, grossCents: 24000 },
    ]);
    expect([result.totalCents, result.vatCents, result.grossCents]).toEqual([58025, 7524, 65549]);
  });

  it('keeps net + VAT = gross on every line, every rate and in total, and totals equal the sum of lines', () => {
    const vat = fc.oneof(
      fc.integer({ min: 0, max: 10000 }).map((rateBp): LineVat => ({ treatment: 'taxable', rateBp })),
      fc.constantFrom<LineVat>(exempt, { treatment: 'exempt', ground: '3 kap. 4 § ML' }),
    );
    const meeting = fc.record({
      priceCents: fc.integer({ min: 0, max: 100_000_000 }),
      status: fc.constantFrom('held' as const, 'cancelled' as const, 'planned' as const),
      lateCancellation: fc.boolean(),
      vat,
    });
    fc.assert(
      fc.property(fc.array(meeting, { maxLength: 30 }), fc.integer({ min: 0, max: 100 }), (list, percent) => {
        const result = computeInvoicing(
          list.map((m, i) => ({ ...base, ...m, id: `m${i}`, startsAt: new Date(Date.UTC(2026, 9, 1 + (i % 28))) })),
          { lateCancellationChargePercent: percent, timeZone: 'UTC' },
        );
        for (const r of result.rows) {
          expect(r.chargedCents + r.vatCents).toBe(r.grossCents);
          expect(r.vatCents).toBe(vatOf(r.chargedCents, r.vat));
        }
        for (const g of result.byVat) expect(g.netCents + g.vatCents).toBe(g.grossCents);
        expect(result.totalCents + result.vatCents).toBe(result.grossCents);
        const sum = (f: (r: (typeof result.rows)[number]) => number) => result.rows.reduce((s, r) => s + f(r), 0);
        expect(result.totalCents).toBe(sum((r) => r.chargedCents));
        expect(result.vatCents).toBe(sum((r) => r.vatCents));
        expect(result.grossCents).toBe(sum((r) => r.grossCents));
        expect(vatTotals(result.rows).grossCents).toBe(result.grossCents);
      }),
    );
  });
});

/** A small RFC 4180 reader with `;`, enough to prove the file reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describe('CSV', () => {
  it('writes amounts with a decimal comma', () => {
    expect(formatAmount(24000)).toBe('240,00');
    expect(formatAmount(16667)).toBe('166,67');
    expect(formatAmount(5)).toBe('0,05');
    expect(formatAmount(0)).toBe('0,00');
    expect(formatAmount(123456789)).toBe('1234567,89');
    expect(formatAmount(-150)).toBe('-1,50');
  });

  it('quotes fields with the separator, quotes or line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=SUM(A1)', { text: true })).toBe("'=SUM(A1)");
    expect(csvField('-1', { text: true })).toBe("'-1");
  });

  it('renders a file with BOM, semicolons, CRLF, local dates and a total that reads back', () => {
    const invoicing = computeInvoicing(
      [
        {
          id: 'm1',
          startsAt: new Date('2026-10-31T22:30:00Z'),
          status: 'held',
          lateCancellation: false,
          cancelledByRole: null,
          priceCents: 24000,
          currency: 'EUR',
          processTitle: 'Yövuoro; "ryhmä"\nB',
          serviceName: 'Ryhmätyönohjaus',
          serviceNames: { fi: 'Ryhmätyönohjaus' },
          vat: { treatment: 'taxable', rateBp: 2550 },
        },
        {
          id: 'm2',
          startsAt: new Date('2026-10-05T08:00:00Z'),
          status: 'cancelled',
          lateCancellation: true,
          cancelledByRole: 'participant',
          priceCents: 24050,
          currency: 'EUR',
          processTitle: 'Öinen',
          serviceName: 'Ryhmätyönohjaus',
          serviceNames: { fi: 'Ryhmätyönohjaus' },
          vat: { treatment: 'exempt', ground: 'AVL 34 §' },
        },
      ],
      { lateCancellationChargePercent: 50, timeZone: 'Europe/Helsinki' },
    );
    const csv = renderInvoicingCsv(invoicing, 'fi');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    // The eight original columns where they were, VAT after them.
    expect(rows[0]).toEqual([
      'Päivä',
      'Prosessi',
      'Palvelu',
      'Tila',
      'Myöhäinen peruutus',
      'Hinta',
      'Veloitus',
      'Tapaamisen tunnus',
      'ALV %',
      'Verottomuuden peruste',
      'ALV',
      'Yhteensä sis. ALV',
    ]);
    expect(rows[1]).toEqual([
      '2026-10-05',
      'Öinen',
      'Ryhmätyönohjaus',
      'peruttu',
      'kyllä',
      '240,50',
      '120,25',
      'm2',
      '',
      'AVL 34 §',
      '0,00',
      '120,25',
    ]);
    expect(rows[2]).toEqual([
      '2026-11-01',
      'Yövuoro; "ryhmä"\nB',
      'Ryhmätyönohjaus',
      'pidetty',
      'ei',
      '240,00',
      '240,00',
      'm1',
      '25,5',
      '',
      '61,20',
      '301,20',
    ]);
    expect(rows[3]).toEqual(['ALV 25,5 %', '', '', '', '', '', '240,00', '', '25,5', '', '61,20', '301,20']);
    expect(rows[4]).toEqual(['Veroton', '', '', '', '', '', '120,25', '', '', 'AVL 34 §', '0,00', '120,25']);
    expect(rows[5]).toEqual(['Yhteensä', '', '', '', '', '', '360,25', '', '', '', '61,20', '421,45']);
    expect(rows).toHaveLength(6);
    expect(renderInvoicingCsv(invoicing, 'en').split('\r\n')[0]).toContain('Date;Process;Service');
  });

  it('names files with an ASCII slug of the organisation', () => {
    expect(fileSlug('Hoivakoti Äänekoski Oy', 'x')).toBe('hoivakoti-aanekoski-oy');
    expect(fileSlug('Sjukhem Ørebro & Co', 'x')).toBe('sjukhem-orebro-co');
    expect(fileSlug('"; rm -rf', 'x')).toBe('rm-rf');
    expect(fileSlug('…', 'fallback-id')).toBe('fallback-id');
  });
});

describe('scaling across a continued process', () => {
  const at = (d: string) => new Date(`2026-${d}T08:00:00Z`);
  const goals = [
    { id: 'g-new', processId: 'new', title: 'Calmer handovers', position: 0, createdAt: at('12-01') },
    { id: 'g-new2', processId: 'new', title: 'Lunch breaks', position: 1, createdAt: at('12-01') },
    { id: 'g-old', processId: 'crisis', title: 'calmer  handovers ', position: 0, createdAt: at('10-01') },
    { id: 'g-old-closed', processId: 'crisis', title: 'Sleep', position: 1, createdAt: at('10-01') },
    { id: 'g-elsewhere', processId: 'unrelated', title: 'Calmer handovers', position: 0, createdAt: at('10-01') },
  ];
  const points = [
    { goalId: 'g-new', meetingId: 'm3', startsAt: at('12-10'), personId: 'p1', value: 7 },
    { goalId: 'g-old', meetingId: 'm1', startsAt: at('10-10'), personId: 'p1', value: 3 },
    { goalId: 'g-old', meetingId: 'm2', startsAt: at('10-24'), personId: 'p1', value: 5 },
    { goalId: 'g-old-closed', meetingId: 'm1', startsAt: at('10-10'), personId: null, value: 2 },
    { goalId: 'g-elsewhere', meetingId: 'mx', startsAt: at('10-10'), personId: 'p1', value: 9 },
  ];

  it('joins a copied goal with its predecessor and keeps the rest', () => {
    const series = scalingSeries(['new', 'crisis'], goals, points);
    expect(series.map((s) => [s.goalId, s.title, s.points.map((p) => `${p.meetingId}:${p.value}`)])).toEqual([
      ['g-new', 'Calmer handovers', ['m1:3', 'm2:5', 'm3:7']],
      ['g-new2', 'Lunch breaks', []],
      ['g-old-closed', 'Sleep', ['m1:2']],
    ]);
  });

  it('never merges two goals of the same process', () => {
    const twins = [
      { id: 'a', processId: 'p', title: 'Same', position: 0, createdAt: at('10-01') },
      { id: 'b', processId: 'p', title: 'Same', position: 1, createdAt: at('10-01') },
    ];
    expect(scalingSeries(['p'], twins, []).map((s) => s.goalId)).toEqual(['a', 'b']);
  });
});
