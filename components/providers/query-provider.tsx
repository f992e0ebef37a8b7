'use client';

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/fetch-json';

export function QueryProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [client] = useState(() => {
    // A session that expired or was revoked: back to the sign-in page.
    const onError = (error: Error) => {
      if (error instanceof ApiError && error.status === 401 && error.code === 'Unauthorized') router.replace('/sign-in');
    };
    return new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: {
        // The realtime stream keeps the cache fresh; no polling, no refetch on focus.
        queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 },
      },
    });
  });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
