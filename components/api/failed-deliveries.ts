import { queryOptions, useQuery } from '@tanstack/react-query';
import { consoleApi } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

export const failedDeliveriesQuery = () =>
  queryOptions({
    queryKey: queryKeys.failedDeliveries,
    queryFn: () => callConsole(consoleApi.failedDeliveries),
  });

export const useFailedDeliveries = () => useQuery(failedDeliveriesQuery());
