import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { consoleApi, type ActivityView, type TranscriptPage } from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { queryKeys } from './query-keys';

export const transcriptQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.transcript(id),
    queryFn: () => callConsole(consoleApi.transcript, { params: { id }, query: { limit: 100 } }),
  });

export const useTranscript = (id: string) => useQuery(transcriptQuery(id));

/** Loads the page before the oldest one shown and puts it in front of the cached transcript. */
export function useLoadOlder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (before: number) => callConsole(consoleApi.transcript, { params: { id }, query: { before, limit: 100 } }),
    onSuccess: (older) =>
      queryClient.setQueryData<TranscriptPage>(queryKeys.transcript(id), (page) => {
        if (!page) return page;
        const known = new Set(page.items.map((item) => item.id));
        return { items: [...older.items.filter((item) => !known.has(item.id)), ...page.items], olderCursor: older.olderCursor };
      }),
  });
}

/**
 * Adds or replaces one activity (matched by id, or by the client id of an optimistic copy). A copy
 * older than the one shown is dropped: the realtime event can overtake the HTTP answer.
 */
export function mergeActivity(page: TranscriptPage | undefined, activity: ActivityView): TranscriptPage | undefined {
  if (!page) return page;
  const shown = page.items.find((item) => item.id === activity.id);
  if (shown && shown.updatedAt > activity.updatedAt) return page;
  const items = page.items.filter(
    (item) => item.id !== activity.id && !(activity.clientId && item.clientId === activity.clientId),
  );
  items.push(activity);
  items.sort((a, b) => a.seq - b.seq);
  return { ...page, items };
}
