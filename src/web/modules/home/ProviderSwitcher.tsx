import { NativeSelect } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authRoutes, type Session } from '../../../shared/auth';
import { call, refreshCsrfToken } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { SESSION_KEY } from '../../app/session';

/** Shown when the user belongs to several providers: switches the active one. */
export function ProviderSwitcher({ session }: { session: Session }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const providers = [...new Map(session.memberships.map((m) => [m.providerId, m.providerName])).entries()];
  const switchProvider = useMutation({
    mutationFn: (providerId: string) => call(authRoutes.switchProvider, { body: { providerId } }),
    onSuccess: async (next) => {
      await refreshCsrfToken();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, next);
    },
  });
  if (providers.length < 2) return null;
  return (
    <>
      <NativeSelect
        label={t('home.provider')}
        value={session.providerId ?? ''}
        disabled={switchProvider.isPending}
        onChange={(event) => switchProvider.mutate(event.currentTarget.value)}
        maw={360}
      >
        {!session.providerId && <option value="">{t('common.choose')}</option>}
        {providers.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </NativeSelect>
      <ErrorAlert error={switchProvider.error} />
    </>
  );
}
