import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConversationSummary } from '@/lib/views/types';
import { consoleApi } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

export function useAcceptConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conversation: Pick<ConversationSummary, 'id' | 'version'>) =>
      callConsole(consoleApi.accept, { params: { id: conversation.id }, body: { version: conversation.version } }),
    onSuccess: (summary) => queryClient.setQueryData(queryKeys.conversation(summary.id), summary),
    onError: (_error, conversation) => queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversation.id) }),
  });
}
