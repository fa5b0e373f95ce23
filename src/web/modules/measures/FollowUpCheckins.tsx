import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type Checkin, checkinRoutes } from '../../../shared/measures';
import type { ProcessDetail } from '../../../shared/processes';
import { call } from '../../app/api';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { AlertLevelBadge, whole } from './alert-view';
import { useInvalidate } from './FollowUpFields';
import { CheckinStatusBadge, useInstrumentLookup, useLocalText, useMeasuresError } from './hooks';
import { severityColor } from './logic';
import { paths } from './queries';
import { RowTranslationMark } from './translation-mark';

/** A process's check-ins, latest first, each cancellable until answered. */
export function CheckinTable({ process, checkins }: { process: ProcessDetail; checkins: Checkin[] }) {
  const { t } = useTranslation('measures');
  const format = useFormat();
  const lookup = useInstrumentLookup();
  const text = useLocalText();
  const errorText = useMeasuresError();
  const invalidate = useInvalidate(process.id);
  const cancel = useMutation({
    mutationFn: (c: Checkin) => call(checkinRoutes.cancel, { params: { id: c.id } }),
    onSuccess: () => {
      notifySuccess(t('followUp.cancelled'));
      invalidate();
    },
  });
  const sorted = [...checkins].sort((a, b) => (b.answeredAt ?? b.sentAt ?? b.dueAt).localeCompare(a.answeredAt ?? a.sentAt ?? a.dueAt));
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('followUp.checkins')}
      </Title>
      <ErrorAlert error={cancel.error} message={errorText(cancel.error)} />
      {sorted.length === 0 ? (
        <Text size="sm">{t('followUp.noCheckins')}</Text>
      ) : (
        <DataTable
          rows={sorted}
          rowKey={(c) => c.id}
          rowTestId={(c) => `checkin-${c.id}`}
          label={t('followUp.checkinsLabel')}
          caption={t('followUp.checkinsCaption')}
          minWidth={760}
          withTableBorder
          testId="checkin-table"
          columns={[
            {
              key: 'person',
              header: t('followUp.person'),
              primary: true,
              rowHeader: true,
              cell: (c) => (
                <Anchor component={Link} to={paths.person(c.personId)} size="sm">
                  {c.personName}
                </Anchor>
              ),
            },
            {
              key: 'instrument',
              header: t('followUp.instrument'),
              cell: (c) => (
                <>
                  {lookup.name(c.instrumentKey)}
                  <RowTranslationMark translation={c.translation} />
                </>
              ),
            },
            { key: 'status', header: t('followUp.status'), cell: (c) => <CheckinStatusBadge status={c.status} /> },
            {
              key: 'when',
              header: t('followUp.when'),
              cell: (c) => {
                const when = c.answeredAt ?? c.sentAt ?? c.dueAt;
                return when ? <time dateTime={when}>{format.dateTime(when)}</time> : '—';
              },
            },
            {
              key: 'score',
              header: t('followUp.score'),
              cell: (c) => {
                if (c.score === null) return '—';
                const band = lookup.band(c.instrumentKey, c.bandId);
                return (
                  <Group gap={6} wrap="wrap">
                    {c.responseId ? (
                      <Anchor component={Link} to={paths.response(c.responseId)} size="sm">
                        {c.score}
                      </Anchor>
                    ) : (
                      c.score
                    )}
                    {band && (
                      <Badge variant="light" color={severityColor(band.severity)} tt="none" styles={whole}>
                        {text(band.label)}
                      </Badge>
                    )}
                  </Group>
                );
              },
            },
            { key: 'alert', header: t('followUp.alert'), cell: (c) => (c.alertLevel ? <AlertLevelBadge level={c.alertLevel} /> : '—') },
            {
              key: 'actions',
              header: t('common.actions'),
              action: true,
              cell: (c) =>
                (c.status === 'scheduled' || c.status === 'sent') && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    c="red.9"
                    onClick={() => cancel.mutate(c)}
                    loading={cancel.isPending && cancel.variables?.id === c.id}
                    aria-label={t('followUp.cancelFor', { name: c.personName })}
                  >
                    {t('followUp.cancel')}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Stack>
  );
}
