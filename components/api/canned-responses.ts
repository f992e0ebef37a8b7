import { queryOptions, useQuery } from '@tanstack/react-query';
import { consoleApi } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

export const cannedResponsesQuery = () =>
  queryOptions({
    queryKey: queryKeys.cannedResponses,
    queryFn: () => callConsole(consoleApi.cannedResponses),
    staleTime: 5 * 60_000,
  });

export const useCannedResponses = () => useQuery(cannedResponsesQuery());
