// A customer's data (CONTRACT.md "Erasing a customer"): the export link and `Erase`.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consoleApi, pathOf } from '@/lib/protocol/console';
import { forgetConversation } from './conversation';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

/** The JSON file of everything held about the conversation's customer (a download link). */
export const customerExportHref = (conversationId: string) => pathOf(consoleApi.exportCustomer, { id: conversationId });

export function useEraseCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conversationId: string) => callConsole(consoleApi.eraseCustomer, { params: { id: conversationId } }),
    onSuccess: async (_erased, conversationId) => {
      forgetConversation(queryClient, conversationId);
      queryClient.removeQueries({ queryKey: queryKeys.customers });
      await queryClient.invalidateQueries({ queryKey: queryKeys.conversationLists });
    },
  });
}
