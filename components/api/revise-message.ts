import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consoleApi, type TranscriptPage } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';
import { mergeActivity } from './transcript';

/** Edit (with `text`) or delete (without) a message the rep sent. */
export function useReviseMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, text }: { activityId: string; text?: string }) =>
      text === undefined
        ? callConsole(consoleApi.deleteMessage, { params: { id: activityId } })
        : callConsole(consoleApi.editMessage, { params: { id: activityId }, body: { text } }),
    onSuccess: (activity) =>
      queryClient.setQueryData<TranscriptPage>(queryKeys.transcript(activity.conversationId), (page) => mergeActivity(page, activity)),
  });
}
