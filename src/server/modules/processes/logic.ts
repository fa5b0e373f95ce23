import { DateTime } from 'luxon';
import { isCrisisKind, type ServiceNames } from '../../../shared/processes.js';
import type { Cadence, Place, ServiceKind } from '../../kernel/db/schema.js';

// Pure rules of the processes module: the status machine, defaults taken from a service, the
// invoicing basis, its CSV and the month in the provider's time zone. No database, no clock.

// ---------------------------------------------------------------------------------------------
// Status machine: the shared contract's (src/shared/processes.ts), the same the web offers.

export {
  allowedTransitions,
  crisisKinds,
  isCrisisKind,
  isOpen,
  processStatuses,
  type TransitionResult,
  transition,
} from '../../../shared/processes.js';

// ---------------------------------------------------------------------------------------------
// Defaults from the service

export interface ServiceDefaults {
  kind: ServiceKind;
  default_minutes: number;
  default_cadence: Cadence;
  default_place: Place;
  price_cents: number;
  currency: string;
}

export interface ProcessOverrides {
  kind?: ServiceKind | undefined;
  cadence?: Cadence | undefined;
  sessionMinutes?: number | undefined;
  place?: Place | undefined;
  priceCents?: number | undefined;
}

export interface ProcessTerms {
  kind: ServiceKind;
  cadence: Cadence;
  sessionMinutes: number;
  place: Place;
  priceCents: number;
  currency: string;
}

/**
 * The agreed terms of a new process: whatever the caller gave, the service's defaults otherwise.
 * A crisis process follows the crisis cadence unless told otherwise; an ordinary process never
 * inherits the crisis cadence from a crisis service (it falls back to monthly, the usual rhythm).
 */
export function processDefaults(service: ServiceDefaults, given: ProcessOverrides = {}): ProcessTerms {
  const kind = given.kind ?? service.kind;
  let cadence = given.cadence ?? service.default_cadence;
  if (!given.cadence) {
    if (isCrisisKind(kind)) cadence = 'crisis';
    else if (cadence === 'crisis') cadence = 'monthly';
  }
  return {
    kind,
    cadence,
    sessionMinutes: given.sessionMinutes ?? service.default_minutes,
    place: given.place ?? service.default_place,
    priceCents: given.priceCents ?? service.price_cents,
    currency: service.currency,
  };
}

/** The currency a provider bills in when nothing else says. */
export function currencyOfCountry(country: 'FI' | 'SE' | 'NO'): 'EUR' | 'SEK' | 'NOK' {
  return country === 'SE' ? 'SEK' : country === 'NO' ? 'NOK' : 'EUR';
}

// ---------------------------------------------------------------------------------------------
// Months in the provider's time zone

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface MonthRange {
  /** First instant of the month, inclusive. */
  from: Date;
  /** First instant of the next month, exclusive. */
  to: Date;
}

/**
 * A calendar month as a half-open interval of instants in `timeZone`. The office closes the month
 * by its own wall clock: in Helsinki October 2026 runs from 2026-09-30T21:00Z (UTC+3) to
 * 2026-10-31T22:00Z (UTC+2, after the clocks went back), not by UTC midnights.
 */
export function monthRange(month: string, timeZone: string): MonthRange {
  const m = MONTH_RE.exec(month);
  if (!m) throw new Error(`Not a month: ${month}`);
  const start = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: 1 }, { zone: timeZone });
  if (!start.isValid) throw new Error(`Not a time zone: ${timeZone}`);
  return { from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}

/** The calendar date (YYYY-MM-DD) of an instant on the wall clock of `timeZone`. */
export function localDate(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate() as string;
}

/** Is this a real date written as YYYY-MM-DD? */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

// ---------------------------------------------------------------------------------------------
// Invoicing

export interface BillableMeeting {
  id: string;
  startsAt: Date;
  status: 'planned' | 'held' | 'cancelled';
  lateCancellation: boolean;
  cancelledByRole: 'provider' | 'client' | 'participant' | null;
  priceCents: number;
  currency: string;
  processTitle: string;
  serviceName: string;
  serviceNames: ServiceNames;
  vat: LineVat;
}

/** A line's VAT: a rate in hundredths of a percent (2550 = 25.5 %), or exempt on a legal ground. */
export type LineVat = { treatment: 'taxable'; rateBp: number } | { treatment: 'exempt'; ground: string };

export interface InvoicingRules {
  /** The provider's late-cancellation charge, 0–100 % of the booked price. */
  lateCancellationChargePercent: number;
  timeZone: string;
}

export interface InvoicingRow {
  meetingId: string;
  date: string;
  processTitle: string;
  serviceName: string;
  serviceNames: ServiceNames;
  status: 'held' | 'cancelled';
  lateCancellation: boolean;
  priceCents: number;
  /** Net. */
  chargedCents: number;
  vat: LineVat;
  vatCents: number;
  grossCents: number;
}

export interface VatTotal {
  vat: LineVat;
  netCents: number;
  vatCents: number;
  grossCents: number;
}

export interface Invoicing {
  rows: InvoicingRow[];
  /** Net total. */
  totalCents: number;
  vatCents: number;
  grossCents: number;
  byVat: VatTotal[];
}

/**
 * VAT on a net amount in cents, rounded half up to a whole cent, in integers: `rateBp` is in
 * hundredths of a percent, so 25.5 % of 100,01 € is (10001 · 2550 + 5000) div 10000 = 2550 cents.
 * Amounts up to 10^8 cents at 10^4 bp stay far below 2^53. Negative nets (credits) round half away
 * from zero, mirroring the positive case.
 */
export function vatOf(netCents: number, vat: LineVat): number {
  if (vat.treatment === 'exempt') return 0;
  const sign = netCents < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(netCents) * vat.rateBp + 5000) / 10000);
}

const vatKey = (v: LineVat) => (v.treatment === 'taxable' ? `t:${v.rateBp}` : `e:${v.ground}`);

/**
 * Totals per VAT rate (highest first) and per exemption ground (after the rates), and the grand
 * total. The rule: VAT is rounded per line, and every total is the sum of its lines' net, VAT and
 * gross, so net + VAT = gross holds on each line, each rate's total and the grand total alike,
 * and a reader can add up the basis by hand without a cent of difference.
 */
export function vatTotals(lines: readonly { vat: LineVat; chargedCents: number; vatCents: number; grossCents: number }[]): {
  byVat: VatTotal[];
  netCents: number;
  vatCents: number;
  grossCents: number;
} {
  const groups = new Map<string, VatTotal>();
  for (const l of lines) {
    const key = vatKey(l.vat);
    const g = groups.get(key) ?? { vat: l.vat, netCents: 0, vatCents: 0, grossCents: 0 };
    g.netCents += l.chargedCents;
    g.vatCents += l.vatCents;
    g.grossCents += l.grossCents;
    groups.set(key, g);
  }
  const rank = (v: LineVat) => (v.treatment === 'taxable' ? -v.rateBp : 1);
  const byVat = [...groups.values()].sort((a, b) => rank(a.vat) - rank(b.vat) || vatKey(a.vat).localeCompare(vatKey(b.vat)));
  return {
    byVat,
    netCents: byVat.reduce((s, g) => s + g.netCents, 0),
    vatCents: byVat.reduce((s, g) => s + g.vatCents, 0),
    grossCents: byVat.reduce((s, g) => s + g.grossCents, 0),
  };
}

/** `percent` of `cents`, rounded half up to a whole cent, in integers (no floating point). */
export function percentOf(cents: number, percent: number): number {
  return Math.floor((cents * percent + 50) / 100);
}

/**
 * The invoicing basis of a month: held meetings at the price they were booked at; late
 * cancellations at the provider's percentage of it; other cancellations listed at 0 (the client
 * sees them, and sees they cost nothing). A late cancellation made by the provider itself is not
 * the client's to pay, so it is listed at 0 as well. Planned meetings are not billable yet.
 */
export function computeInvoicing(meetings: readonly BillableMeeting[], rules: InvoicingRules): Invoicing {
  const rows = meetings
    .filter((m): m is BillableMeeting & { status: 'held' | 'cancelled' } => m.status === 'held' || m.status === 'cancelled')
    .slice()
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))
    .map((m): InvoicingRow => {
      let chargedCents = 0;
      if (m.status === 'held') chargedCents = m.priceCents;
      else if (m.lateCancellation && m.cancelledByRole !== 'provider')
        chargedCents = percentOf(m.priceCents, rules.lateCancellationChargePercent);
      const vatCents = vatOf(chargedCents, m.vat);
      return {
        meetingId: m.id,
        date: localDate(m.startsAt, rules.timeZone),
        processTitle: m.processTitle,
        serviceName: m.serviceName,
        serviceNames: m.serviceNames,
        status: m.status,
        lateCancellation: m.lateCancellation,
        priceCents: m.priceCents,
        chargedCents,
        vat: m.vat,
        vatCents,
        grossCents: chargedCents + vatCents,
      };
    });
  const totals = vatTotals(rows);
  return { rows, totalCents: totals.netCents, vatCents: totals.vatCents, grossCents: totals.grossCents, byVat: totals.byVat };
}

// ---------------------------------------------------------------------------------------------
// CSV

export type CsvLocale = 'fi' | 'sv' | 'nb' | 'en';

interface CsvTexts {
  header: string[];
  /** Appended after the original columns, so a sheet that reads them by position keeps working. */
  vatHeader: string[];
  held: string;
  cancelled: string;
  yes: string;
  no: string;
  total: string;
  rate: (percent: string) => string;
  exempt: string;
}

const csvTexts: Record<CsvLocale, CsvTexts> = {
  fi: {
    header: ['Päivä', 'Prosessi', 'Palvelu', 'Tila', 'Myöhäinen peruutus', 'Hinta', 'Veloitus', 'Tapaamisen tunnus'],
    vatHeader: ['ALV %', 'Verottomuuden peruste', 'ALV', 'Yhteensä sis. ALV'],
    rate: (p) => `ALV ${p} %`,
    exempt: 'Veroton',
    held: 'pidetty',
    cancelled: 'peruttu',
    yes: 'kyllä',
    no: 'ei',
    total: 'Yhteensä',
  },
  sv: {
    header: ['Datum', 'Process', 'Tjänst', 'Status', 'Sen avbokning', 'Pris', 'Debiteras', 'Mötes-id'],
    vatHeader: ['Moms %', 'Grund för undantag', 'Moms', 'Totalt inkl. moms'],
    rate: (p) => `Moms ${p} %`,
    exempt: 'Momsfritt',
    held: 'hållen',
    cancelled: 'inställd',
    yes: 'ja',
    no: 'nej',
    total: 'Totalt',
  },
  nb: {
    header: ['Dato', 'Prosess', 'Tjeneste', 'Status', 'Sen avbestilling', 'Pris', 'Fakturert', 'Møte-id'],
    vatHeader: ['MVA %', 'Hjemmel for unntak', 'MVA', 'Totalt inkl. MVA'],
    rate: (p) => `MVA ${p} %`,
    exempt: 'Unntatt MVA',
    held: 'holdt',
    cancelled: 'avlyst',
    yes: 'ja',
    no: 'nei',
    total: 'Totalt',
  },
  en: {
    header: ['Date', 'Process', 'Service', 'Status', 'Late cancellation', 'Price', 'Charged', 'Meeting id'],
    vatHeader: ['VAT %', 'VAT exemption', 'VAT', 'Total incl. VAT'],
    rate: (p) => `VAT ${p} %`,
    exempt: 'VAT exempt',
    held: 'held',
    cancelled: 'cancelled',
    yes: 'yes',
    no: 'no',
    total: 'Total',
  },
};

/**
 * Cents as a decimal-comma amount, `24000` → `240,00`. Finnish, Swedish and Norwegian spreadsheets
 * read a comma as the decimal separator (and expect `;` between fields for that very reason); a
 * point would turn `240.00` into text or a date. No thousands separator: the Nordic one is a
 * (non-breaking) space, which spreadsheets do not reliably read back as part of a number.
 */
export function formatAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** A rate in hundredths of a percent with a decimal comma and no trailing zeros: 2550 → `25,5`, 2400 → `24`. */
export function formatRate(rateBp: number): string {
  const whole = Math.floor(rateBp / 100);
  const frac = String(rateBp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac ? `${whole},${frac}` : String(whole);
}

/**
 * One field: quoted when it holds the separator, a quote or a line break (RFC 4180, quotes doubled).
 * Text that a spreadsheet would run as a formula (starting with = + - @ or a tab) gets a leading
 * apostrophe: titles are typed by people, and an invoicing file is opened by someone else.
 */
export function csvField(value: string, opts: { text?: boolean } = {}): string {
  let v = value;
  if (opts.text && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The invoicing basis as CSV for Nordic spreadsheet defaults: UTF-8 with a byte-order mark (so
 * Excel reads å, ä, ø as UTF-8 rather than the legacy code page), `;` between fields, CRLF line
 * ends, dates as YYYY-MM-DD in the provider's zone (already so in the rows), decimal-comma
 * amounts, a line per VAT rate or exemption and a closing total line. Headers and status words in
 * the provider's language. The VAT columns come after the eight original ones (rather than beside
 * the amounts) so a sheet or import that reads the earlier file by position reads this one too.
 * Semicolons and decimal commas stay for every language, English included: the file is read by
 * Nordic spreadsheets, whatever language the person downloading it reads.
 */
export function renderInvoicingCsv(invoicing: Invoicing, locale: CsvLocale = 'en'): string {
  const t = csvTexts[locale] ?? csvTexts.en;
  const vatColumns = (vat: LineVat) =>
    vat.treatment === 'taxable' ? [formatRate(vat.rateBp), ''] : ['', csvField(vat.ground, { text: true })];
  const lines = [[...t.header, ...t.vatHeader].map((h) => csvField(h)).join(';')];
  for (const r of invoicing.rows) {
    lines.push(
      [
        csvField(r.date),
        csvField(r.processTitle, { text: true }),
        csvField(r.serviceName, { text: true }),
        csvField(r.status === 'held' ? t.held : t.cancelled),
        csvField(r.lateCancellation ? t.yes : t.no),
        formatAmount(r.priceCents),
        formatAmount(r.chargedCents),
        csvField(r.meetingId),
        ...vatColumns(r.vat),
        formatAmount(r.vatCents),
        formatAmount(r.grossCents),
      ].join(';'),
    );
  }
  for (const g of invoicing.byVat) {
    const label = g.vat.treatment === 'taxable' ? t.rate(formatRate(g.vat.rateBp)) : t.exempt;
    lines.push(
      [
        csvField(label),
        '',
        '',
        '',
        '',
        '',
        formatAmount(g.netCents),
        '',
        ...vatColumns(g.vat),
        formatAmount(g.vatCents),
        formatAmount(g.grossCents),
      ].join(';'),
    );
  }
  lines.push(
    [
      csvField(t.total),
      '',
      '',
      '',
      '',
      '',
      formatAmount(invoicing.totalCents),
      '',
      '',
      '',
      formatAmount(invoicing.vatCents),
      formatAmount(invoicing.grossCents),
    ].join(';'),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file-name-safe form of an organisation's name: `Hoivakoti Äänekoski Oy` → `hoivakoti-aanekoski-oy`. */
export function fileSlug(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || fallback;
}

// ---------------------------------------------------------------------------------------------
// Scaling across a continued process

export interface ChainGoal {
  id: string;
  processId: string;
  title: string;
  position: number;
  createdAt: Date;
}

export interface ScalingPoint {
  goalId: string;
  meetingId: string;
  startsAt: Date;
  personId: string | null;
  value: number;
}

export interface ScalingSeries {
  goalId: string;
  title: string;
  points: { meetingId: string; startsAt: Date; personId: string | null; value: number }[];
}

const goalKey = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Scaling series over a chain of processes, newest first (`chain[0]` is the process asked about,
 * then the one it continued from, and so on). Continuing copies the open goals by title, so a goal
 * of the newest process gathers the points of the goals of the same title before it; goals of an
 * earlier process that were not carried over keep their own series. Points are in meeting order.
 */
export function scalingSeries(chain: readonly string[], goals: readonly ChainGoal[], points: readonly ScalingPoint[]): ScalingSeries[] {
  const rank = new Map(chain.map((id, i) => [id, i]));
  const ordered = goals
    .filter((g) => rank.has(g.processId))
    .slice()
    .sort(
      (a, b) => rank.get(a.processId)! - rank.get(b.processId)! || a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime(),
    );
  const series: ScalingSeries[] = [];
  const byKey = new Map<string, { series: ScalingSeries; processes: Set<string> }[]>();
  const seriesOfGoal = new Map<string, ScalingSeries>();
  for (const g of ordered) {
    const key = goalKey(g.title);
    const candidates = byKey.get(key) ?? [];
    // A goal joins a newer goal's series only across processes, never two goals of one process.
    let entry = candidates.find((c) => !c.processes.has(g.processId));
    if (!entry) {
      entry = { series: { goalId: g.id, title: g.title, points: [] }, processes: new Set() };
      series.push(entry.series);
      candidates.push(entry);
      byKey.set(key, candidates);
    }
    entry.processes.add(g.processId);
    seriesOfGoal.set(g.id, entry.series);
  }
  for (const p of points) {
    const s = seriesOfGoal.get(p.goalId);
    if (s) s.points.push({ meetingId: p.meetingId, startsAt: p.startsAt, personId: p.personId, value: p.value });
  }
  for (const s of series) s.points.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.meetingId.localeCompare(b.meetingId));
  return series;
}
