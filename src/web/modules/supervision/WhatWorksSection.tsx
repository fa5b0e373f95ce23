import { ActionIcon, Anchor, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type ProcessDetail, processLimits, processRoutes, whatWorksRoutes } from '../../../shared/processes';
import { call } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { AddLineForm } from './AddLineForm';
import { useSupervisionFormat } from './hooks';
import { keys, paths } from './queries';
import { Section } from './Section';

/** "What works": what the practitioners saw help, shared with the client; added from the process or a meeting. */
export function WhatWorksSection({ process, canEdit, meetingId }: { process: ProcessDetail; canEdit: boolean; meetingId?: string }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.process(process.id) });
  const add = useMutation({
    mutationFn: (value: string) =>
      call(processRoutes.addWhatWorks, { params: { id: process.id }, body: { text: value, ...(meetingId ? { meetingId } : {}) } }),
    onSuccess: () => {
      notifySuccess(t('whatWorks.added'));
      setText('');
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(whatWorksRoutes.remove, { params: { id } }),
    onSuccess: () => {
      notifySuccess(t('whatWorks.removed'));
      refresh();
    },
  });
  const items = process.whatWorks ?? [];
  return (
    <Section id="process-what-works" title={t('whatWorks.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('whatWorks.intro')}
        </Text>
        {items.length === 0 ? (
          <Text>{t('whatWorks.empty')}</Text>
        ) : (
          <ul className="stack-list">
            {items.map((item) => (
              <li key={item.id}>
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <div>
                    <Text>{item.text}</Text>
                    <Text size="xs" c="dimmed">
                      {format.date(item.createdAt)}
                      {item.meetingId && (
                        <>
                          {' · '}
                          <Anchor component={Link} to={paths.meeting(item.meetingId)} size="xs" underline="always">
                            {t('whatWorks.fromMeeting')}
                          </Anchor>
                        </>
                      )}
                    </Text>
                  </div>
                  {canEdit && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('whatWorks.remove', { text: item.text })}
                      onClick={() => remove.mutate(item.id)}
                      loading={remove.isPending && remove.variables === item.id}
                    >
                      <span aria-hidden="true">×</span>
                    </ActionIcon>
                  )}
                </Group>
              </li>
            ))}
          </ul>
        )}
        <ErrorAlert error={remove.error} />
        {canEdit && (
          <AddLineForm
            label={t('whatWorks.new')}
            buttonLabel={t('whatWorks.add')}
            maxLength={processLimits.whatWorksMax}
            value={text}
            onChange={setText}
            onAdd={(v) => add.mutate(v)}
            pending={add.isPending}
            error={add.error}
          />
        )}
      </Stack>
    </Section>
  );
}
