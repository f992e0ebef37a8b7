import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CannedResponseView } from '@/lib/views/types';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

export const cannedResponsesQuery = () =>
  queryOptions({
    queryKey: queryKeys.cannedResponses,
    queryFn: () => fetchJson<{ items: CannedResponseView[] }>('/api/console/canned-responses'),
    staleTime: 5 * 60_000,
  });

export const useCannedResponses = () => useQuery(cannedResponsesQuery());
