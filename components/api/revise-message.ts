import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActivityView } from '@/lib/views/types';
import { fetchJson } from './fetch-json';
import { queryKeys } from './query-keys';
import { mergeActivity, type TranscriptPage } from './transcript';

/** Edit (with `text`) or delete (without) a message the rep sent. */
export function useReviseMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { activityId: string; text?: string }) =>
      fetchJson<ActivityView>(`/api/console/activities/${encodeURIComponent(input.activityId)}`, {
        method: input.text === undefined ? 'DELETE' : 'PATCH',
        body: input.text === undefined ? {} : { text: input.text },
      }),
    onSuccess: (activity) =>
      queryClient.setQueryData<TranscriptPage>(queryKeys.transcript(activity.conversationId), (page) => mergeActivity(page, activity)),
  });
}
