import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { consoleApi, type ConversationSummary, type OfferView, type ResponseOf } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

export const offersQuery = queryOptions({
  queryKey: queryKeys.offers,
  queryFn: () => callConsole(consoleApi.offers).then((page) => page.items),
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
function useAnswerOffer<E extends typeof consoleApi.acceptOffer | typeof consoleApi.declineOffer>(endpoint: E, onSuccess?: (result: ResponseOf<E>) => void) {
  const queryClient = useQueryClient();
  const call = callConsole as (endpoint: E, input: { params: { id: string } }) => Promise<ResponseOf<E>>;
  return useMutation({
    mutationFn: (offer: Pick<OfferView, 'id'>) => call(endpoint, { params: { id: offer.id } }),
    onSuccess,
    onSettled: (_result, _error, offer) =>
      queryClient.setQueryData<OfferView[]>(queryKeys.offers, (list) => list?.filter((item) => item.id !== offer.id)),
  });
}

/** Takes a conversation offered, or joins a consult, then opens the conversation. */
export function useTakeOffer(onTaken: (summary: ConversationSummary) => void) {
  const queryClient = useQueryClient();
  return useAnswerOffer(consoleApi.acceptOffer, (summary: ConversationSummary) => {
    queryClient.setQueryData(queryKeys.conversation(summary.id), summary);
    onTaken(summary);
  });
}

export const useDeclineOffer = () => useAnswerOffer(consoleApi.declineOffer);

/** The rep who asked withdraws a transfer or consult request; the answer is the conversation's summary. */
export function useWithdrawRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { offerId: string }) =>
      callConsole(consoleApi.withdrawOffer, { params: { id: request.offerId } }),
    onSuccess: (summary) => queryClient.setQueryData(queryKeys.conversation(summary.id), summary),
  });
}
