import { Badge } from '@mantine/core';
import type { RequestKind, RequestStatus } from '../../../shared/intake';
import { useIntakeLabels } from './hooks';

const STATUS_COLOURS: Record<RequestStatus, string> = {
  new: 'blue',
  contacted: 'teal',
  triaged: 'green',
  declined: 'gray',
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  const labels = useIntakeLabels();
  return (
    <Badge variant="light" color={STATUS_COLOURS[status] ?? 'gray'} tt="none">
      {labels.status(status)}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: RequestKind }) {
  const labels = useIntakeLabels();
  return (
    <Badge variant={kind === 'crisis' ? 'filled' : 'light'} color={kind === 'crisis' ? 'red' : 'blue'} tt="none">
      {labels.kind(kind)}
    </Badge>
  );
}
