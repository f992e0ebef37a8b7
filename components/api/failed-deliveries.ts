import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FailedDeliveryView } from '@/lib/views/types';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';


export const failedDeliveriesQuery = () =>
  queryOptions({
    queryKey: queryKeys.failedDeliveries,
    queryFn: () => fetchJson<{ items: FailedDeliveryView[] }>('/api/console/deliveries/failed'),
  });

export const useFailedDeliveries = () => useQuery(failedDeliveriesQuery());
