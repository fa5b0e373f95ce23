import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IntakeRequest } from '../../../shared/intake';
import { useDuration } from './hooks';
import { isoDuration, minutesBetween } from './time';

/** A warning sign; the text next to it carries the meaning. */
export function WarningIcon({ size = 16 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
      <path d="M12 2 1 21h22L12 2Z" fill="currentColor" />
      <path d="M11 9h2v6h-2zM11 17h2v2h-2z" fill="#fff" />
    </svg>
  );
}

export function isOpen(request: IntakeRequest): boolean {
  return request.status === 'new' || request.status === 'contacted';
}

/** Overdue: no first contact yet and the provider's target has passed (or the server says so). */
export function isOverdue(request: IntakeRequest, now: number): boolean {
  if (request.firstContactAt) return false;
  if (!isOpen(request)) return false;
  return request.overdue || now > Date.parse(request.firstContactDueAt);
}

/** Minutes from arrival to the first contact, from the server or computed. */
export function minutesToFirstContact(request: IntakeRequest): number | null {
  if (request.minutesToFirstContact !== null) return request.minutesToFirstContact;
  if (!request.firstContactAt) return null;
  return minutesBetween(request.createdAt, Date.parse(request.firstContactAt));
}

/**
 * How long the request has waited for its first contact, as text ("2 h 14 min"), live; or how
 * long the first contact took. Overdue shows an icon and the word, never colour alone.
 */
export function WaitingClock({ request, now, compact = false }: { request: IntakeRequest; now: number; compact?: boolean }) {
  const { t } = useTranslation('intake');
  const duration = useDuration();
  const took = minutesToFirstContact(request);
  if (took !== null) {
    return (
      <Text size="sm">
        {t('clock.contactedAfter')} <time dateTime={isoDuration(took)}>{duration(took)}</time>
      </Text>
    );
  }
  if (!isOpen(request)) return <Text size="sm">—</Text>;
  const waited = Math.max(0, minutesBetween(request.createdAt, now));
  const overdue = isOverdue(request, now);
  const dueIn = minutesBetween(new Date(now).toISOString(), Date.parse(request.firstContactDueAt));
  return (
    <div data-testid="waiting-clock">
      <Text size="sm" fw={600}>
        {t('clock.waiting')} <time dateTime={isoDuration(waited)}>{duration(waited)}</time>
      </Text>
      {overdue ? (
        <Group gap={4} wrap="nowrap" c="red.9">
          <WarningIcon />
          <Text size="sm" fw={700} c="red.9">
            {t('clock.overdue', { duration: duration(Math.max(0, -dueIn)) })}
          </Text>
        </Group>
      ) : (
        !compact && (
          <Text size="xs" c="dimmed">
            {t('clock.dueIn', { duration: duration(Math.max(0, dueIn)) })}
          </Text>
        )
      )}
    </div>
  );
}
