import { useQuery } from '@tanstack/react-query';
import { outboxRoutes } from '../../shared/outbox';
import { call, isApiError } from './api';

export const OUTBOX_KEY = ['dev-outbox'] as const;

/** The development outbox; `null` when the server has it disabled (404). */
export function useOutbox(options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: OUTBOX_KEY,
    queryFn: async () => {
      try {
        return await call(outboxRoutes.list);
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    retry: false,
    refetchInterval: options.refetchInterval,
  });
}
