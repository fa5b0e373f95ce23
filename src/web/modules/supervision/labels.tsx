import { Badge } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessStatus } from '../../../shared/processes';
import type { AttendanceStatus, MeetingStatus } from '../../../shared/scheduling';

const STATUS_COLORS: Record<ProcessStatus, string> = {
  proposed: 'gray',
  agreed: 'cyan',
  active: 'green',
  paused: 'yellow',
  completed: 'blue',
  cancelled: 'red',
};

const MEETING_COLORS: Record<MeetingStatus, string> = { planned: 'blue', held: 'green', cancelled: 'red' };

/** Translated labels of the module's enumerations; unknown values render raw. */
export function useEnumLabels() {
  const { t } = useTranslation('supervision');
  return useMemo(() => {
    const pick = (group: string) => (value: string | null | undefined) => (value ? t(`${group}.${value}`, { defaultValue: value }) : '—');
    return {
      status: pick('status'),
      kind: pick('kind'),
      cadence: pick('cadence'),
      place: pick('place'),
      meetingStatus: pick('meetingStatus'),
      attendance: pick('attendance'),
      language: pick('language'),
    };
  }, [t]);
}

export function StatusBadge({ status }: { status: ProcessStatus }) {
  const labels = useEnumLabels();
  return (
    <Badge variant="light" color={STATUS_COLORS[status] ?? 'gray'} tt="none">
      {labels.status(status)}
    </Badge>
  );
}

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const labels = useEnumLabels();
  return (
    <Badge variant="light" color={MEETING_COLORS[status] ?? 'gray'} tt="none">
      {labels.meetingStatus(status)}
    </Badge>
  );
}

export function AttendanceBadge({ status }: { status: AttendanceStatus }) {
  const labels = useEnumLabels();
  const color = status === 'present' ? 'green' : status === 'absent' ? 'orange' : status === 'cancelled' ? 'red' : 'gray';
  return (
    <Badge variant="light" color={color} tt="none">
      {labels.attendance(status)}
    </Badge>
  );
}
