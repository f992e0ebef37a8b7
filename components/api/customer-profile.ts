import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CustomerProfileView } from '@/lib/views/types';
import { fetchJson } from './fetch-json';

export const customerProfileQuery = (conversationId: string) =>
  queryOptions({
    queryKey: ['customer', conversationId] as const,
    queryFn: () => fetchJson<CustomerProfileView>(`/api/console/conversations/${encodeURIComponent(conversationId)}/customer`),
  });

export const useCustomerProfile = (conversationId: string) => useQuery(customerProfileQuery(conversationId));
