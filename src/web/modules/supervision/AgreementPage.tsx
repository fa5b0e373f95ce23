import './supervision.css';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isCrisis, type ProcessDetail } from '../../../shared/processes';
import { isApiError } from '../../app/api';
import { intlLocale } from '../../app/format';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { NotFound } from '../../app/NotFound';
import { useSession } from '../../app/session';
import { dateOnlyIso } from '../../app/time';
import { usePageTitle } from '../../app/usePageTitle';
import { useSupervisionFormat } from './hooks';
import { paths, useProcess } from './queries';

function Agreement({ process, providerName }: { process: ProcessDetail; providerName: string }) {
  const { i18n } = useTranslation('supervision');
  // The agreement is in the process's language, whatever the interface language is.
  const t = i18n.getFixedT(process.language, 'supervision');
  const format = useSupervisionFormat();
  const locale = intlLocale(process.language);
  const day = (date: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(dateOnlyIso(date)));
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: process.currency || 'EUR' }).format(process.priceCents / 100);
  const none = t('agreement.notAgreed');
  const goals = process.goals.filter((g) => !g.closedAt);
  const enumText = (group: string, value: string) => t(`${group}.${value}`, { defaultValue: value });
  const title = isCrisis(process) ? t('agreement.titleCrisis') : t('agreement.title');
  usePageTitle(title);

  return (
    <article lang={process.language} aria-labelledby="agreement-title">
      <Stack gap="md">
        <div>
          <Title order={1} id="agreement-title">
            {title}
          </Title>
          <Text size="lg">{process.title}</Text>
        </div>

        <section aria-labelledby="agreement-parties">
          <Title order={2} size="h3" id="agreement-parties">
            {t('agreement.parties')}
          </Title>
          <dl className="facts">
            <dt>{t('agreement.provider')}</dt>
            <dd>{providerName}</dd>
            <dt>{t('agreement.client')}</dt>
            <dd>{process.organisationName}</dd>
          </dl>
        </section>

        <section aria-labelledby="agreement-service">
          <Title order={2} size="h3" id="agreement-service">
            {t('agreement.service')}
          </Title>
          <dl className="facts">
            <dt>{t('process.service')}</dt>
            <dd>
              {process.serviceName} ({enumText('kind', process.kind)})
            </dd>
            <dt>{t('process.agreedSessions')}</dt>
            <dd>{process.agreedSessions ?? none}</dd>
            <dt>{t('process.sessionLength')}</dt>
            <dd>{t('process.minutes', { count: process.sessionMinutes })}</dd>
            <dt>{t('process.cadence')}</dt>
            <dd>{enumText('cadence', process.cadence)}</dd>
            <dt>{t('process.place')}</dt>
            <dd>
              {enumText('place', process.place)}
              {process.location ? `: ${process.location}` : ''}
              {process.videoLink ? `: ${process.videoLink}` : ''}
            </dd>
            <dt>{t('process.price')}</dt>
            <dd>{t('agreement.priceText', { price: money })}</dd>
            <dt>{t('process.startDate')}</dt>
            <dd>{process.startDate ? day(process.startDate) : none}</dd>
            <dt>{t('process.reviewDate')}</dt>
            <dd>{process.reviewDate ? day(process.reviewDate) : none}</dd>
            {process.crisisEventAt && (
              <>
                <dt>{t('process.crisisEventAt')}</dt>
                <dd>
                  {new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: format.timeZone }).format(
                    new Date(process.crisisEventAt),
                  )}
                </dd>
              </>
            )}
          </dl>
        </section>

        <section aria-labelledby="agreement-goals">
          <Title order={2} size="h3" id="agreement-goals">
            {t('goals.title')}
          </Title>
          {goals.length === 0 ? (
            <Text>{t('agreement.goalsLater')}</Text>
          ) : (
            <ol>
              {goals.map((g) => (
                <li key={g.id}>{g.title}</li>
              ))}
            </ol>
          )}
        </section>

        <section aria-labelledby="agreement-people">
          <Title order={2} size="h3" id="agreement-people">
            {t('agreement.people')}
          </Title>
          <dl className="facts">
            <dt>{t('process.practitioners')}</dt>
            <dd>{process.practitioners.map((p) => p.name).join(', ') || none}</dd>
            <dt>{t('process.participants')}</dt>
            <dd>{process.participants.map((p) => p.name).join(', ') || none}</dd>
          </dl>
        </section>

        <section aria-labelledby="agreement-confidentiality">
          <Title order={2} size="h3" id="agreement-confidentiality">
            {t('agreement.confidentiality')}
          </Title>
          <Stack gap="xs">
            <Text>{t('agreement.confidentialityNotes')}</Text>
            <Text>{t('agreement.confidentialitySummaries')}</Text>
            <Text>{t('agreement.confidentialityManagement')}</Text>
            <Text>{t('agreement.cancellation')}</Text>
          </Stack>
        </section>

        <section aria-labelledby="agreement-signatures">
          <Title order={2} size="h3" id="agreement-signatures">
            {t('agreement.signatures')}
          </Title>
          <div className="signature-lines">
            <div>
              <Text fw={600}>{t('agreement.forClient', { name: process.organisationName })}</Text>
              <div className="signature-line">
                <Text size="sm">{t('agreement.signatureHint')}</Text>
              </div>
            </div>
            <div>
              <Text fw={600}>{t('agreement.forProvider', { name: providerName })}</Text>
              <div className="signature-line">
                <Text size="sm">{t('agreement.signatureHint')}</Text>
              </div>
            </div>
          </div>
        </section>
      </Stack>
    </article>
  );
}

/** The agreement of a process, ready to print (in the process's language). */
export function AgreementPage() {
  const { t } = useTranslation('supervision');
  const { id = '' } = useParams();
  const process = useProcess(id);
  const { data: session } = useSession();
  const providerName = session?.memberships.find((m) => m.providerId === session.providerId)?.providerName ?? '';
  if (isApiError(process.error) && process.error.status === 404) return <NotFound />;
  return (
    <div className="print-page">
      <Stack gap="md">
        <Group justify="space-between" className="no-print">
          <Anchor component={Link} to={paths.process(id)} size="sm">
            {t('agreement.back')}
          </Anchor>
          <Button onClick={() => window.print()} disabled={!process.data}>
            {t('common.print')}
          </Button>
        </Group>
        {process.isPending && <PageLoader />}
        <ErrorAlert error={process.error} />
        {process.data && <Agreement process={process.data} providerName={providerName} />}
      </Stack>
    </div>
  );
}
