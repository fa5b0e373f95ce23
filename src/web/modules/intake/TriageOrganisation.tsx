import { Alert, Anchor, Button, Fieldset, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intakeLimits } from '../../../shared/intake';
import { type OrganisationSummary, organisationRoutes } from '../../../shared/tenancy';
import { call } from '../../app/api';
import type { TriageFormType } from './triage';

const label = (o: OrganisationSummary) => (o.businessId ? `${o.name} (${o.businessId})` : o.name);

/**
 * Triage, the client: an existing organisation (searched, starting from the name the requester
 * gave) or a new one. After a duplicate-name refusal, `existingMatch` offers the existing client.
 */
export function OrganisationFieldset({
  form,
  requestedName,
  existingMatch,
  onModeChange,
  onChoose,
}: {
  form: TriageFormType;
  /** The organisation name the request gave. */
  requestedName: string;
  existingMatch: OrganisationSummary[] | null;
  onModeChange: () => void;
  onChoose: (organisation: OrganisationSummary) => void;
}) {
  const { t } = useTranslation('intake');
  const { t: tCommon } = useTranslation();
  const [orgSearch, setOrgSearch] = useState(requestedName);
  const [search] = useDebouncedValue(orgSearch.trim(), 300);
  const [orgNames, setOrgNames] = useState<Record<string, string>>({});
  const orgMode = form.values.orgMode;

  const organisations = useQuery({
    queryKey: ['organisations', 'list', { q: search, page: 1, pageSize: 20 }],
    queryFn: () => call(organisationRoutes.list, { query: { q: search, page: 1, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  useEffect(() => {
    if (!organisations.data) return;
    setOrgNames((names) => {
      const next = { ...names };
      for (const o of organisations.data.items) next[o.id] = o.name;
      return next;
    });
  }, [organisations.data]);

  const choose = (organisation: OrganisationSummary) => {
    setOrgNames((names) => ({ ...names, [organisation.id]: organisation.name }));
    onChoose(organisation);
  };

  const orgResults = organisations.data?.items ?? [];
  const selectedName = form.values.organisationId ? orgNames[form.values.organisationId] : undefined;

  return (
    <Fieldset legend={t('triage.organisationLegend')}>
      <Stack gap="sm">
        <Radio.Group
          label={t('triage.organisationMode')}
          value={orgMode}
          onChange={(v) => {
            form.setFieldValue('orgMode', v === 'existing' ? 'existing' : 'new');
            onModeChange();
          }}
        >
          <Group gap="md" mt={4}>
            <Radio value="existing" label={t('triage.orgExisting')} />
            <Radio value="new" label={t('triage.orgNew')} />
          </Group>
        </Radio.Group>

        {orgMode === 'existing' ? (
          <>
            <TextInput
              label={t('triage.searchOrganisations')}
              type="search"
              value={orgSearch}
              onChange={(e) => setOrgSearch(e.currentTarget.value)}
              maw={360}
            />
            <Radio.Group
              label={t('triage.organisation')}
              description={selectedName ? t('triage.selected', { name: selectedName }) : undefined}
              {...form.getInputProps('organisationId')}
              onChange={(v) => {
                form.setFieldValue('organisationId', v);
                form.setFieldValue('personIds', []);
              }}
            >
              <Stack gap="xs" mt={4}>
                {orgResults.map((o) => (
                  <Radio key={o.id} value={o.id} label={label(o)} />
                ))}
                {orgResults.length === 0 && !organisations.isFetching && <Text size="sm">{tCommon('common.nothingFound')}</Text>}
              </Stack>
            </Radio.Group>
          </>
        ) : (
          <>
            <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
              <TextInput
                label={t('triage.newOrgName')}
                required
                miw={220}
                maxLength={intakeLimits.nameMax}
                {...form.getInputProps('newOrgName')}
              />
              <TextInput
                label={t('triage.newOrgBusinessId')}
                description={t('form.optional')}
                miw={180}
                maxLength={intakeLimits.businessIdMax}
                {...form.getInputProps('newOrgBusinessId')}
              />
            </Group>
            {existingMatch && (
              <Alert color="yellow" variant="light" title={t('triage.matchTitle')} data-testid="organisation-match">
                <Stack gap="xs">
                  {existingMatch.length === 0 && <Text size="sm">{t('triage.matchNotListed')}</Text>}
                  {existingMatch.map((o) => (
                    <Group key={o.id} gap="sm">
                      <Text size="sm">{label(o)}</Text>
                      <Button size="xs" variant="default" onClick={() => choose(o)}>
                        {t('triage.useMatch', { name: o.name })}
                      </Button>
                    </Group>
                  ))}
                </Stack>
              </Alert>
            )}
            {!existingMatch && orgResults.length > 0 && search === requestedName.trim() && (
              <Text size="sm">
                {t('triage.similar')}{' '}
                {orgResults.slice(0, 3).map((o, i) => (
                  <span key={o.id}>
                    {i > 0 && ', '}
                    <Anchor component="button" type="button" size="sm" onClick={() => choose(o)}>
                      {o.name}
                    </Anchor>
                  </span>
                ))}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Fieldset>
  );
}
