import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Meeting, type SavedText, schedulingLimits, schedulingRoutes } from '../../../shared/scheduling';
import { call, isApiError } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { useSupervisionFormat } from './hooks';
import { useRefreshMeeting } from './meetingCache';
import { keys } from './queries';
import { Section } from './Section';

/** The note as the editor holds it: none written yet is an empty text never saved. */
type NoteDraft = Omit<SavedText, 'updatedAt'> & { updatedAt: string | null };

/** The practitioner's own private note: read only when opened, since every read is audited. */
export function NoteEditor({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const note = useQuery({
    queryKey: keys.note(meeting.id),
    queryFn: async (): Promise<NoteDraft> => {
      try {
        return await call(schedulingRoutes.readNote, { params: { id: meeting.id } });
      } catch (error) {
        if (isApiError(error) && error.status === 404) return { text: '', updatedAt: null };
        throw error;
      }
    },
    // Only when the practitioner opens it: every read is audited.
    enabled: open,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const save = useMutation({
    mutationFn: (value: string) => call(schedulingRoutes.writeNote, { params: { id: meeting.id }, body: { text: value } }),
    onSuccess: (saved) => {
      notifySuccess(t('note.saved'));
      queryClient.setQueryData<NoteDraft>(keys.note(meeting.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.meeting(meeting.id) });
    },
  });
  const current = text ?? note.data?.text ?? '';
  return (
    <Section id="meeting-note" title={t('note.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('note.private')}</Text>
        <Text size="sm" c="dimmed">
          {t('note.auditHint')}
        </Text>
        {!open ? (
          <Button variant="default" onClick={() => setOpen(true)} w="fit-content">
            {meeting.hasMyNote ? t('note.open') : t('note.write')}
          </Button>
        ) : (
          <>
            {note.isPending && <PageLoader />}
            <ErrorAlert error={note.error} />
            {note.data && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  save.mutate(current);
                }}
              >
                <Stack gap="xs">
                  <Textarea
                    label={t('note.label')}
                    autosize
                    minRows={5}
                    maxLength={schedulingLimits.noteMax}
                    value={current}
                    onChange={(e) => setText(e.currentTarget.value)}
                  />
                  {note.data.updatedAt && (
                    <Text size="xs" c="dimmed">
                      {t('note.updatedAt', { at: format.dateTime(note.data.updatedAt) })}
                    </Text>
                  )}
                  <ErrorAlert error={save.error} />
                  <Group gap="sm">
                    <Button type="submit" loading={save.isPending} disabled={!current.trim()}>
                      {t('note.save')}
                    </Button>
                    <Button
                      variant="default"
                      onClick={() => {
                        setOpen(false);
                        setText(null);
                        queryClient.removeQueries({ queryKey: keys.note(meeting.id) });
                      }}
                    >
                      {t('note.close')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
          </>
        )}
      </Stack>
    </Section>
  );
}

/** The meeting's summary, shared with its participants. */
export function SummaryEditor({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('supervision');
  const refresh = useRefreshMeeting(meeting);
  const [text, setText] = useState(meeting.summary ?? '');
  const save = useMutation({
    mutationFn: (value: string) => call(schedulingRoutes.writeSummary, { params: { id: meeting.id }, body: { text: value } }),
    onSuccess: () => {
      notifySuccess(t('summary.saved'));
      refresh();
    },
  });
  return (
    <Section id="meeting-summary" title={t('summary.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(text);
        }}
      >
        <Stack gap="xs">
          <Textarea
            label={t('summary.label')}
            description={t('summary.shared')}
            autosize
            minRows={4}
            maxLength={schedulingLimits.summaryMax}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <ErrorAlert error={save.error} />
          <Button type="submit" loading={save.isPending} disabled={!text.trim()} w="fit-content">
            {t('summary.save')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
