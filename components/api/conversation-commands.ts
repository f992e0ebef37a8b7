// Transfer, consult and wrap-up: commands on one conversation that answer with its new summary.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConversationSummary } from '@/lib/views/types';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

function useConversationCommand<Input extends { conversationId: string }>(path: string, body: (input: Input) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) =>
      fetchJson<ConversationSummary>(`/api/console/conversations/${encodeURIComponent(input.conversationId)}/${path}`, {
        method: 'POST',
        body: body(input),
      }),
    onSuccess: (summary) => queryClient.setQueryData(queryKeys.conversation(summary.id), summary),
  });
}

/** The request body: the input without the conversation id (which is in the path). */
function bodyOf<Input extends { conversationId: string }>({ conversationId, ...rest }: Input): Omit<Input, 'conversationId'> {
  void conversationId;
  return rest;
}

export type TransferInput = { conversationId: string; note?: string } & ({ agentId: string } | { queueId: string });

export const useTransfer = () => useConversationCommand<TransferInput>('transfer', bodyOf);
export const useRequestConsult = () =>
  useConversationCommand<{ conversationId: string; agentId: string; note?: string }>('consult', bodyOf);
export const useAddConsultant = () =>
  useConversationCommand<{ conversationId: string; agentId: string }>('consult/join', ({ agentId }) => ({ agentId }));
export const useEndConsult = () =>
  useConversationCommand<{ conversationId: string; agentId: string }>('consult/end', ({ agentId }) => ({ agentId }));
export const useCloseConversation = () =>
  useConversationCommand<{ conversationId: string; force?: boolean; note?: string }>('close', ({ force, note }) => ({
    force: force ?? false,
    ...(note && { note }),
  }));
export const useAddWrapUp = () => useConversationCommand<{ conversationId: string; note: string }>('wrap-up', ({ note }) => ({ note }));
