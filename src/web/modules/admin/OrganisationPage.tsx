import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { organisationRoutes } from '../../../shared/tenancy';
import { call, isApiError } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { NotFound } from '../../app/NotFound';
import { notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/usePageTitle';
import { OrganisationForm } from './OrganisationForm';
import { UnitForm } from './UnitForm';
import { UnitTree } from './UnitTree';
import { useOrganisation } from './useOrganisations';

export function OrganisationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const organisation = useOrganisation(id);
  usePageTitle(organisation.data?.name ?? t('organisations.title'));

  if (isApiError(organisation.error) && organisation.error.status === 404) return <NotFound />;

  const update = async (values: { name: string; businessId?: string | null }) => {
    // An emptied business id is removed (null), not left as it was.
    await call(organisationRoutes.update, { params: { id: id ?? '' }, body: { name: values.name, businessId: values.businessId || null } });
    notifySuccess(t('organisations.updated'));
    await queryClient.invalidateQueries({ queryKey: ['organisations'] });
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/admin/organisations" size="sm">
        {t('organisations.back')}
      </Anchor>
      {organisation.isPending && <PageLoader />}
      <ErrorAlert error={organisation.error} />
      {organisation.data && (
        <>
          <Title order={1}>{organisation.data.name}</Title>
          {organisation.data.businessId && (
            <Text c="dimmed">
              {t('organisations.businessId')}: {organisation.data.businessId}
            </Text>
          )}
          <section aria-labelledby="org-units">
            <Title order={2} size="h3" id="org-units" mb="sm">
              {t('organisations.units')}
            </Title>
            {organisation.data.units.length === 0 ? (
              <Text>{t('organisations.noUnits')}</Text>
            ) : (
              <UnitTree units={organisation.data.units} />
            )}
          </section>
          <section aria-labelledby="org-add-unit">
            <Paper withBorder p="md">
              <Title order={2} size="h3" id="org-add-unit" mb="sm">
                {t('organisations.addUnit')}
              </Title>
              <UnitForm organisation={organisation.data} />
            </Paper>
          </section>
          <section aria-labelledby="org-edit">
            <Paper withBorder p="md">
              <Title order={2} size="h3" id="org-edit" mb="sm">
                {t('organisations.edit')}
              </Title>
              <OrganisationForm
                key={organisation.data.id}
                initial={{ name: organisation.data.name, businessId: organisation.data.businessId ?? '' }}
                submitLabel={t('common.save')}
                onSubmit={update}
              />
            </Paper>
          </section>
        </>
      )}
    </Stack>
  );
}
