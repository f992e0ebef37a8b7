// Transfer, consult and wrap-up: commands on one conversation that answer with its new summary.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consoleApi, type BodyOf, type ConversationSummary } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

type SummaryCommand =
  | typeof consoleApi.transfer
  | typeof consoleApi.consult
  | typeof consoleApi.addConsultant
  | typeof consoleApi.endConsult
  | typeof consoleApi.close
  | typeof consoleApi.wrapUp;

/** The command's body, and which conversation (the path) it is about. */
type On<E extends SummaryCommand> = { conversationId: string } & NonNullable<BodyOf<E>>;

function useConversationCommand<E extends SummaryCommand>(endpoint: E) {
  const queryClient = useQueryClient();
  const call = callConsole as (endpoint: E, input: { params: { id: string }; body: BodyOf<E> }) => Promise<ConversationSummary>;
  return useMutation({
    mutationFn: ({ conversationId, ...body }: On<E>) => call(endpoint, { params: { id: conversationId }, body: body as BodyOf<E> }),
    onSuccess: (summary) => queryClient.setQueryData(queryKeys.conversation(summary.id), summary),
  });
}

export const useTransfer = () => useConversationCommand(consoleApi.transfer);
export const useRequestConsult = () => useConversationCommand(consoleApi.consult);
export const useAddConsultant = () => useConversationCommand(consoleApi.addConsultant);
export const useEndConsult = () => useConversationCommand(consoleApi.endConsult);
export const useCloseConversation = () => useConversationCommand(consoleApi.close);
export const useAddWrapUp = () => useConversationCommand(consoleApi.wrapUp);
