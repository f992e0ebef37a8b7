import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { consoleApi } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

/** Why the conversation left its bot: the bot's context and transcript, or the bot's failure. */
export const handoffQuery = (conversationId: string) =>
  queryOptions({
    queryKey: queryKeys.handoff(conversationId),
    queryFn: () => callConsole(consoleApi.handoff, { params: { id: conversationId } }),
  });

export const useHandoff = (conversationId: string, enabled: boolean) => useQuery({ ...handoffQuery(conversationId), enabled });

/** `Return to bot`. */
export function useReturnToBot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conversationId: string) => callConsole(consoleApi.returnToBot, { params: { id: conversationId }, body: undefined }),
    onSuccess: (summary) => queryClient.setQueryData(queryKeys.conversation(summary.id), summary),
  });
}
