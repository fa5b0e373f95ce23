import { notFound, unprocessable } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import {
  type BillableMeeting,
  type CsvLocale,
  computeInvoicing,
  currencyOfCountry,
  fileSlug,
  type InvoicingRow,
  monthRange,
  renderInvoicingCsv,
} from '../logic.js';
import { meetingsForInvoicing } from '../queries.js';
import { provider } from './checks.js';

// The invoicing basis of a client organisation, and its CSV.

type Ctx = Pick<ServiceContext, 'repo'>;

export interface InvoicingResult {
  organisation: { id: string; name: string; businessId: string | null };
  month: string;
  currency: string;
  rows: InvoicingRow[];
  totalCents: number;
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
    serviceName: m.service_name,
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
  const locale = (['fi', 'sv', 'nb', 'en'] as const).find((l) => l === providerRow.default_locale) ?? 'en';
  return {
    organisation: { id: organisation.id, name: organisation.name, businessId: organisation.business_id },
    month,
    currency: currencies[0] ?? currencyOfCountry(providerRow.country),
    rows: result.rows,
    totalCents: result.totalCents,
    locale,
  };
}

export function invoicingCsv(result: InvoicingResult): { filename: string; body: string } {
  return {
    filename: `invoicing-${fileSlug(result.organisation.name, result.organisation.id)}-${result.month}.csv`,
    body: renderInvoicingCsv({ rows: result.rows, totalCents: result.totalCents }, result.locale),
  };
}
