import { type Invoicing as InvoicingOut, serviceNameIn } from '../../../../shared/processes.js';
import { notFound, unprocessable } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import {
  type BillableMeeting,
  type CsvLocale,
  computeInvoicing,
  currencyOfCountry,
  fileSlug,
  type InvoicingRow,
  type LineVat,
  monthRange,
  renderInvoicingCsv,
  type VatTotal,
} from '../logic.js';
import { meetingsForInvoicing } from '../queries.js';
import { provider } from './checks.js';

// The invoicing basis of a client organisation, and its CSV.

type Ctx = Pick<ServiceContext, 'repo'>;

export interface InvoicingResult {
  provider: { name: string; businessId: string | null; country: string };
  organisation: { id: string; name: string; businessId: string | null };
  month: string;
  currency: string;
  rows: InvoicingRow[];
  /** Net. */
  totalCents: number;
  vatCents: number;
  grossCents: number;
  byVat: VatTotal[];
  locale: CsvLocale;
}

/**
 * The invoicing basis of one client organisation for one month of the provider's calendar, or for
 * the months from `month` to `toMonth` together (the ROI scenario sums a period in one pass).
 */
export async function invoicing(ctx: Ctx, organisationId: string, month: string, toMonth = month): Promise<InvoicingResult> {
  const organisation = await ctx.repo
    .select('organisations')
    .select(['organisations.id', 'organisations.name', 'organisations.business_id'])
    .where('organisations.id', '=', organisationId)
    .executeTakeFirst();
  if (!organisation) throw notFound('Unknown organisation');
  const providerRow = await provider(ctx);
  const locale = (['fi', 'sv', 'nb', 'en'] as const).find((l) => l === providerRow.default_locale) ?? 'en';
  const { from } = monthRange(month, providerRow.time_zone);
  const { to } = monthRange(toMonth, providerRow.time_zone);
  const meetings = await meetingsForInvoicing(ctx.repo, organisationId, from, to);
  const billable: BillableMeeting[] = meetings.map((m) => ({
    id: m.id,
    startsAt: new Date(m.starts_at),
    status: m.status,
    lateCancellation: m.late_cancellation,
    cancelledByRole: m.cancelled_by_role,
    priceCents: m.price_cents,
    currency: m.currency,
    processTitle: m.process_title,
    // The basis (and its CSV) is the provider's document: its own language; the page shows the others.
    serviceName: serviceNameIn(m.service_names, locale),
    serviceNames: m.service_names,
    vat:
      m.vat_treatment === 'exempt'
        ? { treatment: 'exempt', ground: m.vat_exempt_ground ?? '' }
        : { treatment: 'taxable', rateBp: m.vat_rate_bp ?? 0 },
  }));
  const result = computeInvoicing(billable, {
    lateCancellationChargePercent: providerRow.late_cancellation_charge_percent,
    timeZone: providerRow.time_zone,
  });
  const billed = new Set(result.rows.map((r) => r.meetingId));
  const currencies = [...new Set(billable.filter((m) => billed.has(m.id)).map((m) => m.currency))];
  if (currencies.length > 1)
    throw unprocessable(
      'mixed_currencies',
      `Meetings of this month are priced in ${currencies.join(' and ')}; one basis cannot add them up`,
    );
  return {
    provider: { name: providerRow.name, businessId: providerRow.business_id ?? null, country: providerRow.country },
    organisation: { id: organisation.id, name: organisation.name, businessId: organisation.business_id },
    month,
    currency: currencies[0] ?? currencyOfCountry(providerRow.country),
    ...result,
    locale,
  };
}

const vatOut = (v: LineVat) =>
  v.treatment === 'taxable'
    ? { treatment: 'taxable' as const, ratePercent: v.rateBp / 100, ground: null }
    : { treatment: 'exempt' as const, ratePercent: null, ground: v.ground };

/** The basis as the route answers it (the contract's shape: rates in percent). */
export function invoicingOut(r: InvoicingResult): InvoicingOut {
  return {
    provider: r.provider,
    organisation: r.organisation,
    month: r.month,
    // A database check keeps meetings' currencies to EUR, SEK and NOK.
    currency: r.currency as InvoicingOut['currency'],
    rows: r.rows.map((row) => ({ ...row, vat: vatOut(row.vat) })),
    totalCents: r.totalCents,
    vatCents: r.vatCents,
    grossCents: r.grossCents,
    byVat: r.byVat.map((g) => ({ ...vatOut(g.vat), netCents: g.netCents, vatCents: g.vatCents, grossCents: g.grossCents })),
  };
}

export function invoicingCsv(result: InvoicingResult): { filename: string; body: string } {
  return {
    filename: `invoicing-${fileSlug(result.organisation.name, result.organisation.id)}-${result.month}.csv`,
    body: renderInvoicingCsv(result, result.locale),
  };
}
