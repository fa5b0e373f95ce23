import { Anchor, Badge, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { meRoutes } from '../../../shared/auth';
import { call } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { usePageTitle } from '../../app/usePageTitle';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';
import { SessionsList } from './SessionsList';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const me = useQuery({ queryKey: ['me'], queryFn: () => call(meRoutes.get) });

  return (
    <Stack gap="xl">
      <Title order={1}>{t('profile.title')}</Title>
      {me.isPending && <PageLoader />}
      <ErrorAlert error={me.error} />
      {me.data && (
        <Section id="profile-details" title={t('profile.details')}>
          <ProfileForm me={me.data} />
        </Section>
      )}
      {me.data && (
        <Section id="profile-mfa" title={t('profile.mfa')}>
          {me.data.totpEnabled ? (
            <Badge color="green" variant="light" size="lg" tt="none">
              {t('profile.mfaOn')}
            </Badge>
          ) : (
            <Group>
              <Badge color="gray" variant="light" size="lg" tt="none">
                {t('profile.mfaOff')}
              </Badge>
              <Anchor component={Link} to="/mfa/enrol?returnTo=%2Fprofile">
                {t('profile.mfaSetUp')}
              </Anchor>
            </Group>
          )}
        </Section>
      )}
      <Section id="profile-password" title={t('profile.passwordTitle')}>
        <PasswordForm />
      </Section>
      <Section id="profile-sessions" title={t('profile.sessions')}>
        <SessionsList />
      </Section>
    </Stack>
  );
}
