import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { ConversationPage, OfferView } from '@/lib/views/types';
import { consoleApi } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

export const conversationQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.conversation(id),
    queryFn: () => callConsole(consoleApi.conversation, { params: { id } }),
  });

export const useConversation = (id: string) => useQuery(conversationQuery(id));

/**
 * Whether this console learnt that the conversation was erased (`conversation.erased`). Never
 * fetched: only `forgetConversation` sets it, so a refetch of everything cannot clear it.
 */
export const useErased = (id: string) =>
  useQuery({ queryKey: queryKeys.erased(id), queryFn: () => false, initialData: false, enabled: false, staleTime: Infinity }).data;

/** An erased conversation leaves every list, its cached details go, and an open pane says so. */
export function forgetConversation(client: QueryClient, id: string) {
  client.setQueryData(queryKeys.erased(id), true);
  for (const key of [queryKeys.conversation(id), queryKeys.transcript(id), queryKeys.customer(id), queryKeys.typing(id), queryKeys.handoff(id), queryKeys.templates(id)]) {
    client.removeQueries({ queryKey: key });
  }
  client.setQueriesData<ConversationPage>({ queryKey: queryKeys.conversationLists }, (page) =>
    page && { ...page, items: page.items.filter((item) => item.id !== id) },
  );
  client.setQueryData<OfferView[]>(queryKeys.offers, (list) => list?.filter((offer) => offer.conversationId !== id));
}
