// The administration API: agents, queues, channel settings.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from './fetch-json';

export interface AdminAgent {
  id: string;
  email: string;
  displayName: string;
  role: 'agent' | 'supervisor' | 'admin';
  capacity: number;
  active: boolean;
  queueIds: string[];
}

export interface AdminQueue {
  id: string;
  name: string;
  memberIds: string[];
  waiting: number;
}

export interface ChannelSettingsView {
  custom: Record<string, string | boolean | undefined>;
  teams: Record<string, string | boolean | undefined>;
  whatsapp: Record<string, string | boolean | undefined>;
  directline: { fromEnvironment: number; secrets: { id: string; hint: string; createdAt: string }[] };
}

const adminKey = ['admin'] as const;

export const adminAgentsQuery = queryOptions({
  queryKey: [...adminKey, 'agents'],
  queryFn: () => fetchJson<{ items: AdminAgent[] }>('/api/console/admin/agents').then((page) => page.items),
});
export const adminQueuesQuery = queryOptions({
  queryKey: [...adminKey, 'queues'],
  queryFn: () => fetchJson<{ items: AdminQueue[] }>('/api/console/admin/queues').then((page) => page.items),
});
export const adminChannelsQuery = queryOptions({
  queryKey: [...adminKey, 'channels'],
  queryFn: () => fetchJson<ChannelSettingsView>('/api/console/admin/channels'),
});

export const useAdminAgents = () => useQuery(adminAgentsQuery);
export const useAdminQueues = () => useQuery(adminQueuesQuery);
export const useAdminChannels = () => useQuery(adminChannelsQuery);

/** Any administration change, then everything administrative is fetched again. */
export function useAdminCommand<Input, Result = unknown>(request: (input: Input) => { path: string; method: string; body?: unknown }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => {
      const { path, method, body } = request(input);
      return fetchJson<Result>(path, { method, body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey }),
  });
}
