import './measures.css';
import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type InstrumentSummary, instrumentRoutes } from '../../../shared/measures';
import { call } from '../../app/api';
import { DataTable } from '../../app/DataTable';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/usePageTitle';
import { useLocalText, useMeasuresError } from './hooks';
import { keys, paths, useInstruments } from './queries';

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
    mutationFn: (item: InstrumentSummary) =>
      call(instrumentRoutes.setActive, { params: { key: item.key }, body: { active: !item.active } }),
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
        <DataTable
          rows={items}
          rowKey={(item) => item.key}
          label={t('library.tableLabel')}
          caption={t('library.caption')}
          minWidth={900}
          withTableBorder
          testId="instrument-table"
          rowTestId={(item) => `instrument-${item.key}`}
          columns={[
            {
              key: 'name',
              header: t('library.name'),
              primary: true,
              rowHeader: true,
              cell: (item) => (
                <>
                  <Text fw={600} size="sm">
                    {text(item.name, item.languages)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('library.keyVersion', { key: item.key, version: item.version })}
                  </Text>
                </>
              ),
            },
            {
              key: 'languages',
              header: t('library.languages'),
              cell: (item) => (
                <ul className="plain-list">
                  {item.languages.map((l) => (
                    <li key={l}>
                      <Text size="sm">
                        <strong>{t(`language.names.${l}`, { ns: 'translation' })}</strong>
                        {item.sources[l] ? `: ${item.sources[l]}` : ''}
                      </Text>
                      {item.providerEntered[l] && (
                        <Badge variant="light" color="grape" tt="none" size="sm" data-testid={`instrument-${item.key}-entered-${l}`}>
                          {t('translations.enteredBadge', { version: item.providerEntered[l]?.version })}
                        </Badge>
                      )}
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              key: 'licence',
              header: t('library.licence'),
              cell: (item) => (
                <>
                  <Text size="sm">{item.licence}</Text>
                  {item.requiresLicence && (
                    <Badge variant="light" color="orange" tt="none" mt={4}>
                      {t('library.requiresLicence')}
                    </Badge>
                  )}
                </>
              ),
            },
            {
              key: 'scale',
              header: t('library.scale'),
              cell: (item) => (
                <>
                  <Text size="sm">{t('library.itemsRange', { count: item.itemCount, min: item.min, max: item.max })}</Text>
                  <Text size="xs">{item.higherIsBetter ? t('chart.higherBetter') : t('chart.lowerBetter')}</Text>
                </>
              ),
            },
            { key: 'availability', header: t('library.availability'), cell: (item) => <Availability item={item} /> },
            {
              key: 'actions',
              header: t('common.actions'),
              action: true,
              cell: (item) =>
                item.custom ? (
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
                ) : (
                  <Group gap="xs">
                    <Anchor
                      component={Link}
                      to={paths.translations(item.key)}
                      size="sm"
                      aria-label={t('translations.linkFor', { name: text(item.name, item.languages) })}
                      data-testid={`instrument-translations-${item.key}`}
                    >
                      {t('translations.link')}
                    </Anchor>
                    {item.requiresLicence && !item.available && (
                      <Anchor component={Link} to={paths.settings} size="sm">
                        {t('library.confirmLicence')}
                      </Anchor>
                    )}
                  </Group>
                ),
            },
          ]}
        />
      )}
    </Stack>
  );
}
