import { Button, Group, Radio, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AttendanceStatus, attendanceStatus, type Meeting, schedulingRoutes } from '../../../shared/scheduling';
import { call } from '../../app/api';
import { DataTable } from '../../app/DataTable';
import { ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { AttendanceBadge } from './labels';
import { useRefreshMeeting } from './meetingCache';
import { Section } from './Section';

/** Who attended: present or absent for everyone still invited (a withdrawal stays as it is). */
export function AttendanceEditor({ meeting, canEdit }: { meeting: Meeting; canEdit: boolean }) {
  const { t } = useTranslation('supervision');
  const refresh = useRefreshMeeting(meeting);
  const attendance = meeting.attendance ?? [];
  const [values, setValues] = useState<Record<string, AttendanceStatus>>(() =>
    Object.fromEntries(attendance.map((a) => [a.personId, a.status])),
  );
  const save = useMutation({
    mutationFn: () =>
      call(schedulingRoutes.attendance, {
        params: { id: meeting.id },
        body: {
          items: attendance
            .filter((a) => a.status !== 'cancelled')
            .map((a) => ({ personId: a.personId, status: values[a.personId] ?? a.status })),
        },
      }),
    onSuccess: (updated) => {
      notifySuccess(t('attendance.saved'));
      refresh(updated);
    },
  });
  const editable = canEdit && meeting.status !== 'cancelled';
  return (
    <Section id="meeting-attendance" title={t('attendance.title')}>
      <Stack gap="sm">
        {attendance.length === 0 ? (
          <Text>{t('attendance.empty')}</Text>
        ) : (
          <DataTable
            rows={attendance}
            rowKey={(a) => a.personId}
            label={t('attendance.table')}
            minWidth={420}
            striped={false}
            columns={[
              { key: 'person', header: t('attendance.person'), primary: true, rowHeader: true, fw: 400, cell: (a) => a.name },
              { key: 'status', header: t('attendance.status'), cell: (a) => <AttendanceBadge status={a.status} /> },
              ...(editable
                ? [
                    {
                      key: 'mark',
                      header: <VisuallyHidden>{t('attendance.mark')}</VisuallyHidden>,
                      action: true,
                      cell: (a: (typeof attendance)[number]) =>
                        a.status === 'cancelled' ? (
                          <Text size="sm">{t('attendance.cancelledThemselves')}</Text>
                        ) : (
                          <Radio.Group
                            aria-label={t('attendance.markFor', { name: a.name })}
                            value={values[a.personId] === 'present' || values[a.personId] === 'absent' ? values[a.personId] : ''}
                            onChange={(v) => {
                              const parsed = attendanceStatus.safeParse(v);
                              if (parsed.success) setValues((old) => ({ ...old, [a.personId]: parsed.data }));
                            }}
                          >
                            <Group gap="md">
                              <Radio
                                value="present"
                                label={t('attendance.present')}
                                aria-label={t('attendance.presentFor', { name: a.name })}
                              />
                              <Radio
                                value="absent"
                                label={t('attendance.absent')}
                                aria-label={t('attendance.absentFor', { name: a.name })}
                              />
                            </Group>
                          </Radio.Group>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
        <ErrorAlert error={save.error} />
        {editable && attendance.length > 0 && (
          <Button onClick={() => save.mutate()} loading={save.isPending} w="fit-content">
            {t('attendance.save')}
          </Button>
        )}
      </Stack>
    </Section>
  );
}
