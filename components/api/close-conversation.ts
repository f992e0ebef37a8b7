import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConversationSummary } from '@/lib/views/types';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

export function useCloseConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { conversationId: string; force?: boolean }) =>
      fetchJson<ConversationSummary>(`/api/console/conversations/${encodeURIComponent(input.conversationId)}/close`, {
        method: 'POST',
        body: { force: input.force ?? false },
      }),
    onSuccess: (summary) => queryClient.setQueryData(queryKeys.conversation(summary.id), summary),
  });
}
