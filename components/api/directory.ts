import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { consoleApi, type AgentStatusView, type DirectoryView, type PresenceView } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

export const directoryQuery = queryOptions({
  queryKey: queryKeys.directory,
  queryFn: () => callConsole(consoleApi.directory),
});

/** Colleagues (presence, load) and queues: for presence, transfer and consult. */
export const useDirectory = () => useQuery(directoryQuery);

export function mergeAgentStatus(directory: DirectoryView | undefined, agent: AgentStatusView): DirectoryView | undefined {
  if (!directory) return directory;
  const known = directory.agents.some((item) => item.id === agent.id);
  return {
    ...directory,
    agents: known ? directory.agents.map((item) => (item.id === agent.id ? agent : item)) : [...directory.agents, agent],
  };
}

export function useSetPresence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (presence: PresenceView) => callConsole(consoleApi.setPresence, { body: { presence } }),
    onSuccess: (agent) => queryClient.setQueryData<DirectoryView>(queryKeys.directory, (directory) => mergeAgentStatus(directory, agent)),
  });
}
