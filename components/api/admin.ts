// The administration API: agents, queues, channel settings, bots and the console's signing keys.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { consoleApi, type BotCheckInput, type ResponseOf } from '@/lib/protocol/console';
import { callConsole, type CallInput } from './fetch-json';
import { queryKeys } from './query-keys';

export const adminAgentsQuery = queryOptions({
  queryKey: queryKeys.adminAgents,
  queryFn: () => callConsole(consoleApi.adminAgents).then((page) => page.items),
});
export const adminQueuesQuery = queryOptions({
  queryKey: queryKeys.adminQueues,
  queryFn: () => callConsole(consoleApi.adminQueues).then((page) => page.items),
});
export const adminChannelsQuery = queryOptions({
  queryKey: queryKeys.adminChannels,
  queryFn: () => callConsole(consoleApi.channelSettings),
});

export const adminBotKeysQuery = queryOptions({
  queryKey: queryKeys.adminBotKeys,
  queryFn: () => callConsole(consoleApi.botSigningKeys),
});

export const useAdminAgents = () => useQuery(adminAgentsQuery);
export const useAdminQueues = () => useQuery(adminQueuesQuery);
export const useAdminChannels = () => useQuery(adminChannelsQuery);
export const useAdminBotKeys = () => useQuery(adminBotKeysQuery);

/** Checking a bot changes nothing: its answer is the mutation's result. */
export const useCheckBot = () => useMutation({ mutationFn: (body: BotCheckInput) => callConsole(consoleApi.checkBot, { body }) });

type AdminEndpoint =
  | typeof consoleApi.createAgent
  | typeof consoleApi.updateAgent
  | typeof consoleApi.createQueue
  | typeof consoleApi.setQueueMembers
  | typeof consoleApi.updateQueue
  | typeof consoleApi.setQueueHours
  | typeof consoleApi.saveChannelSettings
  | typeof consoleApi.issueDirectLineSecret
  | typeof consoleApi.revokeDirectLineSecret
  | typeof consoleApi.rotateBotSigningKey;

/** Any administration change (`request` turns the form's input into the endpoint's call), then everything administrative is fetched again. */
export function useAdminCommand<E extends AdminEndpoint, Input = void>(endpoint: E, request: (input: Input) => CallInput<E>) {
  const queryClient = useQueryClient();
  const call = callConsole as (endpoint: E, input: CallInput<E>) => Promise<ResponseOf<E>>;
  return useMutation({
    mutationFn: (input: Input) => call(endpoint, request(input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.admin }),
  });
}
