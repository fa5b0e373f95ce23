import { Alert, Anchor, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Session } from '../../../shared/auth';
import type { Out } from '../../../shared/http';
import { invitationRoutes, nameMax } from '../../../shared/tenancy';
import { call, isApiError, refreshCsrfToken } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useLabels } from '../../app/labels';
import { pathForStage, reloadSession, useSession } from '../../app/session';
import { useSignOut } from '../../app/useSignOut';
import { AuthLayout } from './AuthLayout';
import { NewPasswordFields, type NewPasswordValues, newPasswordRules } from './NewPasswordFields';

type InvitationPreview = Out<typeof invitationRoutes.byToken>;

interface AcceptValues extends NewPasswordValues {
  name: string;
}

function useAccept(token: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: { name: string; password?: string }) => call(invitationRoutes.accept, { params: { token }, body }),
    onSuccess: async ({ stage }) => {
      await refreshCsrfToken();
      await reloadSession(queryClient);
      navigate(pathForStage(stage), { replace: true });
      // New memberships: everything cached may have changed (the used invitation is left alone:
      // asking for it again would only answer 404).
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'invitation-preview',
      });
    },
  });
}

function Details({ invitation }: { invitation: InvitationPreview }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <List spacing={4}>
      <List.Item>
        <strong>{t('invitation.provider')}:</strong> {invitation.providerName}
      </List.Item>
      <List.Item>
        <strong>{t('invitation.role')}:</strong> {labels.role(invitation.role)}
      </List.Item>
      {invitation.organisationName && (
        <List.Item>
          <strong>{t('invitation.organisation')}:</strong> {invitation.organisationName}
        </List.Item>
      )}
      <List.Item>
        <strong>{t('auth.email')}:</strong> {invitation.email}
      </List.Item>
    </List>
  );
}

/** Signed in as someone else: creating the invited account now would go unnoticed, so sign out first. */
function SignedInAsOther({ token, invitation, current }: { token: string; invitation: InvitationPreview; current: string }) {
  const { t } = useTranslation();
  const signOut = useSignOut({ returnTo: `/invitation?token=${encodeURIComponent(token)}` });
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" title={t('invitation.otherUserTitle')}>
        {t('invitation.otherUser', { current, email: invitation.email })}
      </Alert>
      <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending} w="fit-content">
        {t('auth.signOut')}
      </Button>
    </Stack>
  );
}

function NewUserForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { t } = useTranslation();
  const accept = useAccept(token);
  const form = useForm<AcceptValues>({
    mode: 'controlled',
    initialValues: { name: '', password: '', repeat: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      ...newPasswordRules(t),
    },
  });
  return (
    <>
      <Text>{t('invitation.newUserIntro', { email: invitation.email })}</Text>
      <ErrorAlert error={accept.error} form={form} />
      <form
        onSubmit={form.onSubmit((values) =>
          accept.mutate({ name: values.name.trim(), password: values.password }, { onError: (e) => applyFieldErrors(form, e) }),
        )}
        noValidate
      >
        <Stack gap="sm">
          <TextInput label={t('profile.name')} autoComplete="name" required maxLength={nameMax} {...form.getInputProps('name')} />
          <NewPasswordFields form={form} />
          <Button type="submit" loading={accept.isPending} w="fit-content">
            {t('invitation.accept')}
          </Button>
        </Stack>
      </form>
    </>
  );
}

function ExistingUser({ token, invitation, session }: { token: string; invitation: InvitationPreview; session: Session | null }) {
  const { t } = useTranslation();
  const accept = useAccept(token);
  const here = `/invitation?token=${encodeURIComponent(token)}`;
  const signOut = useSignOut({ returnTo: here });
  const signedInAs = session?.stage === 'signed-in' ? session.user.email : null;

  if (!signedInAs) {
    return (
      <Stack gap="sm">
        <Alert color="blue" variant="light" title={t('invitation.existingTitle')}>
          {t('invitation.existingSignIn', { email: invitation.email })}
        </Alert>
        <Button component={Link} to={`/sign-in?returnTo=${encodeURIComponent(here)}`} w="fit-content">
          {t('invitation.signInFirst')}
        </Button>
      </Stack>
    );
  }
  if (signedInAs.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <Stack gap="sm">
        <Alert color="yellow" variant="light" title={t('invitation.otherUserTitle')}>
          {t('invitation.otherUser', { current: signedInAs, email: invitation.email })}
        </Alert>
        <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending} w="fit-content">
          {t('auth.signOut')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Text>{t('invitation.existingReady')}</Text>
      <ErrorAlert error={accept.error} />
      <Group>
        <Button onClick={() => accept.mutate({ name: session?.user.name ?? '' })} loading={accept.isPending}>
          {t('invitation.accept')}
        </Button>
      </Group>
    </Stack>
  );
}

export function InvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { data: session, isPending: sessionPending } = useSession();
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => call(invitationRoutes.byToken, { params: { token } }),
    enabled: Boolean(token),
    retry: false,
  });

  const gone = !token || (isApiError(preview.error) && preview.error.status === 404);

  return (
    <AuthLayout title={t('invitation.title')}>
      {gone ? (
        <Stack gap="sm">
          <Alert color="red" variant="light" role="alert" title={t('invitation.invalidTitle')}>
            {t('invitation.invalid')}
          </Alert>
          <Anchor component={Link} to="/sign-in">
            {t('auth.backToSignIn')}
          </Anchor>
        </Stack>
      ) : preview.error ? (
        <ErrorAlert error={preview.error} />
      ) : preview.isPending || sessionPending ? (
        <PageLoader />
      ) : (
        <Stack gap="md">
          <Text>{t('invitation.intro', { provider: preview.data.providerName })}</Text>
          <Details invitation={preview.data} />
          {preview.data.existingUser ? (
            <ExistingUser token={token} invitation={preview.data} session={session ?? null} />
          ) : session ? (
            <SignedInAsOther token={token} invitation={preview.data} current={session.user.email} />
          ) : (
            <NewUserForm token={token} invitation={preview.data} />
          )}
        </Stack>
      )}
    </AuthLayout>
  );
}
