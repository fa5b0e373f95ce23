import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { authRoutes } from '../../shared/auth';
import { call, refreshCsrfToken } from './api';
import { SESSION_KEY, signOutState } from './session';

/** Sign out (this session, or everywhere) and go to the sign-in page. */
export function useSignOut({ everywhere = false, returnTo }: { everywhere?: boolean; returnTo?: string } = {}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => call(everywhere ? authRoutes.signOutEverywhere : authRoutes.signOut),
    onMutate: () => {
      signOutState.intended = true;
    },
    onSettled: async () => {
      await refreshCsrfToken();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
      navigate(returnTo ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/sign-in', { replace: true });
    },
  });
}
