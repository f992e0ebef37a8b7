import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consoleApi, type TranscriptPage } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';
import { mergeActivity } from './transcript';

export function useRetryDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (activityId: string) => callConsole(consoleApi.retryDelivery, { params: { id: activityId } }),
    onSuccess: (activity) =>
      queryClient.setQueryData<TranscriptPage>(queryKeys.transcript(activity.conversationId), (page) => mergeActivity(page, activity)),
  });
}
