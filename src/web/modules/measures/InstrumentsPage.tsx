import './measures.css';
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { ScrollTable } from '../../app/components';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/usePageTitle';
import { useLocalText, useMeasuresError } from './hooks';
import { enc, keys, paths, useInstruments } from './queries';
import type { InstrumentSummary } from './types';

function Availability({ item }: { item: InstrumentSummary }) {
  const { t } = useTranslation('measures');
  if (item.available) {
    return (
      <Badge variant="light" color="green" tt="none">
        {t('library.available')}
      </Badge>
    );
  }
  return (
    <Badge variant="light" color="gray" tt="none">
      {item.requiresLicence && !item.custom ? t('library.needsLicence') : t('library.inactive')}
    </Badge>
  );
}

/** `/admin/instruments`: the instrument library, with languages, sources and licence notes. */
export function InstrumentsPage() {
  const { t } = useTranslation('measures');
  const instruments = useInstruments();
  const text = useLocalText();
  const errorText = useMeasuresError();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (item: InstrumentSummary) => api.patch<InstrumentSummary>(`/api/instruments/${enc(item.key)}`, { active: !item.active }),
    onSuccess: (_r, item) => {
      notifySuccess(item.active ? t('library.deactivated') : t('library.activated'));
      void queryClient.invalidateQueries({ queryKey: keys.instruments });
    },
  });
  usePageTitle(t('library.title'));
  const items = instruments.data?.items ?? [];
  return (
    <Stack gap="lg">
      <Title order={1}>{t('library.title')}</Title>
      <Text>{t('library.intro')}</Text>
      <Group gap="sm">
        <Button component={Link} to={paths.newInstrument} data-testid="instrument-new">
          {t('library.new')}
        </Button>
        <Button component={Link} to={paths.settings} variant="default">
          {t('settings.title')}
        </Button>
      </Group>
      {instruments.isPending && <PageLoader />}
      <ErrorAlert error={instruments.error ?? toggle.error} message={errorText(instruments.error ?? toggle.error)} />
      {items.length > 0 && (
        <ScrollTable minWidth={900} label={t('library.tableLabel')}>
          <Table withTableBorder striped verticalSpacing="sm" data-testid="instrument-table">
            <Table.Caption>{t('library.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('library.name')}</Table.Th>
                <Table.Th scope="col">{t('library.languages')}</Table.Th>
                <Table.Th scope="col">{t('library.licence')}</Table.Th>
                <Table.Th scope="col">{t('library.scale')}</Table.Th>
                <Table.Th scope="col">{t('library.availability')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.key} data-testid={`instrument-${item.key}`}>
                  <Table.Th scope="row">
                    <Text fw={600} size="sm">
                      {text(item.name, item.languages)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('library.keyVersion', { key: item.key, version: item.version })}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <ul className="plain-list">
                      {item.languages.map((l) => (
                        <li key={l}>
                          <Text size="sm">
                            <strong>{t(`language.names.${l}`, { ns: 'translation' })}</strong>
                            {item.sources[l] ? `: ${item.sources[l]}` : ''}
                          </Text>
                        </li>
                      ))}
                    </ul>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.licence}</Text>
                    {item.requiresLicence && (
                      <Badge variant="light" color="orange" tt="none" mt={4}>
                        {t('library.requiresLicence')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t('library.itemsRange', { count: item.itemCount, min: item.min, max: item.max })}</Text>
                    <Text size="xs">{item.higherIsBetter ? t('chart.higherBetter') : t('chart.lowerBetter')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Availability item={item} />
                  </Table.Td>
                  <Table.Td>
                    {item.custom ? (
                      <Group gap="xs" wrap="nowrap">
                        <Anchor
                          component={Link}
                          to={paths.editInstrument(item.key)}
                          size="sm"
                          aria-label={t('library.editFor', { name: text(item.name, item.languages) })}
                        >
                          {t('library.edit')}
                        </Anchor>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => toggle.mutate(item)}
                          loading={toggle.isPending && toggle.variables?.key === item.key}
                          aria-label={t(item.active ? 'library.deactivateFor' : 'library.activateFor', {
                            name: text(item.name, item.languages),
                          })}
                        >
                          {item.active ? t('library.deactivate') : t('library.activate')}
                        </Button>
                      </Group>
                    ) : item.requiresLicence && !item.available ? (
                      <Anchor component={Link} to={paths.settings} size="sm">
                        {t('library.confirmLicence')}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
