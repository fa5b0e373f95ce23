import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type Checkin, checkinRoutes } from '../../../shared/measures';
import type { ProcessDetail } from '../../../shared/processes';
import { call } from '../../app/api';
import { ScrollTable } from '../../app/components';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useInvalidate } from './FollowUpFields';
import { CheckinStatusBadge, LevelBadge, useInstrumentLookup, useLocalText, useMeasuresError } from './hooks';
import { severityColor } from './logic';
import { paths } from './queries';

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
        <ScrollTable minWidth={760} label={t('followUp.checkinsLabel')}>
          <Table withTableBorder striped data-testid="checkin-table">
            <Table.Caption>{t('followUp.checkinsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('followUp.person')}</Table.Th>
                <Table.Th scope="col">{t('followUp.instrument')}</Table.Th>
                <Table.Th scope="col">{t('followUp.status')}</Table.Th>
                <Table.Th scope="col">{t('followUp.when')}</Table.Th>
                <Table.Th scope="col">{t('followUp.score')}</Table.Th>
                <Table.Th scope="col">{t('followUp.alert')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((c) => {
                const band = lookup.band(c.instrumentKey, c.bandId);
                const when = c.answeredAt ?? c.sentAt ?? c.dueAt;
                return (
                  <Table.Tr key={c.id} data-testid={`checkin-${c.id}`} data-status={c.status}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={paths.person(c.personId)} size="sm">
                        {c.personName}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{lookup.name(c.instrumentKey)}</Table.Td>
                    <Table.Td>
                      <CheckinStatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>{when ? <time dateTime={when}>{format.dateTime(when)}</time> : '—'}</Table.Td>
                    <Table.Td>
                      {c.score === null ? (
                        '—'
                      ) : (
                        <Group gap={6} wrap="nowrap">
                          {c.responseId ? (
                            <Anchor component={Link} to={paths.response(c.responseId)} size="sm">
                              {c.score}
                            </Anchor>
                          ) : (
                            c.score
                          )}
                          {band && (
                            <Badge variant="light" color={severityColor(band.severity)} tt="none">
                              {text(band.label)}
                            </Badge>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>{c.alertLevel ? <LevelBadge level={c.alertLevel} /> : '—'}</Table.Td>
                    <Table.Td>
                      {(c.status === 'scheduled' || c.status === 'sent') && (
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
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
