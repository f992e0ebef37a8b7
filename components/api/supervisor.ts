import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConversationSummary, SupervisorActionView, SupervisorOverview } from '@/lib/views/types';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

export const supervisorOverviewQuery = queryOptions({
  queryKey: queryKeys.supervisorOverview,
  queryFn: () => fetchJson<SupervisorOverview>('/api/console/supervisor/overview'),
});

export const useSupervisorOverview = () => useQuery(supervisorOverviewQuery);

export const supervisorActionsQuery = queryOptions({
  queryKey: queryKeys.supervisorActions,
  queryFn: () => fetchJson<{ items: SupervisorActionView[] }>('/api/console/supervisor/actions').then((page) => page.items),
});

export const useSupervisorActions = () => useQuery(supervisorActionsQuery);

/** Take over (the supervisor's own id) or reassign to an agent. */
export function useAssignConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { conversationId: string; agentId: string; note?: string }) =>
      fetchJson<ConversationSummary>(`/api/console/conversations/${encodeURIComponent(input.conversationId)}/assign`, {
        method: 'POST',
        body: { agentId: input.agentId, ...(input.note && { note: input.note }) },
      }),
    onSuccess: (summary) => {
      queryClient.setQueryData(queryKeys.conversation(summary.id), summary);
      void queryClient.invalidateQueries({ queryKey: ['supervisor'] });
    },
  });
}
