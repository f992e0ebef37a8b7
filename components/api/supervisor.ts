import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { consoleApi, type AssignInput } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

export const supervisorOverviewQuery = queryOptions({
  queryKey: queryKeys.supervisorOverview,
  queryFn: () => callConsole(consoleApi.supervisorOverview),
});

export const useSupervisorOverview = () => useQuery(supervisorOverviewQuery);

export const supervisorActionsQuery = queryOptions({
  queryKey: queryKeys.supervisorActions,
  queryFn: () => callConsole(consoleApi.supervisorActions).then((page) => page.items),
});

export const useSupervisorActions = () => useQuery(supervisorActionsQuery);

/** Take over (the supervisor's own id) or reassign to an agent. */
export function useAssignConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ conversationId, agentId, note }: { conversationId: string } & AssignInput) =>
      callConsole(consoleApi.assign, { params: { id: conversationId }, body: { agentId, ...(note && { note }) } }),
    onSuccess: (summary) => {
      queryClient.setQueryData(queryKeys.conversation(summary.id), summary);
      void queryClient.invalidateQueries({ queryKey: queryKeys.supervisor });
    },
  });
}
