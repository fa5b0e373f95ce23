import Holidays from 'date-holidays';

export type Country = 'FI' | 'SE' | 'NO';

export interface PublicHoliday {
  /** YYYY-MM-DD in the country's own calendar. */
  date: string;
  /** Name in the country's language, as date-holidays gives it. */
  name: string;
}

export interface HolidayOptions {
  /**
   * Also treat the eves (juhannusaatto, jouluaatto, uudenvuodenaatto; midsommarafton, julafton,
   * nyårsafton; julaften, nyttårsaften) as closed. They are not public holidays by law, so the
   * default leaves them open, but most Nordic workplaces are closed on them by collective agreement.
   * date-holidays files exactly these days as type 'bank' for FI, SE and NO.
   */
  includeEves?: boolean;
}

interface YearTable {
  publicDays: Map<string, string>;
  eves: Map<string, string>;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Constructing a Holidays instance parses the country's rule set, and the planner asks about
// every candidate day, so both the instance and each computed year are kept for the process.
const engines = new Map<Country, Holidays>();
const yearTables = new Map<string, YearTable>();

function engine(country: Country): Holidays {
  let hd = engines.get(country);
  if (!hd) {
    hd = new Holidays(country);
    engines.set(country, hd);
  }
  return hd;
}

function yearTable(country: Country, year: number): YearTable {
  const key = `${country}:${year}`;
  let table = yearTables.get(key);
  if (!table) {
    table = { publicDays: new Map(), eves: new Map() };
    for (const h of engine(country).getHolidays(year)) {
      // h.date is local to the country ("2026-12-31 14:00:00"); h.start is a UTC instant and
      // would give the previous day for anything east of Greenwich.
      const date = h.date.slice(0, 10);
      if (h.type === 'public') {
        if (!table.publicDays.has(date)) table.publicDays.set(date, h.name);
      } else if (h.type === 'bank') {
        if (!table.eves.has(date)) table.eves.set(date, h.name);
      }
    }
    yearTables.set(key, table);
  }
  return table;
}

function parseYear(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  return Number(m[1]);
}

/** Public holidays of `country` from `from` to `to`, both inclusive, sorted by date. */
export function publicHolidays(country: Country, from: string, to: string, options: HolidayOptions = {}): PublicHoliday[] {
  const fromYear = parseYear(from);
  const toYear = parseYear(to);
  const out: PublicHoliday[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const table = yearTable(country, year);
    const days = new Map(table.publicDays);
    if (options.includeEves) for (const [date, name] of table.eves) if (!days.has(date)) days.set(date, name);
    for (const [date, name] of days) if (date >= from && date <= to) out.push({ date, name });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Whether `date` (YYYY-MM-DD) is a public holiday of `country`. */
export function isPublicHoliday(country: Country, date: string, options: HolidayOptions = {}): boolean {
  const table = yearTable(country, parseYear(date));
  return table.publicDays.has(date) || (options.includeEves === true && table.eves.has(date));
}

/** Monday to Friday and not a public holiday: the unit in which crisis response targets are counted. */
export function isWorkingDay(country: Country, date: string, options: HolidayOptions = {}): boolean {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  // UTC midnight only serves to read the weekday of a calendar date; no zone is involved.
  const weekday = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !isPublicHoliday(country, date, options);
}
