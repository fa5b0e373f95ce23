import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import { isApiError } from './api';
import { LanguageSync } from './LanguageSync';
import { router } from './routes';
import { SESSION_KEY } from './session';
import { cssVariablesResolver, theme } from './theme';

// The session ended (expired or signed out elsewhere): let the guards send us to sign-in.
function onUnauthorised(error: unknown) {
  if (isApiError(error) && error.status === 401) {
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }
}

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failureCount, error) => {
        if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
        return failureCount < 2;
      },
      refetchOnWindowFocus: false,
    },
  },
  queryCache: new QueryCache({ onError: onUnauthorised }),
  mutationCache: new MutationCache({ onError: onUnauthorised }),
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <LanguageSync />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
