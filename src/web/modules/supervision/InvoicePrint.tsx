import { useTranslation } from 'react-i18next';
import { type Invoicing, serviceNameIn } from '../../../shared/processes';
import { todayIn } from '../../app/time';
import { useSupervisionFormat } from './hooks';
import { useEnumLabels } from './labels';

type Vat = Pick<Invoicing['byVat'][number], 'treatment' | 'ratePercent' | 'ground'>;

/** "25,5 %" or "VAT exempt (AVL 34 §)", in the reader's number format. */
export function useVatText() {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  return (v: Vat) =>
    v.treatment === 'taxable'
      ? t('invoicing.vatRate', { rate: format.number(v.ratePercent ?? 0) })
      : t('invoicing.vatExempt', { ground: v.ground ?? '' });
}

/**
 * The invoicing basis as a printed document: who bills whom (names and business IDs), for which
 * month, printed when, every line with net, VAT and gross, the totals per VAT rate and the grand
 * total. Only in print (invoicing.css): on screen the page shows the same in its own layout, and
 * this copy stays out of the accessibility tree.
 */
export function InvoicePrint({ data, monthLabel }: { data: Invoicing; monthLabel: string }) {
  const { t, i18n } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const labels = useEnumLabels();
  const vatText = useVatText();
  const money = (cents: number) => format.money(cents, data.currency);
  const none = t('invoicing.noBusinessId');
  return (
    <article className="invoice-doc" aria-hidden="true" data-testid="invoice-print">
      <header className="invoice-doc__head">
        <p className="invoice-doc__title">{t('invoicing.printTitle')}</p>
        <dl className="invoice-doc__meta">
          <dt>{t('invoicing.period')}</dt>
          <dd>{monthLabel}</dd>
          <dt>{t('invoicing.printed')}</dt>
          <dd>{format.calendarDate(todayIn(format.timeZone))}</dd>
          <dt>{t('invoicing.currency')}</dt>
          <dd>{data.currency}</dd>
        </dl>
      </header>
      <div className="invoice-doc__parties">
        <section>
          <p className="invoice-doc__label">{t('invoicing.provider')}</p>
          <p className="invoice-doc__party">{data.provider.name}</p>
          <p>
            {t('invoicing.businessId')}: {data.provider.businessId ?? none}
          </p>
        </section>
        <section>
          <p className="invoice-doc__label">{t('invoicing.client')}</p>
          <p className="invoice-doc__party">{data.organisation.name}</p>
          <p>
            {t('invoicing.businessId')}: {data.organisation.businessId ?? none}
          </p>
        </section>
      </div>
      <table className="invoice-doc__lines">
        <thead>
          <tr>
            <th>{t('invoicing.date')}</th>
            <th>{t('invoicing.process')}</th>
            <th>{t('process.service')}</th>
            <th>{t('meeting.status')}</th>
            <th className="num">{t('invoicing.net')}</th>
            <th>{t('invoicing.vat')}</th>
            <th className="num">{t('invoicing.vatAmount')}</th>
            <th className="num">{t('invoicing.gross')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.meetingId}>
              <td className="nowrap">{format.calendarDate(row.date)}</td>
              <td>{row.processTitle}</td>
              <td>{serviceNameIn(row.serviceNames, i18n.language)}</td>
              <td>
                {labels.meetingStatus(row.status)}
                {row.lateCancellation ? ` (${t('invoicing.late')})` : ''}
              </td>
              <td className="num">{money(row.chargedCents)}</td>
              <td>{vatText(row.vat)}</td>
              <td className="num">{money(row.vatCents)}</td>
              <td className="num">{money(row.grossCents)}</td>
            </tr>
          ))}
          {data.rows.length === 0 && (
            <tr>
              <td colSpan={8}>{t('invoicing.empty')}</td>
            </tr>
          )}
        </tbody>
      </table>
      <table className="invoice-doc__totals">
        <thead>
          <tr>
            <th>{t('invoicing.vat')}</th>
            <th className="num">{t('invoicing.net')}</th>
            <th className="num">{t('invoicing.vatAmount')}</th>
            <th className="num">{t('invoicing.gross')}</th>
          </tr>
        </thead>
        <tbody>
          {data.byVat.map((g) => (
            <tr key={`${g.treatment}:${g.ratePercent}:${g.ground}`}>
              <td>{vatText(g)}</td>
              <td className="num">{money(g.netCents)}</td>
              <td className="num">{money(g.vatCents)}</td>
              <td className="num">{money(g.grossCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('invoicing.total')}</th>
            <td className="num">{money(data.totalCents)}</td>
            <td className="num">{money(data.vatCents)}</td>
            <td className="num">{money(data.grossCents)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="invoice-doc__note">{t('invoicing.printNote')}</p>
    </article>
  );
}
