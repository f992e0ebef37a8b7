import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActivityView, TemplateMessage } from '@/lib/views/types';
import { fetchJson } from './fetch-json';

interface StartInput {
  fromConversationId: string;
  customerId: string;
  clientId: string;
  text: string;
  template?: TemplateMessage;
}

/** Writes to a customer first; answers the conversation it went to (new, or an earlier one with them). */
export function useStartConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fromConversationId, ...body }: StartInput) =>
      fetchJson<{ conversationId: string; activity: ActivityView }>(`/api/console/conversations/${encodeURIComponent(fromConversationId)}/start`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customer'] }),
  });
}
