import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConversationSummary, OfferView } from '@/lib/views/types';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';

export const offersQuery = queryOptions({
  queryKey: queryKeys.offers,
  queryFn: () => fetchJson<{ items: OfferView[] }>('/api/console/offers').then((page) => page.items),
});

/** Offers, transfer and consult requests waiting for this agent's answer. */
export const useOffers = () => useQuery(offersQuery);

/** Keeps the cached list to this agent's pending offers as live updates arrive. */
export function mergeOffer(list: OfferView[] | undefined, offer: OfferView, agentId: string): OfferView[] | undefined {
  if (!list) return list;
  const others = list.filter((item) => item.id !== offer.id);
  return offer.agentId === agentId && offer.state === 'pending' ? [...others, offer] : others;
}

/** Answering removes the card at once; what follows runs at hook level, which survives the card unmounting. */
function useAnswerOffer<T>(verb: 'accept' | 'decline', onSuccess?: (result: T) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (offer: Pick<OfferView, 'id'>) =>
      fetchJson<T>(`/api/console/offers/${encodeURIComponent(offer.id)}/${verb}`, { method: 'POST', body: {} }),
    onSuccess,
    onSettled: (_result, _error, offer) =>
      queryClient.setQueryData<OfferView[]>(queryKeys.offers, (list) => list?.filter((item) => item.id !== offer.id)),
  });
}

/** Takes a conversation offered, or joins a consult, then opens the conversation. */
export function useTakeOffer(onTaken: (summary: ConversationSummary) => void) {
  const queryClient = useQueryClient();
  return useAnswerOffer<ConversationSummary>('accept', (summary) => {
    queryClient.setQueryData(queryKeys.conversation(summary.id), summary);
    onTaken(summary);
  });
}

export const useDeclineOffer = () => useAnswerOffer<{ ok: true }>('decline');

/** The rep who asked withdraws a transfer or consult request; the answer is the conversation's summary. */
export function useWithdrawRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { offerId: string }) =>
      fetchJson<ConversationSummary>(`/api/console/offers/${encodeURIComponent(request.offerId)}/withdraw`, { method: 'POST', body: {} }),
    onSuccess: (summary) => queryClient.setQueryData(queryKeys.conversation(summary.id), summary),
  });
}
