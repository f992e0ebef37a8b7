import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConversationSummary } from '@/lib/views/types';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

export function useAcceptConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conversation: Pick<ConversationSummary, 'id' | 'version'>) =>
      fetchJson<ConversationSummary>(`/api/console/conversations/${encodeURIComponent(conversation.id)}/accept`, {
        method: 'POST',
        body: { version: conversation.version },
      }),
    onSuccess: (summary) => queryClient.setQueryData(queryKeys.conversation(summary.id), summary),
    onError: (_error, conversation) => queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversation.id) }),
  });
}
