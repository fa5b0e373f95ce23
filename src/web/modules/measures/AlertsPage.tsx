import './measures.css';
import { Anchor, Button, Group, NativeSelect, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { type AlertDetail, type AlertOutcome, alertOutcomes, alertRoutes, measureLimits } from '../../../shared/measures';
import { call, isApiError } from '../../app/api';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { NotFound } from '../../app/NotFound';
import { notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/usePageTitle';
import { AlertLevelBadge, AlertStateBadge, useAlertReason } from './alert-view';
import { useInstrumentLookup, useMeasureLabels, useMeasuresError } from './hooks';
import { enc, keys, paths, useAlert, useAlerts } from './queries';

const SUPERVISION_PROCESS = (id: string) => `/processes/${enc(id)}`;

/** `/alerts`: the practitioner's alerts as tasks, urgent open ones first. */
export function AlertsPage() {
  const { t } = useTranslation('measures');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'all' ? 'all' : 'open';
  const alerts = useAlerts(status);
  const format = useFormat();
  const lookup = useInstrumentLookup();
  const reason = useAlertReason();
  const errorText = useMeasuresError();
  usePageTitle(t('alerts.title'));
  const items = alerts.data?.items ?? [];
  return (
    <Stack gap="lg">
      <Title order={1}>{t('alerts.title')}</Title>
      <Text>{t('alerts.intro')}</Text>
      <Group>
        <SegmentedControl
          aria-label={t('alerts.filter')}
          value={status}
          onChange={(value) => setParams(value === 'all' ? { status: 'all' } : {})}
          data={[
            { value: 'open', label: t('alerts.open') },
            { value: 'all', label: t('alerts.all') },
          ]}
        />
      </Group>
      {alerts.isPending && <PageLoader />}
      <ErrorAlert error={alerts.error} message={errorText(alerts.error)} />
      {alerts.data && items.length === 0 && (
        <Text data-testid="alerts-empty">{status === 'open' ? t('alerts.emptyOpen') : t('alerts.empty')}</Text>
      )}
      {items.length > 0 && (
        <DataTable
          rows={items}
          rowKey={(a) => a.id}
          label={t('alerts.tableLabel')}
          caption={t('alerts.caption')}
          minWidth={760}
          withTableBorder
          testId="alerts-table"
          rowTestId={(a) => `alert-row-${a.id}`}
          columns={[
            {
              key: 'person',
              header: t('alerts.person'),
              primary: true,
              rowHeader: true,
              cell: (a) => (
                <Anchor component={Link} to={paths.alert(a.id)}>
                  {a.personName}
                </Anchor>
              ),
            },
            { key: 'level', header: t('alerts.level'), cell: (a) => <AlertLevelBadge level={a.level} /> },
            { key: 'instrument', header: t('alerts.instrument'), cell: (a) => `${lookup.name(a.instrumentKey)} · ${a.score}` },
            { key: 'reasons', header: t('alerts.reasons'), cell: (a) => a.reasons.map((r) => reason(a.instrumentKey, r)).join('; ') },
            { key: 'process', header: t('alerts.process'), cell: (a) => a.processTitle },
            { key: 'created', header: t('alerts.created'), cell: (a) => format.dateTime(a.createdAt) },
            { key: 'status', header: t('alerts.status'), cell: (a) => <AlertStateBadge status={a.status} /> },
          ]}
        />
      )}
    </Stack>
  );
}

type AlertStep =
  | { action: 'acknowledge' }
  | { action: 'contact' }
  | { action: 'referral'; note: string }
  | { action: 'close'; outcome: AlertOutcome };

function Step({ label, at }: { label: string; at: string | null }) {
  const { t } = useTranslation('measures');
  const format = useFormat();
  return (
    <>
      <dt>{label}</dt>
      <dd>{at ? <time dateTime={at}>{format.dateTime(at)}</time> : t('alerts.notYet')}</dd>
    </>
  );
}

function AlertActions({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation('measures');
  const labels = useMeasureLabels();
  const errorText = useMeasuresError();
  const queryClient = useQueryClient();
  const [note, setNote] = useState(alert.referralNote ?? '');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<AlertOutcome | ''>('');
  const [outcomeError, setOutcomeError] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: (step: AlertStep) => {
      const params = { id: alert.id };
      switch (step.action) {
        case 'acknowledge':
          return call(alertRoutes.acknowledge, { params });
        case 'contact':
          return call(alertRoutes.contact, { params });
        case 'referral':
          return call(alertRoutes.referral, { params, body: { note: step.note } });
        case 'close':
          return call(alertRoutes.close, { params, body: { outcome: step.outcome } });
      }
    },
    onSuccess: (updated, { action }) => {
      notifySuccess(t(`alerts.done.${action}`));
      // The answer is the whole alert: no refetch (a refetch would read the referral note again).
      queryClient.setQueryData<AlertDetail>(keys.alert(alert.id), updated);
      void queryClient.invalidateQueries({ queryKey: keys.alertsAll });
    },
  });
  const closed = Boolean(alert.closedAt);
  if (closed) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="alert-actions">
      <Title order={2} size="h3" id="alert-actions" mb="sm">
        {t('alerts.actions')}
      </Title>
      <Stack gap="md">
        <ErrorAlert error={act.error} message={errorText(act.error)} />
        <Group gap="sm">
          <Button
            onClick={() => act.mutate({ action: 'acknowledge' })}
            disabled={Boolean(alert.acknowledgedAt)}
            loading={act.isPending && act.variables?.action === 'acknowledge'}
            data-testid="alert-acknowledge"
          >
            {alert.acknowledgedAt ? t('alerts.acknowledged') : t('alerts.acknowledge')}
          </Button>
          <Button
            variant="default"
            onClick={() => act.mutate({ action: 'contact' })}
            disabled={Boolean(alert.contactedAt)}
            loading={act.isPending && act.variables?.action === 'contact'}
            data-testid="alert-contact"
          >
            {alert.contactedAt ? t('alerts.contacted') : t('alerts.contact')}
          </Button>
        </Group>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!note.trim()) {
              setNoteError(t('validation.required'));
              return;
            }
            setNoteError(null);
            act.mutate({ action: 'referral', note: note.trim() });
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('alerts.referralNote')}
              description={t('alerts.referralHelp')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={noteError}
              autosize
              minRows={3}
              maxLength={measureLimits.referralNoteMax}
              required
              data-testid="alert-referral-note"
            />
            <Button
              type="submit"
              variant="default"
              w="fit-content"
              loading={act.isPending && act.variables?.action === 'referral'}
              data-testid="alert-referral-save"
            >
              {t('alerts.referralSave')}
            </Button>
          </Stack>
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!outcome) {
              setOutcomeError(t('validation.required'));
              return;
            }
            setOutcomeError(null);
            act.mutate({ action: 'close', outcome });
          }}
        >
          <Stack gap="xs">
            <NativeSelect
              label={t('alerts.outcome')}
              value={outcome}
              onChange={(e) => setOutcome(alertOutcomes.find((o) => o === e.currentTarget.value) ?? '')}
              error={outcomeError}
              required
              data-testid="alert-outcome"
            >
              <option value="">{t('common.choose')}</option>
              {alertOutcomes.map((o) => (
                <option key={o} value={o}>
                  {labels.outcome(o)}
                </option>
              ))}
            </NativeSelect>
            <Button type="submit" w="fit-content" loading={act.isPending && act.variables?.action === 'close'} data-testid="alert-close">
              {t('alerts.close')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

/** `/alerts/:id`: one alert as a task — acknowledge, contact, offer a referral, close with an outcome. */
export function AlertPage() {
  const { t } = useTranslation('measures');
  const { id = '' } = useParams();
  const alert = useAlert(id);
  const labels = useMeasureLabels();
  const lookup = useInstrumentLookup();
  const reason = useAlertReason();
  const errorText = useMeasuresError();
  const data = alert.data;
  usePageTitle(data ? t('alerts.detailTitle', { name: data.personName }) : t('alerts.title'));
  if (isApiError(alert.error) && alert.error.status === 404) return <NotFound />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.alerts} size="sm">
        {t('alerts.back')}
      </Anchor>
      {alert.isPending && <PageLoader />}
      <ErrorAlert error={alert.error} message={errorText(alert.error)} />
      {data && (
        <>
          <Group gap="sm" align="center">
            <Title order={1}>{t('alerts.detailTitle', { name: data.personName })}</Title>
            <AlertLevelBadge level={data.level} />
            <AlertStateBadge status={data.status} />
          </Group>
          {data.level === 'urgent' && !data.closedAt && (
            <Text fw={600} c="red.9">
              {t('alerts.urgentHelp')}
            </Text>
          )}
          <Paper withBorder p="md" component="section" aria-labelledby="alert-facts">
            <Title order={2} size="h3" id="alert-facts" mb="sm">
              {t('alerts.facts')}
            </Title>
            <dl className="facts" data-testid="alert-facts">
              <dt>{t('alerts.instrument')}</dt>
              <dd>
                {lookup.name(data.instrumentKey)}
                {` · ${t('alerts.scoreN', { score: data.score })}`}
              </dd>
              <dt>{t('alerts.reasons')}</dt>
              <dd>
                <ul className="plain-list">
                  {data.reasons.map((r) => (
                    <li key={r}>{reason(data.instrumentKey, r)}</li>
                  ))}
                </ul>
              </dd>
              <dt>{t('alerts.process')}</dt>
              <dd>
                <Anchor component={Link} to={SUPERVISION_PROCESS(data.processId)}>
                  {data.processTitle}
                </Anchor>
              </dd>
              <dt>{t('alerts.results')}</dt>
              <dd>
                <Group gap="md">
                  <Anchor component={Link} to={paths.person(data.personId)}>
                    {t('alerts.personResults', { name: data.personName })}
                  </Anchor>
                  <Anchor component={Link} to={paths.response(data.responseId)}>
                    {t('alerts.openResponse')}
                  </Anchor>
                </Group>
              </dd>
              <Step label={t('alerts.created')} at={data.createdAt} />
              <Step label={t('alerts.acknowledgedAt')} at={data.acknowledgedAt} />
              <Step label={t('alerts.contactedAt')} at={data.contactedAt} />
              <Step label={t('alerts.referralAt')} at={data.referralAt} />
              {data.referralNote && (
                <>
                  <dt>{t('alerts.referralNote')}</dt>
                  <dd style={{ whiteSpace: 'pre-wrap' }} data-testid="alert-referral-saved">
                    {data.referralNote}
                  </dd>
                </>
              )}
              {data.escalatedAt && <Step label={t('alerts.escalatedAt')} at={data.escalatedAt} />}
              <Step label={t('alerts.closedAt')} at={data.closedAt} />
              {data.outcome && (
                <>
                  <dt>{t('alerts.outcome')}</dt>
                  <dd data-testid="alert-outcome-saved">{labels.outcome(data.outcome)}</dd>
                </>
              )}
            </dl>
          </Paper>
          <AlertActions key={`${data.id}:${data.referralAt ?? ''}`} alert={data} />
        </>
      )}
    </Stack>
  );
}
