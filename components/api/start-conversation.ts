import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consoleApi, type StartConversationInput } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

type StartInput = { fromConversationId: string } & StartConversationInput;

/** Writes to a customer first; answers the conversation it went to (new, or an earlier one with them). */
export function useStartConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fromConversationId, ...body }: StartInput) =>
      callConsole(consoleApi.startConversation, { params: { id: fromConversationId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.customers }),
  });
}
