import { queryOptions, useQuery } from '@tanstack/react-query';
import { consoleApi } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

export const customerProfileQuery = (conversationId: string) =>
  queryOptions({
    queryKey: queryKeys.customer(conversationId),
    queryFn: () => callConsole(consoleApi.customerProfile, { params: { id: conversationId } }),
  });

export const useCustomerProfile = (conversationId: string) => useQuery(customerProfileQuery(conversationId));
