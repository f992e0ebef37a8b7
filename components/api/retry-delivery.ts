import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActivityView } from '@/lib/views/types';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';
import { mergeActivity, type TranscriptPage } from './transcript';

export function useRetryDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (activityId: string) =>
      fetchJson<ActivityView>(`/api/console/activities/${encodeURIComponent(activityId)}/retry`, { method: 'POST', body: {} }),
    onSuccess: (activity) =>
      queryClient.setQueryData<TranscriptPage>(queryKeys.transcript(activity.conversationId), (page) => mergeActivity(page, activity)),
  });
}
